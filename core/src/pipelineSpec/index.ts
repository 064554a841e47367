/**
 * The spec document model. The whole API:
 *
 * - `parseSpecFile(uri, text, languageId?)` → `SpecFile`: every document of a JSON or YAML file as one
 *   format-independent tree (`SpecNode`: object / array / scalar / alias) with offsets, the syntax errors
 *   recovered from, and `lines` (`LineIndex`: `positionAt`, `offsetAt`, LSP-style 0-based UTF-16 positions).
 * - `documentChunks(text, format)`: the `---`-separated parts of a file, each of which parses on its own
 *   (`parseSpecChunk`); a whole file is its chunks parsed in turn.
 * - `specRoots(file)` → each pipeline spec object (document roots, and items of top-level arrays).
 * - `nodeAt(file, offset)` → innermost node, its canonical path (`['transform','secrets',0,'name']`), on key or value.
 * - `fields.ts`: the field table (`resolveField(message, key)` accepts both spellings).
 * - `buildSpecModel(file)` → per spec, the secret references as nodes (specModel.ts), and the file's spelling style.
 */
export * from './tree';
export * from './lineIndex';
export * from './parseSpecFile';
export * from './documentChunks';
export * from './specRoots';
export * from './nodeAt';
export * from './fields';
export * from './specModel';
export * from './referenceDefaults';
export * from './secretReferenceEdit';
export * from './sourceText';
export * from './specProject';

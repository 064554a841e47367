// `node scripts/code-shape.mjs [--json]`: the shape of the product code, for reviews and for the test that keeps
// it free of import cycles (test/package/codeShape.test.ts). It lists files over 300 lines, functions over 60
// lines, lines over 120 characters and import cycles (type-only imports count: they tie files together for a
// reader all the same) in core, client, server, cli and tools.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const repoRoot = path.resolve(new URL('..', import.meta.url).pathname);
const PRODUCT = ['core/src', 'client/src', 'server/src', 'cli/src', 'tools'];
const LIMITS = { fileLines: 300, functionLines: 60, lineChars: 120 };

function sourceFiles(root, dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Functions, methods, arrows and accessors longer than the limit, named as a reader would search for them. */
function longFunctions(file, source) {
  const found = [];
  const visit = (node, owner) => {
    let name;
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node)) {
      name = node.name?.getText(source) ?? '(anonymous)';
    } else if (ts.isConstructorDeclaration(node)) {
      name = 'constructor';
    } else if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parent) {
      const p = node.parent;
      name = ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) ? p.name.getText(source) : '(callback)';
    }
    if (name) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      if (end - start + 1 > LIMITS.functionLines) {
        found.push({ file, name: owner ? `${owner}.${name}` : name, line: start + 1, lines: end - start + 1 });
      }
    }
    const nextOwner = ts.isClassDeclaration(node) ? (node.name?.getText(source) ?? owner) : owner;
    ts.forEachChild(node, (child) => visit(child, nextOwner));
  };
  visit(source, undefined);
  return found;
}

/** Relative imports and re-exports of a file, resolved to repository paths of files that exist. */
function importsOf(root, file, source) {
  const out = [];
  for (const statement of source.statements) {
    const spec = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.text));
    const target = [`${base}.ts`, `${base}/index.ts`].find((c) => fs.existsSync(path.join(root, c)));
    if (target) out.push(target);
  }
  return out;
}

/** Strongly connected components with more than one file (Tarjan), each sorted. */
function cycles(graph) {
  let index = 0;
  const indexes = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const connect = (v) => {
    indexes.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexes.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexes.get(w)));
    }
    if (low.get(v) === indexes.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexes.has(v)) connect(v);
  return found;
}

/** The shape of the tree at `root` (this repository unless a test gives a tree of its own). */
export function codeShape(root = repoRoot) {
  const files = PRODUCT.filter((d) => fs.existsSync(path.join(root, d))).flatMap((d) => sourceFiles(root, d));
  const report = { longFiles: [], longFunctions: [], longLines: [], cycles: [] };
  const graph = new Map();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const lines = text.split('\n');
    if (lines.length > LIMITS.fileLines) report.longFiles.push({ file, lines: lines.length });
    lines.forEach(
      (l, i) => l.length > LIMITS.lineChars && report.longLines.push({ file, line: i + 1, chars: l.length }),
    );
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    report.longFunctions.push(...longFunctions(file, source));
    graph.set(file, importsOf(root, file, source));
  }
  report.cycles = cycles(graph);
  report.longFiles.sort((a, b) => b.lines - a.lines);
  report.longFunctions.sort((a, b) => b.lines - a.lines);
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = codeShape();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`files over ${LIMITS.fileLines} lines: ${report.longFiles.length}`);
    for (const f of report.longFiles) console.log(`  ${f.file} ${f.lines}`);
    console.log(`functions over ${LIMITS.functionLines} lines: ${report.longFunctions.length}`);
    for (const f of report.longFunctions) console.log(`  ${f.file}:${f.line} ${f.name} ${f.lines}`);
    console.log(`lines over ${LIMITS.lineChars} characters: ${report.longLines.length}`);
    console.log(`import cycles: ${report.cycles.length}`);
    for (const c of report.cycles) console.log(`  ${c.join(' ↔ ')}`);
  }
}

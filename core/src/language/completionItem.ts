/** What completion in a pipeline spec takes and gives back. */
import type { CatalogIndex } from '../catalog/snapshot';
import type { SpecFile, SpellingStyle } from '../pipelineSpec';
import type { OffsetEdit } from '../text';

export interface SpecCompletionItem {
  label: string;
  kind: 'secret' | 'key' | 'field' | 'snippet';
  detail?: string;
  /** Markdown; metadata only. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  edit: OffsetEdit;
  /** `edit.newText` uses LSP snippet syntax (`${1:name}`). */
  snippet?: boolean;
}

export interface CompletionInput {
  file: SpecFile;
  offset: number;
  catalog: CatalogIndex;
  style: SpellingStyle;
  /**
   * False: secret items come without `documentation` (the server fills it in on `completionItem/resolve`
   * with `secretDocumentation`, so a long list stays small on the wire). Default true.
   */
  documentation?: boolean;
}

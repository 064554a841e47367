import type { OffsetRange } from '../text';
import type { CatalogIndex } from '../catalog/snapshot';
import type { SpecModel } from '../pipelineSpec/specModel';
import type { SpecFile } from '../pipelineSpec/tree';
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';
import { suggest } from './didYouMean';
import { finding, RULES, type Finding, type RuleCode } from './ruleTable';

/**
 * Suggestions depend only on the catalog (an immutable snapshot) and the name, and comparing a name with every
 * secret is the costliest check there is: kept per catalog, across analyses and the chunks of a file.
 */
const SIMILAR = new WeakMap<CatalogIndex, Map<string, string[]>>();
const MAX_REMEMBERED_NAMES = 10_000;

/**
 * What every rule reads, and where it reports. Cluster rules go through `reportCluster`, which stays silent until the
 * catalog is ready.
 */
export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly file: SpecFile,
    readonly model: SpecModel,
    readonly catalog: CatalogIndex,
  ) {}

  /**
   * Catalog names close to `name`, registry credentials first when `registryFirst`; memoised per catalog, as files
   * repeat names.
   */
  similarSecrets(name: string, registryFirst = false): string[] {
    const memoKey = `${registryFirst ? 'r' : 'a'}:${name}`;
    let similar = SIMILAR.get(this.catalog);
    // Typing a name makes a new one per keystroke: start over now and then rather than grow for hours.
    if (!similar || similar.size > MAX_REMEMBERED_NAMES) SIMILAR.set(this.catalog, (similar = new Map()));
    let out = similar.get(memoKey);
    if (!out) {
      const all = suggest(name, this.catalog.names());
      out = registryFirst
        ? [
            ...all.filter((n) => REGISTRY_SECRET_TYPES.has(this.catalog.get(n)!.type)),
            ...all.filter((n) => !REGISTRY_SECRET_TYPES.has(this.catalog.get(n)!.type)),
          ]
        : all;
      similar.set(memoKey, out);
    }
    return out;
  }

  report(
    code: RuleCode,
    range: OffsetRange,
    args?: Record<string, string | number>,
    data?: Record<string, unknown>,
  ): void {
    if (RULES[code].needsCatalog && !this.catalog.ready) return;
    this.findings.push(finding(code, range, args, data));
  }
}

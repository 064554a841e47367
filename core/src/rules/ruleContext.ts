import type { CatalogIndex } from '../catalog/snapshot';
import type { SpecModel } from '../spec/specModel';
import type { SpecFile } from '../spec/tree';
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';
import { suggest } from './didYouMean';
import { finding, RULES, type Finding, type RuleCode } from './ruleTable';

/** What every rule reads, and where it reports. Cluster rules go through `reportCluster`, which stays silent until the catalog is ready. */
export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly file: SpecFile,
    readonly model: SpecModel,
    readonly catalog: CatalogIndex,
  ) {}

  private readonly similar = new Map<string, string[]>();

  /** Catalog names close to `name`, registry credentials first when `registryFirst`; memoised, as a file often repeats a name. */
  similarSecrets(name: string, registryFirst = false): string[] {
    const memoKey = `${registryFirst ? 'r' : 'a'}:${name}`;
    let out = this.similar.get(memoKey);
    if (!out) {
      const all = suggest(name, this.catalog.names());
      out = registryFirst
        ? [...all.filter((n) => REGISTRY_SECRET_TYPES.has(this.catalog.get(n)!.type)), ...all.filter((n) => !REGISTRY_SECRET_TYPES.has(this.catalog.get(n)!.type))]
        : all;
      this.similar.set(memoKey, out);
    }
    return out;
  }

  report(code: RuleCode, range: { start: number; end: number }, args?: Record<string, string | number>, data?: Record<string, unknown>): void {
    if (RULES[code].needsCatalog && !this.catalog.ready) return;
    this.findings.push(finding(code, range, args, data));
  }
}

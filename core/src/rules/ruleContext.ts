import type { CatalogIndex } from '../catalog/snapshot';
import type { SpecModel } from '../spec/specModel';
import type { SpecFile } from '../spec/tree';
import { finding, RULES, type Finding, type RuleCode } from './ruleTable';

/** What every rule reads, and where it reports. Cluster rules go through `reportCluster`, which stays silent until the catalog is ready. */
export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly file: SpecFile,
    readonly model: SpecModel,
    readonly catalog: CatalogIndex,
  ) {}

  report(code: RuleCode, range: { start: number; end: number }, args?: Record<string, string | number>, data?: Record<string, unknown>): void {
    if (RULES[code].needsCatalog && !this.catalog.ready) return;
    this.findings.push(finding(code, range, args, data));
  }
}

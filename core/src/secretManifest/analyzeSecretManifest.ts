/**
 * The checks of a file of Secret manifests: every `v1` `Secret` document in it, or item of a `v1` `List` (other
 * Kubernetes objects beside them are left alone), what the API server would refuse or silently change, and, for
 * a YAML file, that `pachctl create secret -f` reads JSON only (pachyderm/pachyderm src/server/pps/cmds/cmds.go
 * reads the file's bytes and pachd `json.Unmarshal`s them into a v1.Secret; pachyderm/pachyderm#5770 asks for
 * YAML). The result keeps names, keys and sizes (`SecretManifestSummary`), never the file's text or a value.
 */
import { MAX_SECRET_DATA_BYTES } from '../manifest/secretSize';
import { secretNameApiProblem } from '../manifest/keyRules';
import type { SpecRoot } from '../pipelineSpec/specRoots';
import { stringValue, type SpecFile } from '../pipelineSpec/tree';
import { isPlaceholder } from '../rules/names';
import { finding, type Finding } from '../rules/ruleTable';
import { manifestEntries } from './manifestEntries';
import { detached, type ManifestKey, type SecretManifestSummary } from './manifestSummary';
import { readSecretManifest, secretManifestsIn, type SecretManifestView } from './readSecretManifest';
import { secretTypeFindings } from './secretTypeRules';

export interface SecretManifestAnalysis {
  findings: Finding[];
  manifests: SecretManifestSummary[];
}

/** PM004: the name the API server requires (`name or generateName is required`) and its DNS-1123 rule. */
function nameFindings(view: SecretManifestView): Finding[] {
  const p = view.nameProperty;
  const name = stringValue(p?.value);
  if (name === undefined || name === '') {
    const generated = view.metadata?.properties.some((q) => q.key === 'generateName');
    if (generated) return [];
    const where = p?.value ?? view.metadata ?? view.kindNode;
    return [finding('PM004', where, { problem: 'is required (name or generateName is required)' })];
  }
  const problem = isPlaceholder(name) ? undefined : secretNameApiProblem(name);
  return problem ? [finding('PM004', p!.value!, { problem })] : [];
}

/** PM010: `ValidateSecret` sums the decoded sizes of `data` (after `stringData` is merged) against 1 MiB. */
function sizeFindings(view: SecretManifestView, keys: readonly ManifestKey[]): Finding[] {
  let total = 0;
  for (const k of keys) total += k.bytes ?? 0;
  if (total <= MAX_SECRET_DATA_BYTES) return [];
  const where = view.fields.data ?? view.fields.stringData ?? view.kindNode;
  const range = 'keyStart' in where ? { start: where.keyStart, end: where.keyEnd } : where;
  return [
    finding('PM010', range, {
      bytes: total.toLocaleString('en-US'),
      limit: MAX_SECRET_DATA_BYTES.toLocaleString('en-US'),
    }),
  ];
}

function checkOne(view: SecretManifestView, yaml: boolean): { findings: Finding[]; summary: SecretManifestSummary } {
  const { keys, findings } = manifestEntries(view);
  const byName = new Map(keys.map((k) => [k.key, k]));
  findings.push(...nameFindings(view));
  findings.push(...secretTypeFindings(view, byName, view.typeNode ?? view.kindNode));
  findings.push(...sizeFindings(view, keys));
  if (yaml) findings.push(finding('PM011', view.kindNode));
  const name = stringValue(view.nameProperty?.value);
  const summary: SecretManifestSummary = {
    start: view.root.start,
    end: view.root.end,
    ...(name ? { name: detached(name) } : {}),
    type: detached(view.type),
    keys,
  };
  return { findings, summary };
}

/** The findings and summaries of every Secret document among `roots`, syntax errors first. */
export function analyzeSecretManifests(file: SpecFile, roots: readonly SpecRoot[]): SecretManifestAnalysis {
  const findings: Finding[] = file.syntaxErrors.map((e) => finding('PS100', e, { message: e.message }));
  const manifests: SecretManifestSummary[] = [];
  for (const secret of roots.flatMap((r) => secretManifestsIn(r.root))) {
    const view = readSecretManifest(secret);
    if (!view) continue;
    // One note per file: pachctl reads the file as a whole.
    const one = checkOne(view, file.format === 'yaml' && !manifests.length);
    findings.push(...one.findings);
    manifests.push(one.summary);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, manifests };
}

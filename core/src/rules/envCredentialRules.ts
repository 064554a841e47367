/**
 * PS050: a `transform.env` entry that holds a credential in plain text. Whoever can read the spec, the repository
 * it lives in, or the pipeline in the cluster (`pachctl inspect pipeline`) can read the value; a `transform.secrets`
 * entry with `envVar` gives the worker the same variable from a Kubernetes secret.
 *
 * The value's shape is asked first, as it is the surer sign and says which credential it is; the name second. The
 * message names the variable and why, never the value, and the finding's data carries the variable's name only.
 */
import type { SpecView } from '../pipelineSpec/specModel';
import { stringValue } from '../pipelineSpec/tree';
import { credentialNameKind } from './credentialNames';
import { credentialValueKind, isObviouslyNotCredential, namesASecretObject } from './credentialValues';
import { isPlaceholder } from './names';
import type { RuleContext } from './ruleContext';

/** Why `value` under `name` looks like a plain-text credential, in words that never quote it; else undefined. */
export function plainCredentialReason(name: string, value: string): string | undefined {
  if (isPlaceholder(value) || isObviouslyNotCredential(value)) return undefined;
  const byValue = credentialValueKind(value);
  if (byValue) return byValue;
  const kind = credentialNameKind(name);
  if (!kind) return undefined;
  if ((kind === 'a secret' || kind.includes('credential')) && namesASecretObject(value)) return undefined;
  return `its name says it is ${kind}`;
}

export function checkEnvCredentials(ctx: RuleContext, spec: SpecView): void {
  for (const p of spec.env) {
    const value = stringValue(p.value);
    if (value === undefined || !p.value) continue;
    const why = plainCredentialReason(p.key, value);
    if (!why) continue;
    const data: Record<string, unknown> = { env: p.key };
    if (spec.pipelineName !== undefined) data.pipeline = spec.pipelineName;
    ctx.report('PS050', { start: p.value.start, end: p.value.end }, { env: p.key, why }, data);
  }
}

/**
 * Where a workspace spec file uses one secret, for Inspect's "pipelines that use it" and Show Pipelines Using
 * Secret. Reads the spec model (core/src/pipelineSpec/specModel.ts), which knows every place a secret can appear.
 */
import type { OffsetRange } from '../text';
import { buildSpecModel } from '../pipelineSpec/specModel';
import { parseSpecFile } from '../pipelineSpec/parseSpecFile';
import { stringValue } from '../pipelineSpec/tree';

/** One place in a workspace spec that references the secret. */
export interface SecretUse {
  pipeline: string;
  /** Workspace-relative path of the spec file. */
  file: string;
  line: number;
  /** e.g. `transform.secrets[0] → env PASSWORD (key password)`. */
  how: string;
  /** The key the use names (`transform.secrets[].key`, `egress.sqlDatabase.secret.key`), if any. */
  key?: string;
  /** The environment variable the key's value goes into: read once, when the worker's container starts. */
  envVar?: string;
  /** Where the whole secret is mounted, one file per key: the kubelet updates the files in place. */
  mountPath?: string;
}

/** A use with the range of its reference (the name) in the file text. */
export interface SecretUseAt extends SecretUse, OffsetRange {}

export function findSecretUses(uri: string, relativePath: string, text: string, secretName: string): SecretUseAt[] {
  const file = parseSpecFile(uri, text);
  const model = buildSpecModel(file);
  const out: SecretUseAt[] = [];
  const at = (pipeline: string, how: string, start: number, end: number, facts: Partial<SecretUse> = {}) =>
    out.push({ pipeline, file: relativePath, line: file.lines.positionAt(start).line + 1, how, ...facts, start, end });
  for (const spec of model.specs) {
    const pipeline = spec.pipelineName ?? `(spec ${spec.index + 1})`;
    for (const entry of spec.secrets) {
      if (stringValue(entry.name?.value) !== secretName || !entry.name?.value) continue;
      const key = stringValue(entry.key?.value);
      const env = stringValue(entry.envVar?.value);
      const mount = stringValue(entry.mountPath?.value);
      const how = [env ? `env ${env}${key ? ` (key ${key})` : ''}` : '', mount ? `mounted at ${mount}` : '']
        .filter(Boolean)
        .join(', ');
      at(
        pipeline,
        `transform.secrets[${entry.index}]${how ? `: ${how}` : ''}`,
        entry.name.value.start,
        entry.name.value.end,
        {
          ...(key ? { key } : {}),
          ...(env ? { envVar: env } : {}),
          ...(mount ? { mountPath: mount } : {}),
        },
      );
    }
    spec.imagePullSecrets.forEach((ref, i) => {
      if (ref.name === secretName) at(pipeline, `transform.imagePullSecrets[${i}]`, ref.node.start, ref.node.end);
    });
    const egressName = spec.egress?.name?.value;
    if (egressName && stringValue(egressName) === secretName) {
      const key = stringValue(spec.egress?.key?.value);
      // pachd hands the key to the worker as PACHYDERM_SQL_PASSWORD (pachyderm/pachyderm
      // src/server/pps/server/worker_rc.go, getEgressSecretEnvVars).
      const facts = { envVar: 'PACHYDERM_SQL_PASSWORD', ...(key ? { key } : {}) };
      at(pipeline, `egress.sqlDatabase.secret${key ? ` (key ${key})` : ''}`, egressName.start, egressName.end, facts);
    }
    for (const pod of spec.podStrings) {
      for (const ref of pod.refs) {
        if (ref.name === secretName)
          at(pipeline, `${pod.field} (${ref.kind}${ref.key ? ` ${ref.key}` : ''})`, ref.start, ref.end);
      }
    }
  }
  return out;
}

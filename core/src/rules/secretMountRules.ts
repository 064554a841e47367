/**
 * PS001–PS013 on `transform.secrets[]`: pachd's own checks (in its order and wording) plus the mistakes pachd
 * lets through and the pod then fails on (duplicate volumes, bad volume names, clashing mounts, env names).
 */
import type { SecretEntry, SpecView } from '../pipelineSpec/specModel';
import { stringValue, type PropertyNode } from '../pipelineSpec/tree';
import { isDns1123Subdomain, isEnvVarName, isPlaceholder, mountPathProblem } from './names';
import type { RuleContext } from './ruleContext';
import { checkSecretExists } from './secretExistence';

const valueRange = (p: PropertyNode) => p.value ?? { start: p.keyStart, end: p.keyEnd };

export function checkSecretMounts(ctx: RuleContext, spec: SpecView): void {
  const mounted = new Set<string>();
  // Variable → who sets it, for PS011; transform.env comes first in the pod, as pachd builds it.
  const envSetBy = new Map<string, string>();
  for (const p of spec.env) envSetBy.set(p.key, 'transform.env');
  for (const e of spec.secrets) checkEntry(ctx, e, mounted, envSetBy);
}

function checkEntry(ctx: RuleContext, e: SecretEntry, mounted: Set<string>, envSetBy: Map<string, string>): void {
  const name = stringValue(e.name?.value) || undefined;
  const key = stringValue(e.key?.value) || undefined;
  const mountPath = stringValue(e.mountPath?.value) || undefined;
  const envVar = stringValue(e.envVar?.value) || undefined;
  const entry = { start: e.entry.start, end: e.entry.end };
  const shown = name ?? '""';

  if (!name) ctx.report('PS006', entry, {}, { missing: 'name' });
  if (envVar && !key) ctx.report('PS001', entry, { name: shown }, { missing: 'key', name });
  if (key && mountPath && !envVar) ctx.report('PS004', valueRange(e.key!), { name: shown }, { name });
  if (!mountPath && !envVar) ctx.report('PS005', entry, { name: shown }, { name });

  if (name && !isPlaceholder(name)) {
    const nameRange = valueRange(e.name!);
    if (!isDns1123Subdomain(name)) ctx.report('PS013', nameRange, { name }, { name });
    else {
      if (mountPath && name.includes('.')) ctx.report('PS008', nameRange, { name }, { name });
      if (mountPath && mounted.has(name)) ctx.report('PS007', nameRange, { name }, { name });
      // pachd checks the key only for env vars: a mount takes every key.
      checkSecretExists(ctx, name, nameRange, envVar && key ? { key, range: valueRange(e.key!) } : undefined);
    }
  }
  if (name && mountPath) mounted.add(name);

  if (mountPath && !isPlaceholder(mountPath)) {
    const why = mountPathProblem(mountPath);
    if (why) ctx.report('PS009', valueRange(e.mountPath!), { path: mountPath, why });
  }
  if (envVar && !isPlaceholder(envVar)) {
    const range = valueRange(e.envVar!);
    if (!isEnvVarName(envVar)) ctx.report('PS010', range, { envVar });
    const other = envSetBy.get(envVar);
    if (other) ctx.report('PS011', range, { envVar, other }, { envVar });
    else envSetBy.set(envVar, `secret ${shown}`);
  }
}

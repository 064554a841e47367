/**
 * What a Helm values finding (PH001–PH008) is, and how its messages write names. Messages name values, secrets
 * and keys, never a value's content.
 */
import type { SecretMeta } from '../catalog/secretMeta';
import { finding as ruleFinding, type Finding } from '../rules/ruleTable';
import type { HelmRuleCode } from './helmRuleTable';
import type { OffsetRange } from '../text';

/** What a quick fix needs; carried in the diagnostic's `data`. Holds paths and names only, never a value. */
export type HelmFixData =
  | {
      kind: 'move-to-secret';
      /** The plain value to move (its range is the finding's range). */
      plainPath: string;
      /** The SecretName value that replaces it. */
      secretNamePath: string;
      key: string;
      suggestedName: string;
    }
  | { kind: 'copy-key'; secret: string; from: string; to: string }
  | { kind: 'remove-ignored-plain'; plainPath: string };

/** A spec-rule `Finding` with a PH code; `data` carries what the quick fix needs. */
export interface HelmFinding extends Finding {
  code: HelmRuleCode;
  data?: HelmFixData;
}

export function finding(code: HelmRuleCode, message: string, range: OffsetRange, data?: HelmFixData): HelmFinding {
  return ruleFinding(code, range, { message }, data) as HelmFinding;
}

export const quote = (s: string) => `\`${s}\``;
export const podsText = (pods: string[]) => pods.join(', ');

export function hasKey(secret: SecretMeta, key: string): boolean {
  return secret.keys.some((k) => k.name === key);
}

/** PH007 for a secret that image pulls are told to use but that holds no registry credential. */
export function notRegistry(secret: SecretMeta, range: OffsetRange): HelmFinding {
  return finding(
    'PH007',
    `Secret ${quote(secret.name)} has type ${quote(secret.type)}, not a registry credential ` +
      '(`kubernetes.io/dockerconfigjson`); image pulls will not use it.',
    range,
  );
}

/** `pachyderm.certificateExpiryWarningDays` as the tree and Inspect Secret read it (the server reads its own). */
import * as vscode from 'vscode';
import { DEFAULT_CERTIFICATE_WARNING_DAYS } from '../../../core/src/certificates';

export const CERTIFICATE_WARNING_SETTING = 'pachyderm.certificateExpiryWarningDays';

/** The window in days; a value that is not a whole number of days ≥ 0 counts as unset. */
export function certificateWarningDays(): number {
  const days = vscode.workspace.getConfiguration('pachyderm').get<unknown>('certificateExpiryWarningDays');
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : DEFAULT_CERTIFICATE_WARNING_DAYS;
}

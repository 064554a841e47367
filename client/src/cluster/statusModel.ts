/** The status bar's words for each catalog state, without `vscode`, so they are tested in node. */
import type { CatalogSnapshot } from '../../../core/src/catalog';
import { insecurityText } from '../../../core/src/kubeconfig';

/** The state's words, with a mark in front and a warning line first whenever the connection is not verified. */
export function statusText(snapshot: CatalogSnapshot): { text: string; tooltip: string; error: boolean } {
  const plain = stateText(snapshot);
  if (!snapshot.insecurity) return plain;
  const { mark, sentence } = insecurityText(snapshot.insecurity);
  return { ...plain, text: `$(unlock) ${plain.text}`, tooltip: `⚠ ${mark}: ${sentence}\n${plain.tooltip}` };
}

function stateText(snapshot: CatalogSnapshot): { text: string; tooltip: string; error: boolean } {
  const where = snapshot.context ? `${snapshot.context}/${snapshot.namespace}` : snapshot.namespace;
  const s = snapshot.state;
  switch (s.kind) {
    case 'ready':
      return {
        text: `$(key) ${snapshot.secrets.length} secrets`,
        tooltip: `Pachyderm secrets: ${snapshot.secrets.length} in ${where}. Specs are checked against them.`,
        error: false,
      };
    case 'loading':
      return { text: '$(sync~spin) secrets', tooltip: `Pachyderm secrets: loading ${where}…`, error: false };
    case 'unknown':
      return {
        text: '$(debug-disconnect) secrets',
        tooltip: `Pachyderm secrets: ${s.reason}. Cluster checks are off.`,
        error: false,
      };
    case 'error':
      return {
        text: `$(error) secrets: ${s.problem}`,
        tooltip:
          `Pachyderm secrets (${where}): ${s.reason}\n` + 'Checks that need the cluster are off until it can be read.',
        error: true,
      };
  }
}

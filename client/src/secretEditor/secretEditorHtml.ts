/**
 * The decoded editor's webview page. It holds no value: the text arrives by message once the page is up. It
 * never calls `setState` (VS Code keeps webview state in its backups and editor history), and its text area has
 * autocomplete, spell check and autocorrect off, so the browser neither saves its content for form restore nor
 * sends it to a spelling service.
 */
import { randomBytes } from 'node:crypto';

/** The page's look, in the workbench's theme colours. */
const PAGE_STYLE = `body { padding: 0 12px; font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
textarea { width: 100%; height: 60vh; box-sizing: border-box; font-family: var(--vscode-editor-font-family);
  font-size: var(--vscode-editor-font-size); color: var(--vscode-input-foreground);
  background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
.note { opacity: 0.8; } .problem { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; } td, th { border: 1px solid var(--vscode-panel-border); padding: 2px 6px;
  text-align: left; vertical-align: top; white-space: pre-wrap; font-family: var(--vscode-editor-font-family); }
[hidden] { display: none; }
`;

/** The page's behaviour: it sends every change and Save to the extension, and shows what it is sent. */
const PAGE_SCRIPT = `const vscode = acquireVsCodeApi();
const byId = (id) => document.getElementById(id);
const text = byId('text');
text.addEventListener('input', () => {
  show('dirty', true);
  vscode.postMessage({ type: 'edit', text: text.value });
});
const save = () => vscode.postMessage({ type: 'save' });
byId('save').addEventListener('click', save);
window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's') {
    e.preventDefault();
    save();
  }
});
byId('overwrite').addEventListener('click', () => vscode.postMessage({ type: 'overwrite' }));
byId('discard').addEventListener('click', () => vscode.postMessage({ type: 'discard' }));
function show(id, message) {
  byId(id).hidden = !message;
  if (typeof message === 'string' && message) byId(id).textContent = message;
}
function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value;
  row.appendChild(td);
}
window.addEventListener('message', (event) => {
  const m = event.data;
  if (m.type === 'load') {
    text.value = m.text;
    show('dirty', m.dirty);
    show('problem', '');
    show('conflict', '');
  }
  if (m.type === 'problem') show('problem', m.message);
  if (m.type === 'saved') {
    show('dirty', false);
    show('problem', '');
    show('conflict', '');
  }
  if (m.type === 'conflict') {
    byId('conflictText').textContent = m.message;
    const body = byId('conflictRows');
    body.replaceChildren();
    for (const r of m.rows) {
      const tr = document.createElement('tr');
      for (const value of [r.key, r.mine, r.cluster]) cell(tr, value);
      body.appendChild(tr);
    }
    show('conflict', true);
  }
});
vscode.postMessage({ type: 'ready' });
`;

export function secretEditorHtml(cspSource: string): string {
  const nonce = randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
  content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
${PAGE_STYLE}</style></head><body>
<p class="note" id="about">Text keys are under <code>stringData</code>, decoded. Binary keys are under <code>data</code>
as base64 (as in a Secret); a value left as it is is written back byte for byte. Save (Ctrl+S) writes to the
cluster only if the secret has not changed there since it was read. Unsaved changes are kept in memory only: they
are never written to disk, and closing this editor or reloading the window drops them without asking.</p>
<p><button id="save">Save to the cluster</button> <span class="problem" id="dirty" hidden>● Unsaved changes</span></p>
<p class="problem" id="problem" hidden></p>
<div id="conflict" hidden><p class="problem" id="conflictText"></p>
<table><thead><tr><th>key</th><th>yours</th><th>in the cluster now</th></tr></thead>
<tbody id="conflictRows"></tbody></table>
<p><button id="overwrite">Save mine over the cluster's version</button>
<button id="discard">Load the cluster's version (discard mine)</button></p></div>
<textarea id="text" spellcheck="false" autocomplete="off" autocorrect="off" autocapitalize="off" wrap="off"
  aria-label="Decoded secret data"></textarea>
<script nonce="${nonce}">
${PAGE_SCRIPT}</script></body></html>`;
}

/**
 * The TLS wizard's last step names the certificate being written and, picked, lists its public facts: at a moment
 * the test gives, so the words do not depend on the clock. No PEM text is ever shown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeSourceReader } from '../../core/src/manifest';
import { initialTlsState, runTlsWizard } from '../../client/src/wizards/tlsWizard';
import { certificateAround, daysFrom, makeCertificate } from '../support/certificates';
import { RecordingSinks, ScriptedUi, type Answer } from './scriptedWizardUi';

const NOW = new Date('2026-06-01T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'ps-tls-wizard-'));
const ca = certificateAround(NOW, 'Wizard CA', -100, 1000, 'rsa');
const leaf = makeCertificate({
  cn: 'web.example',
  sans: ['DNS:web.example', 'IP:10.1.2.3'],
  issuer: ca,
  notBefore: daysFrom(NOW, -30),
  notAfter: daysFrom(NOW, 12.5),
});
writeFileSync(join(dir, 'web.crt'), leaf.cert + ca.cert);
writeFileSync(join(dir, 'web.key'), leaf.key);

/** Name, certificate and key: the answers that lead to the last step. */
const UP_TO_THE_LAST_STEP: Answer[] = [
  { input: 'web-tls' },
  { pick: 'Choose the certificate' },
  { file: join(dir, 'web.crt') },
  { pick: 'Choose the private key' },
  { file: join(dir, 'web.key') },
];

test('the last step shows the certificate being written; picking it lists every fact', async () => {
  const ui = new ScriptedUi([
    ...UP_TO_THE_LAST_STEP,
    { pick: 'Certificate web.example' },
    { pick: 'Create in cluster' },
  ]);
  const sinks = new RecordingSinks();
  assert.equal(
    await runTlsWizard(ui, sinks, nodeSourceReader, initialTlsState(), () => ({ now: NOW.getTime(), warningDays: 30 })),
    'done',
  );
  const last = ui.shown.filter((s) => s.step === 4);
  assert.equal(last.length, 2, 'picking the certificate row stays on the last step');
  assert.equal(last[0].labels![0], '$(warning) Certificate web.example: expires in 12 days');
  assert.match(ui.infos[0], /^Certificate: validity: expires in 12 days; subject CN: web\.example; /);
  assert.match(ui.infos[0], /SANs: DNS:web\.example, IP Address:10\.1\.2\.3; issuer: Wizard CA; /);
  assert.match(ui.infos[0], /key: EC 256 \(prime256v1\); chain: 2 certificates .*; tls\.key matches: yes\.$/);
  assert.equal(sinks.created.length, 1);
  const shown = JSON.stringify([ui.shown, ui.infos, ui.errors]);
  for (const pem of [leaf.cert, leaf.key, ca.cert]) assert.ok(!shown.includes(pem.split('\n')[1]));
});

test('a certificate valid beyond the window is marked as verified', async () => {
  const ui = new ScriptedUi([...UP_TO_THE_LAST_STEP, 'cancel']);
  const earlier = daysFrom(NOW, -20).getTime();
  assert.equal(
    await runTlsWizard(ui, new RecordingSinks(), nodeSourceReader, initialTlsState(), () => ({
      now: earlier,
      warningDays: 30,
    })),
    'cancel',
  );
  assert.equal(ui.shown.at(-1)!.labels![0], '$(verified) Certificate web.example: valid for 32 days');
});

test('the last step warns within the window it is given, as pachyderm.certificateExpiryWarningDays sets it', async () => {
  const ui = new ScriptedUi([...UP_TO_THE_LAST_STEP, 'cancel']);
  const earlier = daysFrom(NOW, -20).getTime();
  const policy = () => ({ now: earlier, warningDays: 60 });
  assert.equal(await runTlsWizard(ui, new RecordingSinks(), nodeSourceReader, initialTlsState(), policy), 'cancel');
  assert.equal(ui.shown.at(-1)!.labels![0], '$(warning) Certificate web.example: expires in 32 days');
});

/**
 * @kubernetes/client-node, unchanged, against the local API server: paging, watches with resourceVersion and
 * their 410 expiry, dry run, and the API's validation and conflict errors as client code meets them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { opaque, startTestCluster, statusOf, watchUntilEnd, type TestCluster } from './helpers';

let cluster: TestCluster;
let api: k8s.CoreV1Api;
before(async () => {
  cluster = await startTestCluster({ bookmarkIntervalMs: 50 });
  api = cluster.core();
  for (let i = 0; i < 7; i++)
    await api.createNamespacedSecret({
      namespace: 'default',
      body: opaque(`page-${i}`, { k: String(i) }, { group: 'paging' }),
    });
});
after(() => cluster.dispose());

interface Seen {
  type: string;
  name?: string;
  object: { code?: number; reason?: string; metadata?: { name?: string; resourceVersion?: string } };
}

/** Starts a client-node watch and records its events; `next` resolves with the first event matching a predicate. */
async function watch(path: string, query: Record<string, string | number | boolean | undefined>) {
  const events: Seen[] = [];
  let done: { error?: unknown } | undefined;
  const waiters: Array<() => void> = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  const req = await new k8s.Watch(cluster.kubeConfig()).watch(
    path,
    query,
    (type, object) => {
      events.push({ type, name: object?.metadata?.name, object });
      wake();
    },
    (error) => {
      done = { error };
      wake();
    },
  );
  const until = async <T>(get: () => T | undefined, what: string): Promise<T> => {
    const deadline = setTimeout(wake, 10000);
    try {
      for (;;) {
        const found = get();
        if (found !== undefined) return found;
        if (done && !events.length) throw new Error(`watch ended before ${what}`);
        await new Promise<void>((r) => waiters.push(r));
        if (get() === undefined && done) throw new Error(`watch ended before ${what}: ${JSON.stringify(events)}`);
      }
    } finally {
      clearTimeout(deadline);
    }
  };
  return {
    events,
    abort: () => req.abort(),
    next: (pred: (e: Seen) => boolean, what = 'the expected event') => until(() => events.find(pred), what),
    ended: () => until(() => done, 'the end of the watch'),
  };
}

test('list with limit and continue pages through every secret once, in name order', async () => {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await api.listNamespacedSecret({
      namespace: 'default',
      limit: 3,
      labelSelector: 'group=paging',
      _continue: token,
    });
    seen.push(...page.items.map((s) => s.metadata!.name!));
    token = page.metadata?._continue || undefined;
    if (token) assert.equal(page.metadata?.remainingItemCount, 7 - seen.length);
    pages++;
  } while (token);
  assert.equal(pages, 3);
  assert.deepEqual(seen, ['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
});

test('the pages of a list are a consistent snapshot: a secret created mid-way is not in later pages', async () => {
  const first = await api.listNamespacedSecret({ namespace: 'default', limit: 2, labelSelector: 'group=paging' });
  await api.createNamespacedSecret({ namespace: 'default', body: opaque('page-5a', { k: 'x' }, { group: 'paging' }) });
  const rest = await api.listNamespacedSecret({
    namespace: 'default',
    labelSelector: 'group=paging',
    _continue: first.metadata!._continue,
  });
  assert.equal(rest.metadata?.resourceVersion, first.metadata?.resourceVersion);
  assert.ok(!rest.items.some((s) => s.metadata?.name === 'page-5a'));
  await api.deleteNamespacedSecret({ namespace: 'default', name: 'page-5a' });
});

test('a continue token older than the history is 410 Expired, with a token to continue inconsistently', async () => {
  const first = await api.listNamespacedSecret({ namespace: 'default', limit: 2, labelSelector: 'group=paging' });
  cluster.faults.expireResourceVersions();
  const status = await statusOf(
    api.listNamespacedSecret({
      namespace: 'default',
      labelSelector: 'group=paging',
      _continue: first.metadata!._continue,
    }),
  );
  assert.equal(status.code, 410);
  assert.equal(status.reason, 'Expired');
  assert.match(status.message, /^The provided continue parameter is too old to display a consistent list result/);
  const inconsistent = (status as unknown as { metadata: { continue: string } }).metadata.continue;
  const rest = await api.listNamespacedSecret({
    namespace: 'default',
    labelSelector: 'group=paging',
    _continue: inconsistent,
  });
  assert.deepEqual(
    rest.items.map((s) => s.metadata!.name),
    ['page-2', 'page-3', 'page-4', 'page-5', 'page-6'],
  );
});

test('Watch from a list resourceVersion sees ADDED, MODIFIED and DELETED in order', async () => {
  const list = await api.listNamespacedSecret({ namespace: 'default' });
  const w = await watch('/api/v1/namespaces/default/secrets', { resourceVersion: list.metadata!.resourceVersion });
  try {
    await api.createNamespacedSecret({ namespace: 'default', body: opaque('watched', { a: '1' }) });
    await api.patchNamespacedSecret(
      { namespace: 'default', name: 'watched', body: { stringData: { b: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await api.deleteNamespacedSecret({ namespace: 'default', name: 'watched' });
    await w.next((e) => e.type === 'DELETED' && e.name === 'watched');
    assert.deepEqual(
      w.events.filter((e) => e.name === 'watched').map((e) => e.type),
      ['ADDED', 'MODIFIED', 'DELETED'],
    );
  } finally {
    w.abort();
  }
});

test('a watch of /api/v1/secrets sees every namespace; deleting a namespace deletes its secrets', async () => {
  await api.createNamespace({ body: { metadata: { name: 'elsewhere' } } });
  const w = await watch('/api/v1/secrets', { resourceVersion: cluster.store.resourceVersion });
  try {
    await api.createNamespacedSecret({ namespace: 'elsewhere', body: opaque('far-away', { a: '1' }) });
    await w.next((e) => e.type === 'ADDED' && e.name === 'far-away');
    await api.deleteNamespace({ name: 'elsewhere' });
    await w.next((e) => e.type === 'DELETED' && e.name === 'far-away');
    assert.equal((await statusOf(api.readNamespace({ name: 'elsewhere' }))).code, 404);
  } finally {
    w.abort();
  }
});

test('a watch resumed from an older resourceVersion replays the changes since then', async () => {
  const list = await api.listNamespacedSecret({ namespace: 'default' });
  await api.createNamespacedSecret({ namespace: 'default', body: opaque('missed-while-away', { a: '1' }) });
  const w = await watch('/api/v1/namespaces/default/secrets', { resourceVersion: list.metadata!.resourceVersion });
  try {
    const e = await w.next((x) => x.name === 'missed-while-away');
    assert.equal(e.type, 'ADDED');
    assert.equal(w.events.length, 1, 'only changes after the resourceVersion are replayed');
  } finally {
    w.abort();
    await api.deleteNamespacedSecret({ namespace: 'default', name: 'missed-while-away' });
  }
});

test('a watch with a label selector sees a relabelled secret leave as DELETED and come back as ADDED', async () => {
  await api.createNamespacedSecret({ namespace: 'default', body: opaque('relabelled', { a: '1' }, { tier: 'gold' }) });
  const w = await watch('/api/v1/namespaces/default/secrets', { labelSelector: 'tier=gold' });
  try {
    await w.next((e) => e.type === 'ADDED' && e.name === 'relabelled', 'the initial ADDED');
    const relabel = (tier: string) =>
      api.patchNamespacedSecret(
        { namespace: 'default', name: 'relabelled', body: { metadata: { labels: { tier } } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
    await relabel('silver');
    await w.next((e) => e.type === 'DELETED' && e.name === 'relabelled');
    await relabel('gold');
    await w.next((e) => e.type === 'ADDED' && e.name === 'relabelled' && w.events.indexOf(e) > 0);
    assert.deepEqual(
      w.events.map((e) => e.type),
      ['ADDED', 'DELETED', 'ADDED'],
    );
  } finally {
    w.abort();
  }
});

test('a watch from an expired resourceVersion gets an ERROR event with a 410 Expired Status, then ends', async () => {
  const list = await api.listNamespacedSecret({ namespace: 'default' });
  cluster.faults.expireResourceVersions();
  const w = await watch('/api/v1/namespaces/default/secrets', { resourceVersion: list.metadata!.resourceVersion });
  const e = await w.next((x) => x.type === 'ERROR');
  assert.equal(e.object.code, 410);
  assert.equal(e.object.reason, 'Expired');
  assert.match((e.object as { message: string }).message, /^too old resource version: \d+ \(\d+\)$/);
  await w.ended();
});

test('the bounded history expires resourceVersions once enough events have passed', async () => {
  const small = await startTestCluster({ historyLimit: 3 });
  try {
    const smallApi = small.core();
    const list = await smallApi.listNamespacedSecret({ namespace: 'default' });
    for (let i = 0; i < 5; i++)
      await smallApi.createNamespacedSecret({ namespace: 'default', body: opaque(`h${i}`, { a: '1' }) });
    const events = await watchUntilEnd(small, '/api/v1/namespaces/default/secrets', list.metadata!.resourceVersion!);
    assert.deepEqual(events, [{ type: 'ERROR', code: 410 }]);
  } finally {
    await small.dispose();
  }
});

test('allowWatchBookmarks brings BOOKMARK events carrying the current resourceVersion', async () => {
  const w = await watch('/api/v1/namespaces/default/secrets', {
    resourceVersion: (await api.listNamespacedSecret({ namespace: 'default' })).metadata!.resourceVersion,
    allowWatchBookmarks: true,
  });
  try {
    const b = await w.next((e) => e.type === 'BOOKMARK');
    assert.equal(b.object.metadata?.resourceVersion, cluster.store.resourceVersion);
  } finally {
    w.abort();
  }
});

test('sendInitialEvents streams the current state, then a BOOKMARK marked initial-events-end', async () => {
  const w = await watch('/api/v1/namespaces/default/secrets', {
    sendInitialEvents: true,
    resourceVersionMatch: 'NotOlderThan',
    allowWatchBookmarks: true,
    labelSelector: 'group=paging',
  });
  try {
    const end = await w.next((e) => e.type === 'BOOKMARK');
    assert.deepEqual((end.object.metadata as { annotations?: Record<string, string> }).annotations, {
      'k8s.io/initial-events-end': 'true',
    });
    const before = w.events.slice(0, w.events.indexOf(end));
    assert.ok(before.length >= 7 && before.every((e) => e.type === 'ADDED'));
  } finally {
    w.abort();
  }
  const refused = await statusOf(
    api.listNamespacedSecret({ namespace: 'default', watch: true, sendInitialEvents: true, allowWatchBookmarks: true }),
  );
  assert.equal(refused.code, 422);
  assert.match(refused.message, /sendInitialEvents requires setting resourceVersionMatch to NotOlderThan/);
});

test('timeoutSeconds ends a watch cleanly', async () => {
  const w = await watch('/api/v1/namespaces/default/secrets', {
    resourceVersion: cluster.store.resourceVersion,
    timeoutSeconds: 1,
  });
  const end = await w.ended();
  assert.ok(end.error == null, `the watch ended without an error, got ${String(end.error)}`);
});

test('dryRun=All validates and returns the object but stores nothing, for create, update and delete', async () => {
  const created = await api.createNamespacedSecret({
    namespace: 'default',
    body: opaque('dry-run', { a: '1' }),
    dryRun: 'All',
  });
  assert.equal(created.metadata?.name, 'dry-run');
  assert.ok(created.metadata?.uid);
  assert.equal(cluster.store.has('secrets', 'default', 'dry-run'), false);
  const invalid = await statusOf(
    api.createNamespacedSecret({ namespace: 'default', body: opaque('Dry_Run', { a: '1' }), dryRun: 'All' }),
  );
  assert.equal(invalid.code, 422, 'a dry run still validates');
  await api.createNamespacedSecret({ namespace: 'default', body: opaque('kept', { a: '1' }) });
  const rv = cluster.store.resourceVersion;
  await api.replaceNamespacedSecret({
    namespace: 'default',
    name: 'kept',
    body: opaque('kept', { a: '2' }),
    dryRun: 'All',
  });
  await api.deleteNamespacedSecret({ namespace: 'default', name: 'kept', dryRun: 'All' });
  assert.equal(cluster.store.resourceVersion, rv);
  assert.equal(
    Buffer.from(
      (cluster.store.get('secrets', 'default', 'kept').data as Record<string, string>).a,
      'base64',
    ).toString(),
    '1',
  );
});

test('type-specific required keys are 422 Invalid with one cause per missing key', async () => {
  const tls = await statusOf(
    api.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'half-tls' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } },
    }),
  );
  assert.equal(tls.code, 422);
  assert.equal(tls.reason, 'Invalid');
  assert.equal(tls.message, 'Secret "half-tls" is invalid: data[tls.key]: Required value');
  assert.deepEqual(tls.details?.causes, [
    { reason: 'FieldValueRequired', message: 'Required value', field: 'data[tls.key]' },
  ]);
  const docker = await statusOf(
    api.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'no-docker' }, type: 'kubernetes.io/dockerconfigjson', stringData: {} },
    }),
  );
  assert.equal(docker.message, 'Secret "no-docker" is invalid: data[.dockerconfigjson]: Required value');
  const badJson = await statusOf(
    api.createNamespacedSecret({
      namespace: 'default',
      body: {
        metadata: { name: 'bad-docker' },
        type: 'kubernetes.io/dockerconfigjson',
        stringData: { '.dockerconfigjson': 'hunter2-not-json' },
      },
    }),
  );
  assert.equal(badJson.code, 422);
  assert.match(badJson.message, /data\[\.dockerconfigjson\]: Invalid value: "<secret contents redacted>"/);
  assert.ok(!JSON.stringify(badJson).includes('hunter2'), 'the error never echoes the value');
});

test('bad data keys, several at once, give one cause each', async () => {
  const s = await statusOf(
    api.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'bad-keys' }, stringData: { '../x': 'x', 'a b': 'y', ok: 'z' } },
    }),
  );
  assert.equal(s.code, 422);
  assert.deepEqual(
    s.details?.causes?.map((c) => c.field),
    ['data[../x]', 'data[../x]', 'data[a b]'],
  );
  assert.match(
    s.message,
    /^Secret "bad-keys" is invalid: \[data\[\.\.\/x\]: Invalid value: "\.\.\/x": a valid config key must consist/,
  );
  assert.match(s.message, /data\[\.\.\/x\]: Invalid value: "\.\.\/x": must not start with '\.\.'/);
});

test('a data value that is not base64 is a 400 that names the byte, not the value', async () => {
  const s = await statusOf(
    api.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'bad-b64' }, data: { k: 'abc$def' } },
    }),
  );
  assert.equal(s.code, 400);
  assert.equal(s.reason, 'BadRequest');
  assert.equal(s.message, 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
});

test('type is immutable, and so is the data of an immutable secret', async () => {
  await api.createNamespacedSecret({
    namespace: 'default',
    body: { metadata: { name: 'frozen' }, stringData: { a: '1' }, immutable: true },
  });
  const current = await api.readNamespacedSecret({ namespace: 'default', name: 'frozen' });
  const typeChange = await statusOf(
    api.replaceNamespacedSecret({
      namespace: 'default',
      name: 'frozen',
      body: { ...current, type: 'kubernetes.io/basic-auth', data: { username: 'eA==' } },
    }),
  );
  assert.equal(typeChange.code, 422);
  assert.match(typeChange.message, /type: Invalid value: "kubernetes.io\/basic-auth": field is immutable/);
  const dataChange = await statusOf(
    api.replaceNamespacedSecret({ namespace: 'default', name: 'frozen', body: { ...current, data: { a: 'Mg==' } } }),
  );
  assert.equal(
    dataChange.message,
    'Secret "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set',
  );
});

test('an update with a stale resourceVersion is 409 Conflict; a create of an existing name is 409 AlreadyExists', async () => {
  const created = await api.createNamespacedSecret({ namespace: 'default', body: opaque('contended', { a: '1' }) });
  await api.replaceNamespacedSecret({
    namespace: 'default',
    name: 'contended',
    body: { ...created, stringData: { a: '2' } },
  });
  const stale = await statusOf(
    api.replaceNamespacedSecret({
      namespace: 'default',
      name: 'contended',
      body: { ...created, stringData: { a: '3' } },
    }),
  );
  assert.equal(stale.code, 409);
  assert.equal(stale.reason, 'Conflict');
  assert.equal(
    stale.message,
    'Operation cannot be fulfilled on secrets "contended": the object has been modified; please apply your changes ' +
      'to the latest version and try again',
  );
  const dup = await statusOf(
    api.createNamespacedSecret({ namespace: 'default', body: opaque('contended', { a: '1' }) }),
  );
  assert.equal(dup.code, 409);
  assert.equal(dup.reason, 'AlreadyExists');
});

test('stringData is merged into data on write and never stored', async () => {
  const created = await api.createNamespacedSecret({
    namespace: 'default',
    body: {
      metadata: { name: 'merged' },
      data: { a: Buffer.from('from-data').toString('base64'), b: 'eA==' },
      stringData: { a: 'from-stringData' },
    },
  });
  assert.equal(created.stringData, undefined);
  assert.deepEqual(Object.keys(created.data ?? {}), ['a', 'b']);
  assert.equal(Buffer.from(created.data!.a, 'base64').toString(), 'from-stringData');
});

test('fieldManager is recorded in managedFields', async () => {
  const created = await api.createNamespacedSecret({
    namespace: 'default',
    body: opaque('managed', { a: '1' }),
    fieldManager: 'pachyderm-secrets',
  });
  assert.deepEqual(
    created.metadata?.managedFields?.map((m) => [m.manager, m.operation]),
    [['pachyderm-secrets', 'Update']],
  );
});

/**
 * The project's own table of the pipeline spec (`pps_v2.CreatePipelineRequest` and the messages under it),
 * written from pachyderm/pachyderm src/pps/pps.proto (2.x): every field's proto (snake_case) name, its protojson
 * (lowerCamelCase) name, and the kind of value protojson accepts. pachctl and pachd accept both spellings,
 * so lookups resolve either to one canonical field; the canonical name is the JSON name.
 *
 * This is the one place that knows the spec's shape: structure rules, `nodeAt` paths, completion and hover
 * all read it.
 */

export type ValueKind =
  | { kind: 'string'; oneOf?: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'int32' }
  | { kind: 'int64' }
  | { kind: 'uint64' }
  | { kind: 'float' }
  /** google.protobuf.Duration: a string of seconds with an `s` suffix (`"600s"`, `"1.5s"`). */
  | { kind: 'duration' }
  /** google.protobuf.Timestamp: an RFC 3339 string. */
  | { kind: 'timestamp' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'message'; type: MessageName }
  /** map<string,string>: values must be strings. */
  | { kind: 'map' }
  /** A string that holds JSON (podSpec, podPatch). */
  | { kind: 'json-string' };

export interface FieldDef {
  /** proto field name, e.g. `env_var`. */
  proto: string;
  /** protojson name, e.g. `envVar`: the canonical name. */
  json: string;
  value: ValueKind;
  repeated?: boolean;
}

export type MessageName =
  | 'CreatePipelineRequest'
  | 'Pipeline'
  | 'Project'
  | 'TFJob'
  | 'Transform'
  | 'SecretMount'
  | 'ParallelismSpec'
  | 'Egress'
  | 'ObjectStorageEgress'
  | 'SQLDatabaseEgress'
  | 'FileFormat'
  | 'SQLSecret'
  | 'ResourceSpec'
  | 'GPUSpec'
  | 'Input'
  | 'PFSInput'
  | 'CronInput'
  | 'Trigger'
  | 'PropagationSpec'
  | 'Service'
  | 'Spout'
  | 'DatumSetSpec'
  | 'SchedulingSpec'
  | 'Metadata'
  | 'Toleration'
  | 'Determined'
  | 'Commit'
  | 'Branch'
  | 'Repo';

const S: ValueKind = { kind: 'string' };
const B: ValueKind = { kind: 'bool' };
const I32: ValueKind = { kind: 'int32' };
const I64: ValueKind = { kind: 'int64' };
const U64: ValueKind = { kind: 'uint64' };
const F: ValueKind = { kind: 'float' };
const DUR: ValueKind = { kind: 'duration' };
const MAP: ValueKind = { kind: 'map' };
const JSON_STRING: ValueKind = { kind: 'json-string' };
const msg = (type: MessageName): ValueKind => ({ kind: 'message', type });

/** protojson's JSON name: lowerCamelCase of the proto name. */
function camel(proto: string): string {
  return proto.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function f(proto: string, value: ValueKind, repeated = false, json = camel(proto)): FieldDef {
  return { proto, json, value, ...(repeated ? { repeated } : {}) };
}

const RESOURCE_SPEC = msg('ResourceSpec');

export const MESSAGES: Readonly<Record<MessageName, readonly FieldDef[]>> = {
  CreatePipelineRequest: [
    f('pipeline', msg('Pipeline')),
    f('tf_job', msg('TFJob')),
    f('transform', msg('Transform')),
    f('parallelism_spec', msg('ParallelismSpec')),
    f('egress', msg('Egress')),
    f('update', B),
    f('output_branch', S),
    f('s3_out', B),
    f('resource_requests', RESOURCE_SPEC),
    f('resource_limits', RESOURCE_SPEC),
    f('sidecar_resource_limits', RESOURCE_SPEC),
    f('input', msg('Input')),
    f('description', S),
    f('reprocess', B),
    f('service', msg('Service')),
    f('spout', msg('Spout')),
    f('datum_set_spec', msg('DatumSetSpec')),
    f('datum_timeout', DUR),
    f('job_timeout', DUR),
    f('salt', S),
    f('datum_tries', I64),
    f('scheduling_spec', msg('SchedulingSpec')),
    f('pod_spec', JSON_STRING),
    f('pod_patch', JSON_STRING),
    f('spec_commit', msg('Commit')),
    f('metadata', msg('Metadata')),
    f('reprocess_spec', { kind: 'string', oneOf: ['until_success', 'every_job'] }),
    f('autoscaling', B),
    f('tolerations', msg('Toleration'), true),
    f('sidecar_resource_requests', RESOURCE_SPEC),
    f('dry_run', B),
    f('determined', msg('Determined')),
    f('maximum_expected_uptime', DUR),
  ],
  Pipeline: [f('project', msg('Project')), f('name', S)],
  Project: [f('name', S)],
  TFJob: [f('tf_job', S)],
  Transform: [
    f('image', S),
    f('cmd', S, true),
    f('err_cmd', S, true),
    f('env', MAP),
    f('secrets', msg('SecretMount'), true),
    f('image_pull_secrets', S, true),
    f('stdin', S, true),
    f('err_stdin', S, true),
    f('accept_return_code', I64, true),
    f('debug', B),
    f('user', S),
    f('working_dir', S),
    f('dockerfile', S),
    f('memory_volume', B),
    f('datum_batching', B),
  ],
  SecretMount: [f('name', S), f('key', S), f('mount_path', S), f('env_var', S)],
  ParallelismSpec: [f('constant', U64)],
  // The proto field is named `URL`, so its JSON name is `URL` too.
  Egress: [
    f('URL', S, false, 'URL'),
    f('object_storage', msg('ObjectStorageEgress')),
    f('sql_database', msg('SQLDatabaseEgress')),
  ],
  ObjectStorageEgress: [f('url', S)],
  SQLDatabaseEgress: [f('url', S), f('file_format', msg('FileFormat')), f('secret', msg('SQLSecret'))],
  FileFormat: [f('type', { kind: 'enum', values: ['UNKNOWN', 'CSV', 'JSON', 'PARQUET'] }), f('columns', S, true)],
  SQLSecret: [f('name', S), f('key', S)],
  ResourceSpec: [f('cpu', F), f('memory', S), f('gpu', msg('GPUSpec')), f('disk', S)],
  GPUSpec: [f('type', S), f('number', I64)],
  Input: [
    f('pfs', msg('PFSInput')),
    f('join', msg('Input'), true),
    f('group', msg('Input'), true),
    f('cross', msg('Input'), true),
    f('union', msg('Input'), true),
    f('cron', msg('CronInput')),
  ],
  PFSInput: [
    f('project', S),
    f('name', S),
    f('repo', S),
    f('repo_type', S),
    f('branch', S),
    f('commit', S),
    f('glob', S),
    f('join_on', S),
    f('outer_join', B),
    f('group_by', S),
    f('lazy', B),
    f('empty_files', B),
    f('s3', B),
    f('trigger', msg('Trigger')),
    f('propagation_spec', msg('PropagationSpec')),
    f('reference', B),
  ],
  CronInput: [
    f('name', S),
    f('project', S),
    f('repo', S),
    f('commit', S),
    f('spec', S),
    f('overwrite', B),
    f('start', { kind: 'timestamp' }),
  ],
  Trigger: [f('branch', S), f('all', B), f('rate_limit_spec', S), f('size', S), f('commits', I64), f('cron_spec', S)],
  PropagationSpec: [f('never', B)],
  Service: [
    f('internal_port', I32),
    f('external_port', I32),
    f('ip', S),
    f('type', { kind: 'string', oneOf: ['ClusterIP', 'LoadBalancer', 'NodePort'] }),
  ],
  Spout: [f('service', msg('Service'))],
  DatumSetSpec: [f('number', I64), f('size_bytes', I64), f('per_worker', I64)],
  SchedulingSpec: [f('node_selector', MAP), f('priority_class_name', S)],
  Metadata: [f('annotations', MAP), f('labels', MAP)],
  Toleration: [
    f('key', S),
    f('operator', { kind: 'enum', values: ['EMPTY', 'EXISTS', 'EQUAL'] }),
    f('value', S),
    f('effect', { kind: 'enum', values: ['ALL_EFFECTS', 'NO_SCHEDULE', 'PREFER_NO_SCHEDULE', 'NO_EXECUTE'] }),
    f('toleration_seconds', I64),
  ],
  Determined: [f('workspaces', S, true)],
  Commit: [f('repo', msg('Repo')), f('id', S), f('branch', msg('Branch'))],
  Branch: [f('repo', msg('Repo')), f('name', S)],
  Repo: [f('name', S), f('type', S), f('project', msg('Project'))],
};

/** The root message of every spec document. */
export const ROOT_MESSAGE: MessageName = 'CreatePipelineRequest';

/** A key pachctl strips at every mapping level before parsing (`constants.JSONSchemaKey`). */
export const SCHEMA_KEY = '$schema';

// Every spec key is looked up here, often several times: one map per message, reached without a map lookup.
const byName = {} as Record<MessageName, Map<string, FieldDef>>;
for (const [message, fields] of Object.entries(MESSAGES) as Array<[MessageName, readonly FieldDef[]]>) {
  const m = new Map<string, FieldDef>();
  for (const fd of fields) {
    // protojson tries the JSON name first, then the proto name; they never collide within one message.
    m.set(fd.json, fd);
    m.set(fd.proto, fd);
  }
  byName[message] = m;
}

/** Every field of `message` by both spellings, for walks that look up each key of one object. */
export function fieldsByKey(message: MessageName): ReadonlyMap<string, FieldDef> {
  return byName[message];
}

/** The field `key` names in `message`, by either spelling (case-sensitive, as protojson). */
export function resolveField(message: MessageName, key: string): FieldDef | undefined {
  return byName[message]?.get(key);
}

export function fieldsOf(message: MessageName): readonly FieldDef[] {
  return MESSAGES[message];
}

/** Which spelling a key is written in, when it tells (single-word names read the same in both). */
export function spellingOf(fd: FieldDef, key: string): 'snake' | 'camel' | 'either' {
  if (fd.proto === fd.json) return 'either';
  return key === fd.proto ? 'snake' : 'camel';
}

/** The name to write for `fd` in a file of the given style. */
export function fieldName(fd: FieldDef, style: 'snake' | 'camel'): string {
  return style === 'snake' ? fd.proto : fd.json;
}

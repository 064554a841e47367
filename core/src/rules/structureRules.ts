/**
 * The spec's shape as protojson judges it, field by field from the field table: unknown fields, both
 * spellings of one field (PS012), value types, enum values, durations and timestamps, string-only maps.
 * Messages never echo a value of a string field: that could be a credential written into the spec.
 */
import { fieldName, fieldsByKey, fieldsOf, SCHEMA_KEY, type FieldDef, type MessageName } from '../pipelineSpec/fields';
import type { ObjectNode, PropertyNode, SpecNode } from '../pipelineSpec/tree';
import { didYouMeanText, suggest } from './didYouMean';
import { removedField } from './removedFields';
import type { RuleContext } from './ruleContext';

const DURATION = /^-?(\d+(\.\d*)?|\.\d+)s$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const INTEGER_STRING = /^-?\d+$/;
const FLOAT_STRING = /^(-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|NaN|-?Infinity)$/;

export function checkStructure(ctx: RuleContext, root: ObjectNode): void {
  pathDepth = 0;
  checkObject(ctx, root, 'CreatePipelineRequest');
}

function describe(n: SpecNode): string {
  switch (n.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'alias':
      return 'an alias';
    default:
      return n.kind === 'string'
        ? 'a string'
        : n.kind === 'number'
          ? 'a number'
          : n.kind === 'boolean'
            ? 'a boolean'
            : 'null';
  }
}

/**
 * The fields met so far in the objects being checked, and where: one stack for the whole walk (each object
 * uses the part above where its parent's ends), as a file has hundreds of thousands of objects to check.
 */
const seenFields: FieldDef[] = [];
const seenAt: PropertyNode[] = [];
let seenTop = 0;

/**
 * The fields (and items) leading to the object being checked, for messages: kept as a stack and written out
 * only when a message needs the path, as a file has hundreds of thousands of objects to check.
 */
const pathFields: FieldDef[] = [];
const pathIndexes: number[] = [];
let pathDepth = 0;

function checkObject(ctx: RuleContext, obj: ObjectNode, message: MessageName): void {
  // Each object reads only the part of the stack above `base`, so a walk cut short by an exception leaves
  // nothing that a later one would read.
  const base = seenTop;
  const fields = fieldsByKey(message);
  for (const p of obj.properties) checkProperty(ctx, p, message, fields, base);
  seenTop = base;
}

function checkProperty(
  ctx: RuleContext,
  p: PropertyNode,
  message: MessageName,
  fields: ReadonlyMap<string, FieldDef>,
  base: number,
): void {
  if (p.key === SCHEMA_KEY || p.keyKind !== 'string') return;
  const fd = fields.get(p.key);
  if (!fd) {
    const removed = removedField(message, p.key);
    if (removed) {
      const data = { field: p.key, message, removed: p.key, ...(removed.fix ? { fix: removed.fix } : {}) };
      const where = pathDepth ? ` (${pathTo(p.key)})` : '';
      const args = { field: p.key, didYouMean: `${where}: ${removed.hint}` };
      ctx.report('PS101', { start: p.keyStart, end: p.keyEnd }, args, data);
      return;
    }
    // Suggest in the spelling the file already uses; the other spelling only if that finds nothing.
    const style = ctx.model.style;
    const suggestions = suggest(
      p.key,
      fieldsOf(message).map((f) => fieldName(f, style)),
      2,
    );
    if (!suggestions.length)
      suggestions.push(
        ...suggest(
          p.key,
          fieldsOf(message).map((f) => fieldName(f, style === 'snake' ? 'camel' : 'snake')),
          2,
        ),
      );
    ctx.report(
      'PS101',
      { start: p.keyStart, end: p.keyEnd },
      { field: p.key, didYouMean: didYouMeanText(suggestions) },
      { field: p.key, message, suggestions },
    );
    return;
  }
  let prev: PropertyNode | undefined;
  for (let i = base; i < seenTop && !prev; i++) if (seenFields[i] === fd) prev = seenAt[i];
  if (prev) {
    const also = prev.key === p.key ? '' : ` (also written "${prev.key}")`;
    ctx.report(
      'PS012',
      { start: p.keyStart, end: p.keyEnd },
      { field: p.key, also },
      { field: fd.json, keep: prev.key, remove: p.key },
    );
    return;
  }
  seenFields[seenTop] = fd;
  seenAt[seenTop] = p;
  seenTop++;
  if (p.value) checkValue(ctx, p.value, fd);
}

function isNull(n: SpecNode): boolean {
  return n.type === 'scalar' && n.kind === 'null';
}

/**
 * The path of field `fd` (item `index` when ≥ 0) in the object being checked, as messages write it
 * (`transform.secrets[0].name`). Built only when a message needs it: a file has hundreds of thousands of values.
 */
function pathOf(fd: FieldDef, index = -1): string {
  const field = pathTo(fd.proto);
  return index < 0 ? field : `${field}[${index}]`;
}

/** The path of key `key` in the object being checked (`input.atom`): also for keys that are no field. */
function pathTo(key: string): string {
  let path = '';
  for (let i = 0; i < pathDepth; i++) {
    path = path ? `${path}.${pathFields[i].proto}` : pathFields[i].proto;
    if (pathIndexes[i] >= 0) path += `[${pathIndexes[i]}]`;
  }
  return path ? `${path}.${key}` : key;
}

function checkValue(ctx: RuleContext, n: SpecNode, fd: FieldDef): void {
  // null means unset in protojson; aliases are reported by the YAML rules.
  if (isNull(n) || n.type === 'alias') return;
  if (!fd.repeated) return checkSingle(ctx, n, fd, -1);
  if (n.type !== 'array') return ctx.report('PS102', n, { field: pathOf(fd), expected: 'a list', actual: describe(n) });
  for (let i = 0; i < n.items.length; i++) {
    const item = n.items[i];
    if (item.type !== 'alias') checkSingle(ctx, item, fd, i);
  }
}

function wrongType(ctx: RuleContext, n: SpecNode, path: string, expected: string): void {
  ctx.report('PS102', n, { field: path, expected, actual: describe(n) });
}

/** One value (a whole field, or one item of a repeated field at `index`) against the field's value type. */
function checkSingle(ctx: RuleContext, n: SpecNode, fd: FieldDef, index: number): void {
  const v = fd.value;
  const scalar = n.type === 'scalar' ? n : undefined;
  const str = scalar?.kind === 'string' ? (scalar.value as string) : undefined;
  switch (v.kind) {
    case 'message':
      return checkMessageValue(ctx, n, fd, index, v.type);
    case 'map':
      return checkStringMap(ctx, n, fd, index);
    case 'string':
    case 'json-string':
      if (str === undefined) return wrongType(ctx, n, pathOf(fd, index), 'a string');
      if (v.kind === 'string' && v.oneOf && str !== '' && !v.oneOf.includes(str)) {
        ctx.report(
          'PS103',
          n,
          { field: pathOf(fd, index), values: v.oneOf.join(', '), value: JSON.stringify(str) },
          { allowed: v.oneOf },
        );
      }
      return;
    case 'bool':
      if (scalar?.kind !== 'boolean') wrongType(ctx, n, pathOf(fd, index), 'true or false');
      return;
    case 'int32':
    case 'int64':
    case 'uint64':
      return checkInteger(ctx, n, fd, index, v.kind === 'uint64');
    case 'float':
      if (!(scalar?.kind === 'number' || (str !== undefined && FLOAT_STRING.test(str))))
        wrongType(ctx, n, pathOf(fd, index), 'a number');
      return;
    case 'duration':
    case 'timestamp':
      return checkTimeString(ctx, n, fd, index, v.kind);
    case 'enum':
      return checkEnum(ctx, n, fd, index, v.values);
  }
}

/** A message field: an object, checked field by field with the field on the path stack for messages. */
function checkMessageValue(ctx: RuleContext, n: SpecNode, fd: FieldDef, index: number, type: MessageName): void {
  if (n.type === 'object') {
    pathFields[pathDepth] = fd;
    pathIndexes[pathDepth] = index;
    pathDepth++;
    checkObject(ctx, n, type);
    pathDepth--;
  } else if (!isNull(n)) wrongType(ctx, n, pathOf(fd, index), 'an object');
}

/** A map field: protojson maps here hold only strings; `transform.env` has a rule of its own (PS109). */
function checkStringMap(ctx: RuleContext, n: SpecNode, fd: FieldDef, index: number): void {
  if (n.type !== 'object') return wrongType(ctx, n, pathOf(fd, index), 'an object of strings');
  for (const p of n.properties) {
    const val = p.value;
    if (!val || isNull(val) || val.type === 'alias' || (val.type === 'scalar' && val.kind === 'string')) continue;
    const path = pathOf(fd, index);
    if (path === 'transform.env') ctx.report('PS109', val, { value: `the value of ${p.key}` }, { key: p.key });
    else ctx.report('PS102', val, { field: `${path}.${p.key}`, expected: 'a string', actual: describe(val) });
  }
}

/** An integer field: a whole number or a string of digits (as protojson takes 64-bit integers). */
function checkInteger(ctx: RuleContext, n: SpecNode, fd: FieldDef, index: number, unsigned: boolean): void {
  const scalar = n.type === 'scalar' ? n : undefined;
  const str = scalar?.kind === 'string' ? (scalar.value as string) : undefined;
  const ok = scalar?.kind === 'number' ? Number.isInteger(scalar.value) : str !== undefined && INTEGER_STRING.test(str);
  const negative = ok && Number(scalar!.value) < 0;
  if (!ok || (unsigned && negative))
    wrongType(ctx, n, pathOf(fd, index), unsigned ? 'a non-negative integer' : 'an integer');
}

/** A duration or timestamp field: a string in protojson's format for it. */
function checkTimeString(
  ctx: RuleContext,
  n: SpecNode,
  fd: FieldDef,
  index: number,
  kind: 'duration' | 'timestamp',
): void {
  const str = n.type === 'scalar' && n.kind === 'string' ? (n.value as string) : undefined;
  const duration = kind === 'duration';
  if (str === undefined)
    return wrongType(
      ctx,
      n,
      pathOf(fd, index),
      duration ? 'a duration string like "600s"' : 'an RFC 3339 timestamp string',
    );
  if (!(duration ? DURATION : RFC3339).test(str))
    ctx.report('PS104', n, {
      field: pathOf(fd, index),
      expected: duration ? 'a duration in seconds like "600s"' : 'an RFC 3339 timestamp like "2024-01-01T00:00:00Z"',
      value: JSON.stringify(str),
    });
}

/** An enum field: one of its names, or an integer (protojson takes an enum value by its number as well). */
function checkEnum(ctx: RuleContext, n: SpecNode, fd: FieldDef, index: number, values: readonly string[]): void {
  const scalar = n.type === 'scalar' ? n : undefined;
  const str = scalar?.kind === 'string' ? (scalar.value as string) : undefined;
  const ok =
    (str !== undefined && values.includes(str)) || (scalar?.kind === 'number' && Number.isInteger(scalar.value));
  if (!ok)
    ctx.report(
      'PS103',
      n,
      {
        field: pathOf(fd, index),
        values: values.join(', '),
        value: str !== undefined ? JSON.stringify(str) : describe(n),
      },
      { allowed: values },
    );
}

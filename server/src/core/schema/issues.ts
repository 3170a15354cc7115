import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../yaml/yamlFile';
import { didYouMean, suggestionSuffix } from '../text/didYouMean';

export type IssueKind = 'unknown-field' | 'type' | 'required' | 'invalid';

/** A schema violation in terms of the instance (a JSON path), before it is placed in a file. */
export interface SchemaIssue {
  kind: IssueKind;
  /** The unknown key, the offending value, or the object that lacks a field. */
  path: PathSegment[];
  /** Point at the key at `path`, at its value, or at the key naming the object (`object`). */
  at: 'key' | 'value' | 'object';
  message: string;
  /** The offending value, so a domain can drop issues it knows to be false alarms. */
  data: unknown;
  /** For `type` issues: the JSON types that would have been accepted. */
  expected?: string[];
  /** For unknown fields: the allowed key it most likely meant. */
  suggestion?: string;
  /** For `required` issues: the missing field. */
  field?: string;
}

/** Keywords whose errors say something about an object's members, not the value's own shape. */
const CONTENT = new Set([
  'additionalProperties',
  'required',
  'propertyNames',
  'dependencies',
  'dependentRequired',
]);
const ALTERNATIVES = new Set(['oneOf', 'anyOf']);

/**
 * Turns ajv's raw errors (validated with `allErrors` and `verbose`) into issues a user can act
 * on. ajv reports every failing branch of a `oneOf`/`anyOf` plus the combinator itself; the
 * branch the value's type selected tells what the user meant, so:
 *  - when some branch got as far as the object's members (or deeper), only those errors stay;
 *  - when every branch failed on the value's type, one type issue lists the accepted types;
 *  - when a branch matched the type but failed a constraint (pattern, enum...), that stays.
 */
export function schemaIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const dropped = new Set<ErrorObject>();
  const merged: SchemaIssue[] = [];
  const alternatives = errors
    .filter((e) => ALTERNATIVES.has(e.keyword))
    .sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const alt of alternatives) {
    if (dropped.has(alt)) continue;
    const p = alt.instancePath;
    const live = errors.filter((e) => e !== alt && !dropped.has(e) && isUnder(e.instancePath, p));
    const here = live.filter((e) => e.instancePath === p && !CONTENT.has(e.keyword));
    const content = live.length > here.length;
    if (content) {
      dropped.add(alt);
      for (const e of here) dropped.add(e);
      continue;
    }
    const types = here.filter((e) => e.keyword === 'type');
    const others = here.filter((e) => e.keyword !== 'type' && !ALTERNATIVES.has(e.keyword));
    if (others.length > 0) {
      dropped.add(alt);
      for (const e of types) dropped.add(e);
    } else if (types.length > 0) {
      dropped.add(alt);
      for (const e of here) dropped.add(e);
      const expected = unique(types.flatMap((e) => typeList(e.params.type)));
      merged.push(typeIssue(toPath(p), alt.data, expected));
    }
  }
  const out: SchemaIssue[] = [...merged];
  for (const e of errors) {
    if (dropped.has(e)) continue;
    // Errors inside `propertyNames` repeat what the propertyNames error itself says.
    if ((e as { propertyName?: string }).propertyName !== undefined) continue;
    if (e.keyword === 'if' && errors.some((o) => o !== e && isUnder(o.instancePath, e.instancePath)))
      continue;
    const issue = toIssue(e);
    if (issue) out.push(issue);
  }
  return out;
}

function toIssue(e: ErrorObject): SchemaIssue | undefined {
  const path = toPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return {
        kind: 'unknown-field',
        path: [...path, name],
        at: 'key',
        data: e.data,
        ...unknownField(name, e),
      };
    }
    case 'required': {
      const name = String(params.missingProperty);
      return {
        kind: 'required',
        path,
        at: 'object',
        data: e.data,
        field: name,
        message: `Missing required field '${name}'`,
      };
    }
    case 'type':
      return typeIssue(path, e.data, typeList(params.type));
    case 'propertyNames': {
      const name = String(params.propertyName);
      return {
        kind: 'invalid',
        path: [...path, name],
        at: 'key',
        data: name,
        message: `Key '${name}' is not allowed here`,
      };
    }
    default:
      return { kind: 'invalid', path, at: 'value', data: e.data, message: invalidMessage(e) };
  }
}

function unknownField(name: string, e: ErrorObject): { message: string; suggestion?: string } {
  const parent = (e.parentSchema ?? {}) as {
    properties?: Record<string, unknown>;
    patternProperties?: object;
  };
  const present = e.data && typeof e.data === 'object' ? new Set(Object.keys(e.data)) : new Set<string>();
  const known = Object.keys(parent.properties ?? {});
  // A key the object already has is a less likely meaning than one it lacks.
  const suggestion =
    didYouMean(
      name,
      known.filter((k) => !present.has(k)),
    ) ?? didYouMean(name, known);
  if (suggestion === undefined && known.length === 0 && parent.patternProperties) {
    const patterns = Object.keys(parent.patternProperties).filter((p) => p !== '^x-');
    if (patterns.length > 0)
      return { message: `Key '${name}' is not allowed here: keys must match ${patterns.join(' or ')}` };
  }
  return { message: `Unknown field '${name}'${suggestionSuffix(suggestion)}`, suggestion };
}

function typeIssue(path: PathSegment[], data: unknown, expected: string[]): SchemaIssue {
  return {
    kind: 'type',
    path,
    at: 'value',
    data,
    expected,
    message: `Expected ${orList(expected)} but found ${jsonType(data)}`,
  };
}

function invalidMessage(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `Value ${show(e.data)} is not one of ${(params.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `Expected ${show(params.allowedValue)} but found ${show(e.data)}`;
    case 'pattern': {
      // A described field says what form it wants better than its regular expression does.
      const described = (e.parentSchema as { description?: unknown } | undefined)?.description;
      return typeof described === 'string'
        ? `Value ${show(e.data)} is not valid here: ${described}`
        : `Value ${show(e.data)} does not match the pattern ${String(params.pattern)}`;
    }
    case 'format':
      return `Value ${show(e.data)} is not a valid ${String(params.format)}`;
    case 'oneOf':
      return params.passingSchemas
        ? 'Value matches more than one of the allowed forms'
        : 'Value matches none of the allowed forms';
    case 'anyOf':
      return 'Value matches none of the allowed forms';
    case 'false schema':
      return 'Not allowed here';
    default: {
      return `Value ${e.message ?? `fails the '${e.keyword}' rule`}`;
    }
  }
}

/** JSON pointer (`/spec/containers/0`) to path segments; all-digit segments become indexes. */
export function toPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => {
      const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(seg) ? Number(seg) : seg;
    });
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

function typeList(t: unknown): string[] {
  if (Array.isArray(t)) return t.map(String);
  return String(t).split(',');
}

function unique(xs: string[]): string[] {
  const order = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];
  const set = new Set(xs);
  // `integer` is implied by `number`.
  if (set.has('number')) set.delete('integer');
  return [...set].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function orList(xs: string[]): string {
  const list = unique(xs);
  if (list.length <= 1) return list[0] ?? 'a different type';
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 57)}...` : v}'`;
  if (v === null || typeof v !== 'object') return String(v);
  return jsonType(v);
}

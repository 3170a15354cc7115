/**
 * Reads `terraform show -json <planfile>` into what the Plan panel shows: counts, each resource
 * change and drift, with sensitive values masked. Pure: no I/O.
 */
import { Redactor } from './redact';

export const SENSITIVE = '(sensitive value)';

export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op';

export interface ResourceChange {
  address: string;
  type: string;
  name: string;
  moduleAddress?: string;
  kind: ChangeKind;
  /** terraform's raw action list, e.g. ["delete","create"]. */
  actions: string[];
  actionReason?: string;
  before: unknown;
  after: unknown;
  /** Attribute paths whose change forces the replacement. */
  replacePaths?: unknown[];
}

export interface PlanCounts {
  add: number;
  change: number;
  replace: number;
  destroy: number;
}

export interface OutputChange {
  name: string;
  kind: ChangeKind;
  sensitive: boolean;
}

export interface PlanSummary {
  counts: PlanCounts;
  changes: ResourceChange[];
  /** Resources changed outside Terraform since the last apply. */
  drift: ResourceChange[];
  outputs: OutputChange[];
  applyable: boolean;
  errored: boolean;
}

interface RawChange {
  actions?: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown[];
}

interface RawResourceChange {
  address?: string;
  module_address?: string;
  type?: string;
  name?: string;
  action_reason?: string;
  change?: RawChange;
}

export function changeKind(actions: readonly string[]): ChangeKind {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  return 'no-op';
}

/** Replaces every value marked sensitive (true, or true at a nested path) by a mask. */
export function maskSensitive(value: unknown, sensitive: unknown): unknown {
  if (sensitive === true) return value === null || value === undefined ? value : SENSITIVE;
  if (sensitive === null || typeof sensitive !== 'object') return value;
  if (Array.isArray(value)) {
    const marks = Array.isArray(sensitive) ? sensitive : [];
    return value.map((v, i) => maskSensitive(v, marks[i]));
  }
  if (value !== null && typeof value === 'object') {
    const marks = sensitive as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskSensitive(v, marks[k]);
    return out;
  }
  return value;
}

/** Collects the plain values at sensitive paths, so they can be masked wherever else they appear. */
export function collectSensitive(value: unknown, sensitive: unknown, into: Set<string>): void {
  if (sensitive === true) {
    for (const s of leafStrings(value)) into.add(s);
    return;
  }
  if (sensitive === null || typeof sensitive !== 'object' || value === null || typeof value !== 'object')
    return;
  if (Array.isArray(value)) {
    const marks = Array.isArray(sensitive) ? sensitive : [];
    value.forEach((v, i) => collectSensitive(v, marks[i], into));
    return;
  }
  const marks = sensitive as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) collectSensitive(v, marks[k], into);
}

function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leafStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leafStrings);
  return [];
}

function toChange(rc: RawResourceChange, redactor: Redactor): ResourceChange {
  const c = rc.change ?? {};
  const actions = c.actions ?? [];
  return {
    address: rc.address ?? '',
    type: rc.type ?? '',
    name: rc.name ?? '',
    moduleAddress: rc.module_address,
    kind: changeKind(actions),
    actions,
    actionReason: rc.action_reason,
    // Masking by marks first, then by value: terraform does not mark every derived copy of a secret
    // (terraform_data.output mirrors a sensitive input unmarked).
    before: redactor.redactValue(maskSensitive(c.before, c.before_sensitive)),
    after: redactor.redactValue(maskSensitive(c.after, c.after_sensitive)),
    replacePaths: c.replace_paths,
  };
}

/** Summarises a plan; `redactor` receives every sensitive value found (so logs mask them too). */
export function summarisePlan(planJson: unknown, redactor: Redactor = new Redactor()): PlanSummary {
  const plan = (planJson ?? {}) as {
    resource_changes?: RawResourceChange[];
    resource_drift?: RawResourceChange[];
    output_changes?: Record<string, RawChange>;
    applyable?: boolean;
    errored?: boolean;
  };
  const secrets = new Set<string>();
  for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    collectSensitive(rc.change?.before, rc.change?.before_sensitive, secrets);
    collectSensitive(rc.change?.after, rc.change?.after_sensitive, secrets);
  }
  for (const oc of Object.values(plan.output_changes ?? {})) {
    collectSensitive(oc.before, oc.before_sensitive, secrets);
    collectSensitive(oc.after, oc.after_sensitive, secrets);
  }
  for (const s of secrets) redactor.addSecret(s);

  const changes = (plan.resource_changes ?? []).map((rc) => toChange(rc, redactor));
  const counts: PlanCounts = { add: 0, change: 0, replace: 0, destroy: 0 };
  for (const c of changes) {
    if (c.kind === 'create') counts.add++;
    else if (c.kind === 'update') counts.change++;
    else if (c.kind === 'replace') counts.replace++;
    else if (c.kind === 'delete') counts.destroy++;
  }
  const outputs = Object.entries(plan.output_changes ?? {}).map(([name, oc]) => ({
    name,
    kind: changeKind(oc.actions ?? []),
    sensitive: oc.before_sensitive === true || oc.after_sensitive === true,
  }));
  return {
    counts,
    changes: changes.filter((c) => c.kind !== 'no-op'),
    drift: (plan.resource_drift ?? []).map((rc) => toChange(rc, redactor)),
    outputs,
    applyable: plan.applyable ?? true,
    errored: plan.errored ?? false,
  };
}

export function countsText(c: PlanCounts): string {
  return `${c.add} to add, ${c.change} to change, ${c.replace} to replace, ${c.destroy} to destroy`;
}

export function hasChanges(c: PlanCounts): boolean {
  return c.add + c.change + c.replace + c.destroy > 0;
}

export interface OutputValue {
  name: string;
  sensitive: boolean;
  type: unknown;
  value: unknown;
}

/** Reads `terraform output -json`, masking sensitive outputs (and their values elsewhere). */
export function parseOutputs(json: unknown, redactor: Redactor = new Redactor()): OutputValue[] {
  const raw = (json ?? {}) as Record<string, { sensitive?: boolean; type?: unknown; value?: unknown }>;
  for (const o of Object.values(raw))
    if (o.sensitive) for (const s of leafStrings(o.value)) redactor.addSecret(s);
  return Object.entries(raw).map(([name, o]) => ({
    name,
    sensitive: o.sensitive === true,
    type: o.type,
    value: o.sensitive ? SENSITIVE : redactor.redactValue(o.value),
  }));
}

/**
 * The Plan panel: the last plan per target and environment. Terraform shows counts, each resource
 * change (destroys and replacements stand out, sensitive values already masked), drift and
 * outputs; Kubernetes one node per object of `kubectl diff`; Compose the services that would be
 * created or recreated, orphans and the resolved config. Pure.
 */
import type { ComposePlan } from '../compose';
import type { KubeDiffEntry } from '../kubeStatus';
import {
  SENSITIVE,
  type ChangeKind,
  type PlanCounts,
  type PlanSummary,
  type ResourceChange,
} from '../terraformPlan';
import type { ToolKind } from '../types';
import { plural, shortValue, type PanelNode, type Tone } from './nodes';

export interface PlanRecord {
  target: string;
  kind: ToolKind;
  environment: string;
  /** ISO time the plan finished (or failed). */
  time: string;
  counts?: PlanCounts;
  changeText?: string;
  /** The driver's Preview.details: PlanSummary, KubeDiffEntry[] or ComposePlan. */
  details?: unknown;
  planDigest?: string;
  /** Set when the plan failed: the (redacted) reason. */
  error?: string;
  /** Read back from disk at activation (./planPersistence.ts), not made in this session. */
  restored?: boolean;
  /** A restored plan whose files changed since it was made: why it should not be deployed. */
  stale?: string;
}

const KIND_VIEW: Record<ChangeKind, { verb: string; icon: string; tone?: Tone }> = {
  create: { verb: 'create', icon: 'diff-added', tone: 'ok' },
  update: { verb: 'update in place', icon: 'diff-modified', tone: 'warning' },
  replace: { verb: 'REPLACE (destroy, then create)', icon: 'replace-all', tone: 'danger' },
  delete: { verb: 'DESTROY', icon: 'diff-removed', tone: 'danger' },
  read: { verb: 'read', icon: 'eye' },
  'no-op': { verb: 'no change', icon: 'circle-outline', tone: 'muted' },
};

/** "+1 ~0 ±1 -1": add, change, replace, destroy. */
export function countsBadge(c: PlanCounts): string {
  return `+${c.add} ~${c.change} ±${c.replace} -${c.destroy}`;
}

function countsTone(c: PlanCounts | undefined): Tone | undefined {
  if (!c) return undefined;
  if (c.destroy + c.replace > 0) return 'danger';
  if (c.add + c.change > 0) return 'warning';
  return 'ok';
}

/** Top-level attributes whose value differs, as "key: before → after" rows. */
function attributeRows(id: string, c: ResourceChange): PanelNode[] {
  const before = (c.before ?? {}) as Record<string, unknown>;
  const after = (c.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return [];
  const forcing = new Set((c.replacePaths ?? []).map((p) => (Array.isArray(p) ? String(p[0]) : String(p))));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const rows: PanelNode[] = [];
  for (const k of keys) {
    const b = c.kind === 'create' ? undefined : before[k];
    const a = c.kind === 'delete' ? undefined : after[k];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const sensitive = b === SENSITIVE || a === SENSITIVE;
    rows.push({
      id: `${id}/attr:${k}`,
      label: k,
      description:
        c.kind === 'create'
          ? shortValue(a)
          : c.kind === 'delete'
            ? shortValue(b)
            : `${shortValue(b, 50)} → ${shortValue(a, 50)}`,
      icon: sensitive ? 'lock' : forcing.has(k) ? 'warning' : undefined,
      tone: forcing.has(k) ? 'danger' : undefined,
      tooltip: forcing.has(k) ? `changing ${k} forces replacement` : undefined,
    });
  }
  return rows;
}

function resourceNode(parent: string, c: ResourceChange, drift = false): PanelNode {
  const view = KIND_VIEW[c.kind];
  const id = `${parent}/${drift ? 'drift' : 'rc'}:${c.address}`;
  const attrs = attributeRows(id, c);
  return {
    id,
    label: c.address,
    description: drift ? `changed outside Terraform (${view.verb})` : view.verb,
    tooltip: [
      c.address,
      `actions: ${c.actions.join(', ') || 'none'}`,
      c.actionReason && `reason: ${c.actionReason}`,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: drift ? 'warning' : view.icon,
    tone: drift ? 'warning' : view.tone,
    contextValue: `bulwark.planResource.${c.kind}`,
    children: attrs.length > 0 ? attrs : undefined,
  };
}

function terraformChildren(id: string, s: PlanSummary): PanelNode[] {
  const order: ChangeKind[] = ['delete', 'replace', 'update', 'create', 'read'];
  const changes = [...s.changes].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.address.localeCompare(b.address),
  );
  const out: PanelNode[] = changes.map((c) => resourceNode(id, c));
  if (changes.length === 0)
    out.push({
      id: `${id}/none`,
      label: 'No changes: infrastructure matches the configuration',
      tone: 'ok',
      icon: 'check',
    });
  if (s.drift.length > 0) {
    out.push({
      id: `${id}/drift`,
      label: `Drift: ${plural(s.drift.length, 'resource')} changed outside Terraform`,
      icon: 'warning',
      tone: 'warning',
      expanded: true,
      children: s.drift.map((c) => resourceNode(id, c, true)),
    });
  }
  const outputs = s.outputs.filter((o) => o.kind !== 'no-op');
  if (outputs.length > 0) {
    out.push({
      id: `${id}/outputs`,
      label: `Outputs: ${plural(outputs.length, 'change')}`,
      icon: 'symbol-property',
      children: outputs.map((o) => ({
        id: `${id}/output:${o.name}`,
        label: o.name,
        description: `${KIND_VIEW[o.kind].verb}${o.sensitive ? ` · ${SENSITIVE}` : ''}`,
        icon: o.sensitive ? 'lock' : 'symbol-property',
      })),
    });
  }
  if (s.errored) out.push({ id: `${id}/errored`, label: 'The plan errored', tone: 'danger', icon: 'error' });
  return out;
}

function kubeChildren(id: string, entries: KubeDiffEntry[]): PanelNode[] {
  if (entries.length === 0)
    return [{ id: `${id}/none`, label: 'No differences with the cluster', tone: 'ok', icon: 'check' }];
  return entries.map((e) => {
    const oid = `${id}/obj:${e.kind}/${e.namespace}/${e.name}`;
    const lines = e.diff
      .split('\n')
      .filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l))
      .filter((l) => !/^[+-]\s*(generation|resourceVersion|uid|creationTimestamp):/.test(l));
    const shown = lines.slice(0, 60);
    return {
      id: oid,
      label: `${e.kind}/${e.name}`,
      description: `${e.namespace ? `${e.namespace} · ` : ''}${e.created ? 'create' : 'change'}`,
      icon: e.created ? 'diff-added' : 'diff-modified',
      tone: e.created ? 'ok' : 'warning',
      tooltip: e.apiVersion,
      children: shown
        .map((l, i) => ({
          id: `${oid}/line:${i}`,
          label: l.slice(0, 160),
          tone: (l.startsWith('-') ? 'danger' : 'ok') as Tone,
        }))
        .concat(
          lines.length > shown.length
            ? [
                {
                  id: `${oid}/more`,
                  label: `… ${lines.length - shown.length} more lines`,
                  tone: 'muted' as Tone,
                },
              ]
            : [],
        ),
    };
  });
}

const SERVICE_VIEW = {
  create: { icon: 'diff-added', tone: 'ok' },
  recreate: { icon: 'debug-restart', tone: 'warning' },
  unchanged: { icon: 'check', tone: 'muted' },
} as const;

function composeChildren(id: string, p: ComposePlan): PanelNode[] {
  const out: PanelNode[] = p.services.map((s) => ({
    id: `${id}/svc:${s.name}`,
    label: s.name,
    description: s.change,
    icon: SERVICE_VIEW[s.change].icon,
    tone: SERVICE_VIEW[s.change].tone,
  }));
  for (const o of p.orphans)
    out.push({
      id: `${id}/orphan:${o}`,
      label: o,
      description: 'orphan: removed',
      icon: 'diff-removed',
      tone: 'danger',
    });
  const services =
    ((p.config ?? {}) as { services?: Record<string, Record<string, unknown>> }).services ?? {};
  out.push({
    id: `${id}/config`,
    label: `Resolved config (project ${p.project})`,
    icon: 'file-code',
    children: Object.entries(services).map(([name, svc]) => ({
      id: `${id}/config:${name}`,
      label: name,
      description: typeof svc.image === 'string' ? svc.image : undefined,
      icon: 'package',
      children: Object.entries(svc).map(([k, v]) => ({
        id: `${id}/config:${name}/${k}`,
        label: k,
        description: shortValue(v),
      })),
    })),
  });
  return out;
}

export function planKey(target: string, environment: string): string {
  return `${target}\u0000${environment}`;
}

/** One root per plan, newest first. */
export function planNodes(records: readonly PlanRecord[]): PanelNode[] {
  if (records.length === 0)
    return [{ id: 'empty', label: 'No plan yet: run Plan on a target', icon: 'info', tone: 'muted' }];
  return [...records]
    .sort((a, b) => b.time.localeCompare(a.time))
    .map((r) => {
      const id = `plan:${r.target}@${r.environment}`;
      let children: PanelNode[];
      if (r.error) children = [{ id: `${id}/error`, label: r.error, icon: 'error', tone: 'danger' }];
      else if (r.kind === 'terraform')
        children = r.details
          ? terraformChildren(id, r.details as PlanSummary)
          : [
              {
                id: `${id}/nodetail`,
                label: 'Restored from the saved plan: counts only',
                icon: 'info',
                tone: 'muted',
              },
            ];
      else if (r.kind === 'kubernetes') children = kubeChildren(id, (r.details as KubeDiffEntry[]) ?? []);
      else children = composeChildren(id, r.details as ComposePlan);
      if (r.stale) children.unshift({ id: `${id}/stale`, label: r.stale, icon: 'warning', tone: 'warning' });
      const badge = r.error ? 'plan failed' : r.counts ? countsBadge(r.counts) : r.changeText;
      return {
        id,
        label: `${r.target} → ${r.environment}`,
        description: r.stale ? `${badge ?? ''} · stale`.replace(/^ · /, '') : badge,
        tooltip: [
          `${r.kind} plan of ${r.target} for ${r.environment}, ${r.time}${r.restored ? ' (restored)' : ''}`,
          r.changeText,
          r.planDigest && `plan digest ${r.planDigest.slice(0, 16)}`,
        ]
          .filter(Boolean)
          .join('\n'),
        icon: r.error ? 'error' : r.stale ? 'warning' : 'checklist',
        tone: r.error ? 'danger' : r.stale ? 'warning' : countsTone(r.counts),
        contextValue: 'bulwark.plan',
        target: r.target,
        environment: r.environment,
        expanded: true,
        children,
      };
    });
}

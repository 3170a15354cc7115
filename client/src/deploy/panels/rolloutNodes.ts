/**
 * The Rollout Status panel: per target and environment, live workload status (desired / updated /
 * ready / available, revision, conditions, the reason for a failure), compose services (state,
 * health) or terraform resources and outputs (sensitive masked by the engine). Pure.
 */
import type { ComposeService } from '../compose';
import type { WatchFailure } from '../driver';
import type { WorkloadStatus } from '../kubeStatus';
import type { TerraformResource } from '../terraform';
import { SENSITIVE, type OutputValue } from '../terraformPlan';
import type { ToolKind } from '../types';
import { shortValue, type PanelNode, type Tone } from './nodes';

export interface StatusRecord {
  target: string;
  kind: ToolKind;
  environment: string;
  time: string;
  /** A deploy or rollback is running: the panel refreshes itself until it ends. */
  running: boolean;
  workloads?: WorkloadStatus[];
  services?: ComposeService[];
  resources?: TerraformResource[];
  outputs?: OutputValue[];
  failures?: WatchFailure[];
  /** Why the status could not be read, or a note (e.g. nothing deployed yet). */
  note?: string;
  error?: string;
}

function workloadTone(w: WorkloadStatus): Tone {
  if (w.failureReason) return 'danger';
  return w.complete ? 'ok' : 'warning';
}

/** The rows under one workload: counts, revision, images, conditions, failure reason. */
export function workloadNode(parent: string, w: WorkloadStatus): PanelNode {
  const id = `${parent}/wl:${w.kind}/${w.name}`;
  const rows: PanelNode[] = [
    {
      id: `${id}/replicas`,
      label: 'replicas',
      description: `desired ${w.desired} · updated ${w.updated} · ready ${w.ready} · available ${w.available}`,
      icon: 'layers',
    },
  ];
  if (w.revision !== undefined)
    rows.push({ id: `${id}/revision`, label: 'revision', description: String(w.revision), icon: 'history' });
  w.images.forEach((img, i) =>
    rows.push({ id: `${id}/image:${i}`, label: 'image', description: img, icon: 'package' }),
  );
  for (const c of w.conditions) {
    rows.push({
      id: `${id}/cond:${c.type}`,
      label: `${c.type}: ${c.status}`,
      description: [c.reason, c.message].filter(Boolean).join(' · '),
      icon: c.status === 'True' ? 'pass' : 'circle-slash',
      tone:
        c.reason === 'ProgressDeadlineExceeded' || (c.type === 'Available' && c.status === 'False')
          ? 'danger'
          : undefined,
    });
  }
  if (w.failureReason)
    rows.push({
      id: `${id}/failure`,
      label: 'failed',
      description: w.failureReason,
      icon: 'error',
      tone: 'danger',
    });
  return {
    id,
    label: `${w.kind}/${w.name}`,
    description: `${w.ready}/${w.desired} ready${w.revision !== undefined ? ` · rev ${w.revision}` : ''} · ${
      w.failureReason ? 'failed' : w.complete ? 'complete' : 'progressing'
    }`,
    tooltip: w.failureReason,
    icon: w.failureReason ? 'error' : w.complete ? 'pass-filled' : 'sync',
    tone: workloadTone(w),
    contextValue: 'bulwark.workload',
    expanded: !w.complete,
    children: rows,
  };
}

function serviceNode(parent: string, s: ComposeService): PanelNode {
  const bad = s.state !== 'running' || (s.health !== '' && s.health !== 'healthy');
  const starting = s.health === 'starting';
  return {
    id: `${parent}/svc:${s.name}`,
    label: s.service,
    description: [s.state, s.health, s.state === 'exited' ? `exit ${s.exitCode}` : '']
      .filter(Boolean)
      .join(' · '),
    tooltip: s.name,
    icon: bad ? (starting ? 'sync' : 'error') : 'pass-filled',
    tone: bad ? (starting ? 'warning' : 'danger') : 'ok',
  };
}

function terraformRows(id: string, r: StatusRecord): PanelNode[] {
  const out: PanelNode[] = [];
  if (r.resources) {
    out.push({
      id: `${id}/resources`,
      label: `Resources (${r.resources.length})`,
      icon: 'symbol-class',
      expanded: true,
      children: r.resources.map((x) => ({
        id: `${id}/res:${x.address}`,
        label: x.address,
        description: x.tainted ? 'tainted: will be replaced' : undefined,
        icon: x.tainted ? 'warning' : 'symbol-class',
        tone: x.tainted ? 'danger' : undefined,
      })),
    });
  }
  if (r.outputs) {
    out.push({
      id: `${id}/outputs`,
      label: `Outputs (${r.outputs.length})`,
      icon: 'symbol-property',
      expanded: true,
      children: r.outputs.map((o) => ({
        id: `${id}/out:${o.name}`,
        label: o.name,
        description: o.sensitive ? SENSITIVE : shortValue(o.value),
        icon: o.sensitive ? 'lock' : 'symbol-property',
      })),
    });
  }
  return out;
}

export function statusKey(target: string, environment: string): string {
  return `${target}\u0000${environment}`;
}

export function rolloutNodes(records: readonly StatusRecord[]): PanelNode[] {
  if (records.length === 0)
    return [
      { id: 'empty', label: 'No status yet: run Status or Deploy on a target', icon: 'info', tone: 'muted' },
    ];
  return [...records]
    .sort((a, b) => b.time.localeCompare(a.time))
    .map((r) => {
      const id = `status:${r.target}@${r.environment}`;
      const children: PanelNode[] = [];
      for (const f of r.failures ?? [])
        children.push({
          id: `${id}/fail:${f.name}`,
          label: f.name,
          description: f.reason,
          icon: 'error',
          tone: 'danger',
        });
      for (const w of r.workloads ?? []) children.push(workloadNode(id, w));
      for (const s of r.services ?? []) children.push(serviceNode(id, s));
      children.push(...terraformRows(id, r));
      if (r.note) children.push({ id: `${id}/note`, label: r.note, icon: 'info', tone: 'muted' });
      if (r.error) children.push({ id: `${id}/error`, label: r.error, icon: 'error', tone: 'danger' });
      const failed =
        (r.failures?.length ?? 0) > 0 ||
        r.error !== undefined ||
        (r.workloads ?? []).some((w) => w.failureReason) ||
        (r.services ?? []).some((s) => s.state === 'exited' || s.health === 'unhealthy');
      return {
        id,
        label: `${r.target} → ${r.environment}`,
        description: r.running ? 'rolling out…' : failed ? 'failed' : `as of ${r.time.slice(11, 19)}`,
        icon: r.running ? 'sync~spin' : failed ? 'error' : 'pulse',
        tone: r.running ? 'warning' : failed ? 'danger' : 'ok',
        contextValue: 'bulwark.status',
        target: r.target,
        environment: r.environment,
        expanded: true,
        children,
      };
    });
}

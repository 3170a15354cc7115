/**
 * The Audit Log panel: plans, deploys, rollbacks and overrides from the audit trail, newest first,
 * filtered, each expandable to its details. Records were redacted when written. Pure.
 */
import {
  auditHistory,
  type AuditAction,
  type AuditFilter,
  type AuditRecord,
  type AuditResult,
} from '../audit';
import type { PanelNode, Tone } from './nodes';

const ACTION_ICON: Record<AuditAction, string> = {
  plan: 'checklist',
  deploy: 'rocket',
  rollback: 'discard',
  'rollback-plan': 'history',
  override: 'shield',
};

const RESULT_TONE: Record<AuditResult, Tone> = {
  success: 'ok',
  failure: 'danger',
  cancelled: 'muted',
  refused: 'warning',
  'rolled-back': 'danger',
};

export const AUDIT_ACTIONS: AuditAction[] = ['plan', 'deploy', 'rollback', 'rollback-plan', 'override'];
export const AUDIT_RESULTS: AuditResult[] = ['success', 'failure', 'cancelled', 'refused', 'rolled-back'];

/** "action=deploy env=prod" for the view's description; undefined when nothing is filtered. */
export function filterText(f: AuditFilter): string | undefined {
  const parts = [
    f.action && `action=${f.action}`,
    f.environment && `env=${f.environment}`,
    f.result && `result=${f.result}`,
    f.target && `target=${f.target}`,
    f.text && `"${f.text}"`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function scopeText(r: AuditRecord): string | undefined {
  const s = r.scope ?? {};
  const parts = [
    s.context && `context ${s.context}`,
    s.namespace && `namespace ${s.namespace}`,
    s.workspace && `workspace ${s.workspace}`,
    s.project && `project ${s.project}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function detailRows(id: string, r: AuditRecord): PanelNode[] {
  const rows: [string, string | undefined, string?, Tone?][] = [
    ['time', r.time, 'clock'],
    ['by', `${r.user}@${r.host}`, 'person'],
    ['tool', r.tool, 'tools'],
    ['scope', scopeText(r), 'server-environment'],
    [
      'commit',
      r.git?.commit
        ? `${r.git.commit.slice(0, 12)}${r.git.dirty ? ' (uncommitted changes)' : ''}`
        : undefined,
      'git-commit',
    ],
    ['plan digest', r.planDigest?.slice(0, 16), 'symbol-key'],
    ['result', r.result ?? 'did not finish', 'circle-filled', r.result ? RESULT_TONE[r.result] : 'warning'],
    ['duration', r.durationMs !== undefined ? `${(r.durationMs / 1000).toFixed(1)} s` : undefined, 'watch'],
    ['error', r.error, 'error', 'danger'],
  ];
  const counts = (r.details as { counts?: Record<string, number> } | undefined)?.counts;
  if (counts)
    rows.push([
      'changes',
      Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      'diff',
    ]);
  const reason = (r.details as { reason?: string } | undefined)?.reason;
  if (reason) rows.push(['reason', reason, 'comment']);
  const out: PanelNode[] = rows
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([label, description, icon, tone]) => ({ id: `${id}/${label}`, label, description, icon, tone }));
  for (const g of r.gates ?? [])
    out.push({
      id: `${id}/gate:${g.id}`,
      label: `gate ${g.id}`,
      description: g.message,
      icon: g.ok ? 'pass' : 'circle-slash',
      tone: g.ok ? undefined : 'warning',
    });
  for (const o of r.overrides ?? [])
    out.push({
      id: `${id}/override:${o.gate}`,
      label: `override ${o.gate}`,
      description: o.reason,
      icon: 'shield',
      tone: 'warning',
    });
  return out;
}

export function auditNodes(records: readonly AuditRecord[], filter: AuditFilter = {}): PanelNode[] {
  const rows = auditHistory(records, filter);
  if (rows.length === 0) {
    const filtered = filterText(filter);
    return [
      {
        id: 'empty',
        label: filtered ? `No entry matches ${filtered}` : 'No plans, deploys or rollbacks recorded yet',
        icon: 'info',
        tone: 'muted',
      },
    ];
  }
  return rows.map((r) => {
    const id = `audit:${r.id}`;
    const overrides = r.overrides?.length ?? 0;
    return {
      id,
      label: `${r.action} ${r.target} → ${r.environment}`,
      description: `${r.result ?? 'running'}${overrides > 0 ? ` · ${overrides} override${overrides > 1 ? 's' : ''}` : ''} · ${r.time.replace('T', ' ').slice(0, 19)}`,
      tooltip: r.error,
      icon: ACTION_ICON[r.action] ?? 'history',
      tone: r.result ? RESULT_TONE[r.result] : 'warning',
      contextValue: `bulwark.audit.${r.action}`,
      target: r.target,
      environment: r.environment,
      children: detailRows(id, r),
    };
  });
}

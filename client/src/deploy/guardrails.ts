/**
 * Pre-deploy guardrails, pure: confirmation text, protected-environment confirmation, promotion,
 * gates and their overrides. The orchestrator gathers the inputs; these decide.
 */
import { wasDeployedSuccessfully, type AuditRecord, type AuditScope } from './audit';
import { countsText, type PlanCounts } from './terraformPlan';
import type { Environment, ToolKind } from './types';
import { checkWindows } from './windows';

export type GateId = 'window' | 'promotion' | 'no-errors' | 'health-checks' | 'rollback-path';

export interface GateResult {
  id: GateId;
  ok: boolean;
  /** A failing warning does not block; a failing blocker needs an override with a reason. */
  severity: 'blocker' | 'warning';
  message: string;
}

export interface Override {
  gate: GateId;
  reason: string;
}

export interface Finding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}

export function scopeText(kind: ToolKind, scope: AuditScope): string {
  if (kind === 'kubernetes')
    return `context ${scope.context ?? '(current)'}, namespace ${scope.namespace ?? '(default)'}`;
  if (kind === 'terraform') return `workspace ${scope.workspace ?? 'default'}`;
  return `project ${scope.project ?? '(default)'}`;
}

export interface ConfirmationInput {
  action: 'deploy' | 'rollback';
  kind: ToolKind;
  target: string;
  environment: Environment;
  scope: AuditScope;
  counts?: PlanCounts;
  /** Tool-specific summary, e.g. "web: recreate" for compose. */
  changeText?: string;
}

/** Names the target, environment, where it goes and what changes: in every confirmation. */
export function confirmationText(c: ConfirmationInput): string {
  const verb = c.action === 'deploy' ? 'Deploy' : 'Roll back';
  const what = c.changeText ?? (c.counts ? countsText(c.counts) : 'changes unknown');
  const guard = c.environment.protected
    ? ` ${c.environment.name} is protected: type its name to confirm.`
    : '';
  return `${verb} ${c.target} to ${c.environment.name} (${scopeText(c.kind, c.scope)}): ${what}.${guard}`;
}

export function checkProtectedConfirmation(
  env: Environment,
  typed: string | undefined,
): { ok: boolean; message: string } {
  if (!env.protected) return { ok: true, message: `${env.name} is not protected` };
  if (typed !== undefined && typed.trim() === env.name)
    return { ok: true, message: 'environment name typed' };
  return {
    ok: false,
    message: `${env.name} is protected: type "${env.name}" exactly to confirm${typed ? ` (got "${typed}")` : ''}.`,
  };
}

export function windowGate(env: Environment, now: Date): GateResult {
  const w = checkWindows(env.windows, now);
  return { id: 'window', ok: w.allowed, severity: 'blocker', message: w.message };
}

/**
 * Promotion: the commit should have been deployed successfully to the source environment first.
 * Unprotected targets get a warning; protected ones are refused unless overridden with a reason.
 */
export function promotionGate(
  env: Environment,
  commit: string | undefined,
  audit: readonly AuditRecord[],
): GateResult | undefined {
  if (!env.promotesFrom) return undefined;
  const severity = env.protected ? 'blocker' : 'warning';
  if (!commit) {
    return {
      id: 'promotion',
      ok: false,
      severity,
      message: `cannot tell which commit is deployed (no git); ${env.name} promotes from ${env.promotesFrom}`,
    };
  }
  const ok = wasDeployedSuccessfully(audit, env.promotesFrom, commit);
  return {
    id: 'promotion',
    ok,
    severity,
    message: ok
      ? `commit ${commit.slice(0, 12)} was deployed successfully to ${env.promotesFrom}`
      : `commit ${commit.slice(0, 12)} was never deployed successfully to ${env.promotesFrom}, which ${env.name} promotes from`,
  };
}

export function errorsGate(findings: readonly Finding[]): GateResult {
  if (findings.length === 0)
    return { id: 'no-errors', ok: true, severity: 'blocker', message: 'no error-level findings' };
  const first = findings
    .slice(0, 3)
    .map((f) => `${f.file}:${f.line} ${f.ruleId}`)
    .join(', ');
  return {
    id: 'no-errors',
    ok: false,
    severity: 'blocker',
    message: `${findings.length} error-level finding(s) in the target's files: ${first}${findings.length > 3 ? ', ...' : ''}`,
  };
}

export function healthChecksGate(missing: readonly string[], note?: string): GateResult {
  if (missing.length === 0) {
    return {
      id: 'health-checks',
      ok: true,
      severity: 'blocker',
      message: note ?? 'every workload has a health check',
    };
  }
  return {
    id: 'health-checks',
    ok: false,
    severity: 'blocker',
    message: `no health check: ${missing.join(', ')}`,
  };
}

export function rollbackPathGate(available: boolean, message: string): GateResult {
  return { id: 'rollback-path', ok: available, severity: 'blocker', message };
}

export interface GateDecision {
  allowed: boolean;
  /** Blockers that failed without an override (or with an empty reason). */
  blocking: GateResult[];
  warnings: GateResult[];
  /** Overrides that were needed and given: recorded in the audit log. */
  used: Override[];
}

export const MIN_REASON_LENGTH = 3;

export function decideGates(gates: readonly GateResult[], overrides: readonly Override[]): GateDecision {
  const blocking: GateResult[] = [];
  const used: Override[] = [];
  for (const g of gates) {
    if (g.ok || g.severity === 'warning') continue;
    const o = overrides.find((x) => x.gate === g.id && x.reason.trim().length >= MIN_REASON_LENGTH);
    if (o) used.push({ gate: o.gate, reason: o.reason.trim() });
    else blocking.push(g);
  }
  const warnings = gates.filter((g) => !g.ok && g.severity === 'warning');
  return { allowed: blocking.length === 0, blocking, warnings, used };
}

/** Containers of Kubernetes workloads in manifests that have neither a readiness nor a liveness probe. */
export function kubeWorkloadsWithoutProbes(docs: readonly unknown[]): string[] {
  const missing: string[] = [];
  for (const d of docs) {
    const o = d as {
      kind?: string;
      metadata?: { name?: string };
      spec?: { template?: { spec?: { containers?: unknown[] } }; jobTemplate?: unknown };
    };
    if (!o || !['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind ?? '')) continue;
    for (const c of (o.spec?.template?.spec?.containers ?? []) as {
      name?: string;
      readinessProbe?: unknown;
      livenessProbe?: unknown;
    }[]) {
      if (!c.readinessProbe && !c.livenessProbe)
        missing.push(`${o.kind}/${o.metadata?.name ?? '?'} container ${c.name ?? '?'}`);
    }
  }
  return missing;
}

/** Compose services (from `config --format json`) without a healthcheck (or with it disabled). */
export function composeServicesWithoutHealthcheck(config: unknown): string[] {
  const services =
    (config as { services?: Record<string, { healthcheck?: { disable?: boolean; test?: unknown } }> })
      ?.services ?? {};
  return Object.entries(services)
    .filter(([, s]) => !s.healthcheck || s.healthcheck.disable === true || s.healthcheck.test === undefined)
    .map(([name]) => `service ${name}`)
    .sort();
}

/**
 * One deploy of one target to one environment: lock -> preview -> gates -> confirmation ->
 * apply -> watch -> rollback on failure (automatic or offered) -> audit. Every path, including
 * Cancel and errors, writes exactly one end record and releases the lock.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AuditAction, AuditLog, AuditOverride, AuditRecord, AuditResult, AuditScope } from './audit';
import type { Applied, DeployDriver, Preview, RollbackTo, WatchResult } from './driver';
import { DeployError, isDeployError } from './errors';
import { gitInfo, type GitInfo } from './git';
import {
  checkProtectedConfirmation,
  confirmationText,
  decideGates,
  errorsGate,
  healthChecksGate,
  promotionGate,
  rollbackPathGate,
  windowGate,
  type Finding,
  type GateResult,
  type Override,
} from './guardrails';
import { currentUser, DeployLock } from './lock';
import type { OutputSink, Runner } from './runner';
import type { DeployTarget, Environment } from './types';

export interface ConfirmationRequest {
  text: string;
  target: DeployTarget;
  environment: Environment;
  scope: AuditScope;
  preview: Preview;
  gates: GateResult[];
  /** Failing blockers: the UI asks for a reason for each, or the deploy is refused. */
  needsOverride: GateResult[];
  requiresTypedName: boolean;
}

export interface ConfirmationAnswer {
  confirmed: boolean;
  typedName?: string;
  overrides?: Override[];
}

export interface RollbackOffer {
  target: DeployTarget;
  environment: Environment;
  failures: WatchResult['failures'];
}

export interface OrchestratorDeps {
  driver: DeployDriver;
  audit: AuditLog;
  stateDir: string;
  runner: Runner;
  confirm: (req: ConfirmationRequest) => Promise<ConfirmationAnswer>;
  /** Asked when a rollout fails and autoRollback is off; absent or false = leave it to the user. */
  offerRollback?: (offer: RollbackOffer) => Promise<boolean>;
  /** Error-level findings of the analyzer in the target's files. */
  findErrors?: (target: DeployTarget) => Promise<Finding[]>;
  sink?: OutputSink;
  now?: () => Date;
  user?: string;
  host?: string;
}

export interface DeployOutcome {
  result: AuditResult;
  message: string;
  gates: GateResult[];
  overrides: AuditOverride[];
  preview?: Preview;
  watch?: WatchResult;
  /** A failed rollout not rolled back: the UI offers "Roll back". */
  rollbackAvailable: boolean;
  error?: DeployError;
}

export interface RollbackPlanOutcome {
  result: AuditResult;
  message: string;
  preview?: Preview;
  rollbackTo?: RollbackTo;
}

export interface DeployOptions {
  signal?: AbortSignal;
  /** Overrides given up front (e.g. from a previous refusal); the confirmation may add more. */
  overrides?: Override[];
}

export class DeployOrchestrator {
  constructor(private readonly deps: OrchestratorDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private log(line: string): void {
    this.deps.sink?.('stdout', `[bulwark] ${line}`);
  }

  /** Runs `body` between a start and an end audit record; the end record is always written. */
  private async audited<T extends { result: AuditResult; message: string }>(
    action: AuditAction,
    target: DeployTarget,
    env: Environment,
    git: GitInfo,
    body: (end: Partial<AuditRecord>) => Promise<T>,
  ): Promise<T> {
    const started = Date.now();
    const base: AuditRecord = {
      id: randomUUID(),
      phase: 'start',
      time: this.now().toISOString(),
      user: this.deps.user ?? currentUser(),
      host: this.deps.host ?? hostname(),
      action,
      tool: this.deps.driver.kind,
      target: target.id,
      environment: env.name,
      scope: this.deps.driver.scope(target, env),
      git,
    };
    this.deps.audit.append(base);
    const end: Partial<AuditRecord> = {};
    let outcome: T | undefined;
    let error: unknown;
    try {
      outcome = await body(end);
      return outcome;
    } catch (e) {
      error = e;
      throw e;
    } finally {
      const result: AuditResult =
        outcome?.result ?? (isDeployError(error, 'cancelled') ? 'cancelled' : 'failure');
      this.deps.audit.append({
        ...base,
        ...end,
        phase: 'end',
        time: this.now().toISOString(),
        result,
        durationMs: Date.now() - started,
        error: error
          ? String((error as Error).message ?? error)
          : result === 'success'
            ? undefined
            : outcome?.message,
      });
    }
  }

  /** Plan: the preview the Plan panel shows, recorded in the audit log. */
  async plan(target: DeployTarget, env: Environment, o: { signal?: AbortSignal } = {}): Promise<Preview> {
    const git = await gitInfo(this.deps.runner, target.dir, o.signal);
    let preview: Preview | undefined;
    await this.audited('plan', target, env, git, async (end) => {
      preview = await this.deps.driver.plan(target, env, { sink: this.deps.sink, signal: o.signal });
      end.planDigest = preview.planDigest;
      end.details = { counts: preview.counts };
      return { result: 'success' as const, message: 'planned' };
    });
    return preview!;
  }

  /**
   * Rollback for tools without an undo (terraform): plans the last successfully applied earlier
   * commit; deploying that plan then goes through the normal deploy path, audited as `rollback`.
   */
  async planRollback(
    target: DeployTarget,
    env: Environment,
    o: { signal?: AbortSignal } = {},
  ): Promise<RollbackPlanOutcome> {
    const { driver } = this.deps;
    const git = await gitInfo(this.deps.runner, target.dir, o.signal);
    const out: RollbackPlanOutcome = { result: 'refused', message: '' };
    if (!driver.planRollback) {
      return { result: 'refused', message: `${driver.kind} rolls back directly; there is no rollback plan` };
    }
    await this.audited('rollback-plan', target, env, git, async (end) => {
      try {
        const p = await driver.planRollback!(
          target,
          env,
          { sink: this.deps.sink, signal: o.signal },
          { audit: this.deps.audit.read(), head: git },
        );
        end.planDigest = p.planDigest;
        end.details = { counts: p.counts, rollbackTo: p.rollbackTo.commit };
        Object.assign(out, {
          result: 'success',
          message: `planned rollback to ${p.rollbackTo.commit.slice(0, 12)}`,
          preview: p,
          rollbackTo: p.rollbackTo,
        });
      } catch (e) {
        if (!isDeployError(e, 'refused')) throw e;
        Object.assign(out, { result: 'refused', message: e.message });
      }
      this.log(out.message);
      return out;
    });
    return out;
  }

  async deploy(target: DeployTarget, env: Environment, o: DeployOptions = {}): Promise<DeployOutcome> {
    const signal = o.signal;
    // A saved rollback plan is applied as a rollback, recorded with the commit it returns to.
    const rollbackTo = this.deps.driver.pendingRollback?.(target, env);
    const git: GitInfo = rollbackTo
      ? { commit: rollbackTo.commit, dirty: false }
      : await gitInfo(this.deps.runner, target.dir, signal);
    const outcome: DeployOutcome = {
      result: 'failure',
      message: '',
      gates: [],
      overrides: [],
      rollbackAvailable: false,
    };
    try {
      await this.audited(rollbackTo ? 'rollback' : 'deploy', target, env, git, async (end) => {
        const r = await this.runDeploy(target, env, git, o, outcome, end, rollbackTo);
        end.gates = outcome.gates.map((g) => ({ id: g.id, ok: g.ok, message: g.message }));
        end.overrides = outcome.overrides;
        end.planDigest = outcome.preview?.planDigest;
        end.details = {
          counts: outcome.preview?.counts,
          rollbackAvailable: outcome.rollbackAvailable,
          ...(rollbackTo ? { rollbackTo: rollbackTo.commit, reason: 'rollback plan' } : {}),
        };
        return r;
      });
    } catch (e) {
      const err = isDeployError(e) ? e : new DeployError('tool-failed', String((e as Error).message ?? e));
      outcome.error = err;
      outcome.result = err.code === 'cancelled' ? 'cancelled' : 'failure';
      outcome.message = err.message;
    }
    return outcome;
  }

  private async runDeploy(
    target: DeployTarget,
    env: Environment,
    git: GitInfo,
    o: DeployOptions,
    out: DeployOutcome,
    end: Partial<AuditRecord>,
    rollbackTo: RollbackTo | undefined,
  ): Promise<DeployOutcome> {
    const { driver } = this.deps;
    const ops = { sink: this.deps.sink, signal: o.signal };
    const refuse = (message: string, error?: DeployError): DeployOutcome => {
      Object.assign(out, { result: 'refused', message, error: error ?? new DeployError('refused', message) });
      end.gates = out.gates.map((g) => ({ id: g.id, ok: g.ok, message: g.message }));
      return out;
    };
    let lock: DeployLock;
    try {
      lock = DeployLock.acquire(this.deps.stateDir, target.id, env.name, 'deploy');
    } catch (e) {
      if (isDeployError(e, 'deploy-locked')) return refuse(e.message, e);
      throw e;
    }
    try {
      let preview: Preview;
      try {
        preview = await driver.preview(target, env, ops);
      } catch (e) {
        if (isDeployError(e, 'stale-plan') || isDeployError(e, 'no-plan')) return refuse(e.message, e);
        throw e;
      }
      out.preview = preview;
      out.gates = await this.gates(target, env, git, ops);
      const scope = driver.scope(target, env);
      const preDecision = decideGates(out.gates, o.overrides ?? []);
      const answer = await this.deps.confirm({
        text:
          confirmationText({
            action: rollbackTo ? 'rollback' : 'deploy',
            kind: driver.kind,
            target: target.id,
            environment: env,
            scope,
            counts: preview.counts,
            changeText: preview.changeText,
          }) +
          (rollbackTo
            ? ` Returns to commit ${rollbackTo.commit.slice(0, 12)} (applied ${rollbackTo.appliedAt}).`
            : ''),
        target,
        environment: env,
        scope,
        preview,
        gates: out.gates,
        needsOverride: preDecision.blocking,
        requiresTypedName: env.protected,
      });
      if (!answer.confirmed) return refuse('deploy not confirmed');
      const decision = decideGates(out.gates, [...(o.overrides ?? []), ...(answer.overrides ?? [])]);
      out.overrides = decision.used;
      if (!decision.allowed) {
        return refuse(
          `refused by ${decision.blocking.map((g) => `${g.id} (${g.message})`).join('; ')}; give a reason to override`,
        );
      }
      const typed = checkProtectedConfirmation(env, answer.typedName);
      if (!typed.ok) return refuse(typed.message);
      for (const ov of decision.used) this.log(`override of ${ov.gate}: ${ov.reason}`);

      const applied: Applied = await driver.apply(target, env, ops);
      this.log(applied.summary);
      const watch = await driver.watch(target, env, applied, ops);
      out.watch = watch;
      if (watch.ok) {
        const message = rollbackTo
          ? `rolled back ${target.id} in ${env.name} to commit ${rollbackTo.commit.slice(0, 12)}`
          : `deployed ${target.id} to ${env.name}`;
        return Object.assign(out, { result: 'success', message });
      }

      const why = watch.failures.map((f) => `${f.name}: ${f.reason}`).join('; ');
      this.log(`rollout failed: ${why}`);
      const rollBack =
        env.autoRollback ||
        ((await this.deps.offerRollback?.({ target, environment: env, failures: watch.failures })) ?? false);
      if (!rollBack) {
        return Object.assign(out, {
          result: 'failure',
          message: `rollout failed: ${why}`,
          rollbackAvailable: true,
        });
      }
      const rb = await this.rollback(target, env, {
        signal: o.signal,
        applied,
        reason: env.autoRollback ? 'automatic: rollout failed' : 'offered after a failed rollout',
        git,
      });
      return Object.assign(out, {
        result: rb.ok ? 'rolled-back' : 'failure',
        message: `rollout failed (${why}); ${rb.message}`,
        rollbackAvailable: !rb.performed,
      });
    } finally {
      // A rollback plan is used once, whatever happened: its worktree does not outlive the deploy.
      if (rollbackTo) await driver.discardRollback?.(target, env);
      lock.release();
    }
  }

  private async gates(
    target: DeployTarget,
    env: Environment,
    git: GitInfo,
    ops: { signal?: AbortSignal },
  ): Promise<GateResult[]> {
    const { driver } = this.deps;
    const records = this.deps.audit.read();
    const gates: GateResult[] = [windowGate(env, this.now())];
    const promo = promotionGate(env, git.commit, records);
    if (promo) gates.push(promo);
    if (this.deps.findErrors) gates.push(errorsGate(await this.deps.findErrors(target)));
    const health = await driver.healthCheckGaps(target, env, ops);
    gates.push(healthChecksGate(health.missing, health.note));
    const path = await driver.rollbackPath(target, env, { audit: records });
    gates.push(rollbackPathGate(path.available, path.message));
    return gates;
  }

  /** Rollback as its own audited action (also used by the circuit breaker). */
  async rollback(
    target: DeployTarget,
    env: Environment,
    o: { signal?: AbortSignal; applied?: Applied; reason?: string; git?: GitInfo; toRevision?: number } = {},
  ): Promise<{ result: AuditResult; message: string; performed: boolean; ok: boolean }> {
    const git = o.git ?? (await gitInfo(this.deps.runner, target.dir, o.signal));
    const ctx = { audit: this.deps.audit.read() };
    return this.audited('rollback', target, env, git, async (end) => {
      end.details = { reason: o.reason, toRevision: o.toRevision };
      const rb = await this.deps.driver.rollback(
        target,
        env,
        o.applied,
        { sink: this.deps.sink, signal: o.signal, toRevision: o.toRevision },
        ctx,
      );
      this.log(rb.message);
      const result: AuditResult = rb.performed ? (rb.ok ? 'success' : 'failure') : 'refused';
      return { result, message: rb.message, performed: rb.performed, ok: rb.ok };
    });
  }
}

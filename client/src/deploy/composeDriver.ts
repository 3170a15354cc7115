/** Compose in the deploy flow: up --wait as the watch, the last good config as the rollback. */
import type { AuditScope } from './audit';
import type { ComposeBackend, ComposeUpResult } from './compose';
import type { Applied, DeployDriver, Preview, RollbackPath, RollbackResult, WatchResult } from './driver';
import { composeServicesWithoutHealthcheck } from './guardrails';
import type { DeployTarget, Environment, OperationOptions } from './types';

export class ComposeDriver implements DeployDriver {
  readonly kind = 'compose' as const;
  constructor(readonly compose: ComposeBackend) {}

  scope(target: DeployTarget, env: Environment): AuditScope {
    return { project: this.compose.projectOf(target, env) };
  }

  async plan(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview> {
    const p = await this.compose.plan(target, env, o);
    const add = p.services.filter((s) => s.change === 'create').length;
    const change = p.services.filter((s) => s.change === 'recreate').length;
    const changed = p.services.filter((s) => s.change !== 'unchanged');
    return {
      counts: { add, change, replace: 0, destroy: p.orphans.length },
      changeText:
        changed.length === 0 ? 'no service changes' : changed.map((s) => `${s.name}: ${s.change}`).join(', '),
      details: p,
    };
  }

  preview(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview> {
    return this.plan(target, env, o);
  }

  async healthCheckGaps(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions,
  ): Promise<{ missing: string[] }> {
    return { missing: composeServicesWithoutHealthcheck(await this.compose.config(target, env, o)) };
  }

  async rollbackPath(target: DeployTarget, env: Environment): Promise<RollbackPath> {
    if (this.compose.hasLastGood(target, env))
      return { available: true, message: 'redeploy the last good configuration' };
    const running = await this.compose.ps(target, env).catch(() => []);
    if (running.length === 0) return { available: true, message: 'first deploy: rollback is `down`' };
    return { available: false, message: 'the project runs but Bulwark has no last good configuration of it' };
  }

  async apply(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Applied> {
    const r = await this.compose.up(target, env, o);
    return { handle: r, summary: r.ok ? 'services up and healthy' : `up failed: ${r.reason}` };
  }

  async watch(_t: DeployTarget, _e: Environment, applied: Applied): Promise<WatchResult> {
    // `up --wait` already waited for health: its result is the watch.
    const r = applied.handle as ComposeUpResult;
    const bad = r.services.filter(
      (s) => s.state !== 'running' || (s.health !== '' && s.health !== 'healthy'),
    );
    const failures = r.ok
      ? []
      : [{ name: bad.map((s) => s.service).join(', ') || 'project', reason: r.reason ?? 'up failed' }];
    return { ok: r.ok, failures, details: r.services };
  }

  async rollback(
    target: DeployTarget,
    env: Environment,
    _a: Applied | undefined,
    o: OperationOptions,
  ): Promise<RollbackResult> {
    if (!this.compose.hasLastGood(target, env)) {
      return { performed: false, ok: false, message: 'no last good configuration recorded' };
    }
    const r = await this.compose.rollback(target, env, o);
    return {
      performed: true,
      ok: r.ok,
      message: r.ok ? 'redeployed the last good configuration' : `rollback failed: ${r.reason}`,
    };
  }
}

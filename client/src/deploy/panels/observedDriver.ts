/**
 * A DeployDriver that reports what happens to the Rollout Status panel: after apply, while the
 * watch runs (with an optional bounded poll, stopped when the watch ends) and when it ends. It
 * changes nothing in the flow: every call is passed through and its result returned as is.
 */
import type { Applied, DeployDriver, DriverContext, WatchResult } from '../driver';
import type { DeployTarget, Environment, OperationOptions } from '../types';

export interface RolloutObserver {
  applied?(target: DeployTarget, env: Environment, applied: Applied): void;
  /** Called repeatedly while the watch runs, at most every `pollMs`, until it ends. */
  poll?(target: DeployTarget, env: Environment, applied: Applied, signal: AbortSignal): Promise<void>;
  watched?(target: DeployTarget, env: Environment, result: WatchResult): void;
  rolledBack?(target: DeployTarget, env: Environment, ok: boolean, message: string): void;
  failed?(target: DeployTarget, env: Environment, error: unknown): void;
}

export function observeDriver(inner: DeployDriver, obs: RolloutObserver, pollMs = 2000): DeployDriver {
  return {
    kind: inner.kind,
    scope: (t, e) => inner.scope(t, e),
    plan: (t, e, o) => inner.plan(t, e, o),
    preview: (t, e, o) => inner.preview(t, e, o),
    healthCheckGaps: (t, e, o) => inner.healthCheckGaps(t, e, o),
    rollbackPath: (t, e, ctx) => inner.rollbackPath(t, e, ctx),
    async apply(t, e, o) {
      try {
        const a = await inner.apply(t, e, o);
        obs.applied?.(t, e, a);
        return a;
      } catch (err) {
        obs.failed?.(t, e, err);
        throw err;
      }
    },
    async watch(t: DeployTarget, e: Environment, a: Applied, o: OperationOptions) {
      const stop = new AbortController();
      const cancel = () => stop.abort();
      o.signal?.addEventListener('abort', cancel, { once: true });
      const polling = obs.poll
        ? pollUntil(() => obs.poll!(t, e, a, stop.signal), stop.signal, pollMs)
        : undefined;
      try {
        const r = await inner.watch(t, e, a, o);
        stop.abort();
        await polling;
        obs.watched?.(t, e, r);
        return r;
      } catch (err) {
        obs.failed?.(t, e, err);
        throw err;
      } finally {
        stop.abort();
        o.signal?.removeEventListener('abort', cancel);
      }
    },
    async rollback(t, e, a, o, ctx: DriverContext) {
      const r = await inner.rollback(t, e, a, o, ctx);
      obs.rolledBack?.(t, e, r.ok, r.message);
      return r;
    },
    // Optional: present only when the inner driver has them (terraform's rollback plan).
    planRollback: inner.planRollback?.bind(inner),
    pendingRollback: inner.pendingRollback?.bind(inner),
    discardRollback: inner.discardRollback?.bind(inner),
  };
}

/** Runs `once` now and then every `ms` until `signal` aborts; errors of one round are ignored. */
export async function pollUntil(once: () => Promise<void>, signal: AbortSignal, ms: number): Promise<void> {
  while (!signal.aborted) {
    await once().catch(() => undefined);
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
    });
  }
}

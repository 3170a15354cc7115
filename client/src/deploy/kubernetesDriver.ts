/** Kubernetes in the deploy flow: server-side diff and apply, rollout status, undo per workload. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { AuditScope } from './audit';
import type { Applied, DeployDriver, Preview, RollbackPath, RollbackResult, WatchResult } from './driver';
import { kubeWorkloadsWithoutProbes } from './guardrails';
import type { KubeApplyResult, KubernetesBackend } from './kubernetes';
import { refText } from './kubeStatus';
import type { DeployTarget, Environment, OperationOptions } from './types';

export class KubernetesDriver implements DeployDriver {
  readonly kind = 'kubernetes' as const;
  constructor(
    readonly kube: KubernetesBackend,
    private readonly rolloutTimeoutSeconds = 300,
  ) {}

  scope(_t: DeployTarget, env: Environment): AuditScope {
    return { context: env.kube.context, namespace: env.kube.namespace };
  }

  async plan(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview> {
    const d = await this.kube.diff(target, env, o);
    const add = d.filter((e) => e.created).length;
    return {
      counts: { add, change: d.length - add, replace: 0, destroy: 0 },
      changeText:
        d.length === 0
          ? 'no differences'
          : d.map((e) => `${e.kind}/${e.name}: ${e.created ? 'create' : 'change'}`).join(', '),
      details: d,
    };
  }

  preview(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview> {
    return this.plan(target, env, o);
  }

  async healthCheckGaps(target: DeployTarget): Promise<{ missing: string[]; note?: string }> {
    if (target.kustomize) return { missing: [], note: 'kustomize output not inspected for probes' };
    return { missing: kubeWorkloadsWithoutProbes(manifestDocs(target)) };
  }

  async rollbackPath(target: DeployTarget): Promise<RollbackPath> {
    const noHistory = manifestDocs(target).filter(
      (d) => (d as { spec?: { revisionHistoryLimit?: number } })?.spec?.revisionHistoryLimit === 0,
    );
    if (noHistory.length > 0)
      return { available: false, message: 'revisionHistoryLimit: 0 leaves nothing for `rollout undo`' };
    return { available: true, message: 'kubectl rollout undo to the previous revision' };
  }

  async apply(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Applied> {
    const r = await this.kube.apply(target, env, o);
    return { handle: r, summary: `applied ${r.applied.map(refText).join(', ')}` };
  }

  async watch(
    _t: DeployTarget,
    env: Environment,
    applied: Applied,
    o: OperationOptions,
  ): Promise<WatchResult> {
    const { workloads } = applied.handle as KubeApplyResult;
    const outcomes = await Promise.all(
      workloads.map((w) =>
        this.kube.rolloutStatus(w, env, { ...o, timeoutSeconds: this.rolloutTimeoutSeconds }),
      ),
    );
    const failures = outcomes
      .filter((r) => !r.ok)
      .map((r) => ({ name: refText(r.workload), reason: r.reason ?? 'failed' }));
    return { ok: failures.length === 0, failures, details: outcomes };
  }

  async rollback(
    _t: DeployTarget,
    env: Environment,
    applied: Applied | undefined,
    o: OperationOptions & { toRevision?: number },
  ): Promise<RollbackResult> {
    const workloads = (applied?.handle as KubeApplyResult | undefined)?.workloads ?? [];
    if (workloads.length === 0) return { performed: false, ok: false, message: 'no workloads were changed' };
    for (const w of workloads) await this.kube.undo(w, env, { ...o, toRevision: o.toRevision });
    const after = await Promise.all(
      workloads.map((w) =>
        this.kube.rolloutStatus(w, env, { ...o, timeoutSeconds: this.rolloutTimeoutSeconds }),
      ),
    );
    const bad = after.filter((r) => !r.ok);
    return {
      performed: true,
      ok: bad.length === 0,
      message:
        bad.length === 0
          ? `rolled back ${workloads.map(refText).join(', ')}`
          : `rollback did not settle: ${bad.map((b) => `${refText(b.workload)} ${b.reason}`).join('; ')}`,
    };
  }
}

/** The YAML documents of the target's manifest files (folders read one level deep, like kubectl -f). */
export function manifestDocs(target: DeployTarget): unknown[] {
  const files: string[] = [];
  for (const f of target.files.length > 0 ? target.files : [target.dir]) {
    const p = f.startsWith('/') ? f : join(target.dir, f);
    if (statSync(p).isDirectory()) {
      for (const n of readdirSync(p).sort()) if (/\.(ya?ml|json)$/.test(n)) files.push(join(p, n));
    } else files.push(p);
  }
  return files.flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS() as unknown));
}

/**
 * Kubernetes through the user's real kubectl: server-side diff and apply (field manager
 * `bulwark`), rollout status of every workload touched, history and undo. Every call names the
 * environment's context and namespace explicitly, so a changed current-context never redirects it.
 */
import { DeployError } from './errors';
import {
  parseHistory,
  parseKubeDiff,
  parseNames,
  parseWorkload,
  refText,
  workloadsOf,
  type KubeDiffEntry,
  type KubeObjectRef,
  type RevisionEntry,
  type WorkloadStatus,
} from './kubeStatus';
import { Redactor } from './redact';
import type { RunResult, Runner } from './runner';
import type { DeployTarget, Environment, OperationOptions } from './types';

export const FIELD_MANAGER = 'bulwark';

export interface KubernetesOptions {
  runner: Runner;
  kubectlPath?: string;
  env?: Record<string, string>;
  redactor?: Redactor;
}

export interface KubeApplyResult {
  applied: KubeObjectRef[];
  workloads: KubeObjectRef[];
}

export interface RolloutOutcome {
  workload: KubeObjectRef;
  ok: boolean;
  status?: WorkloadStatus;
  /** Why it failed: ProgressDeadlineExceeded, timeout, or kubectl's own message. */
  reason?: string;
}

export class KubernetesBackend {
  readonly redactor: Redactor;
  private readonly bin: string;

  constructor(private readonly opts: KubernetesOptions) {
    this.redactor = opts.redactor ?? new Redactor();
    this.bin = opts.kubectlPath ?? 'kubectl';
  }

  scopeArgs(env: Environment): string[] {
    const a: string[] = [];
    if (env.kube.context) a.push('--context', env.kube.context);
    if (env.kube.namespace) a.push('--namespace', env.kube.namespace);
    return a;
  }

  sourceArgs(target: DeployTarget): string[] {
    if (target.kustomize) return ['-k', target.dir];
    const files = target.files.length > 0 ? target.files : [target.dir];
    return files.flatMap((f) => ['-f', f]);
  }

  private async kubectl(
    args: string[],
    env: Environment,
    o: OperationOptions & { stream?: boolean } = {},
  ): Promise<RunResult> {
    const r = await this.opts.runner.run({
      command: this.bin,
      args: [...this.scopeArgs(env), ...args],
      env: this.opts.env,
      sink: o.stream === false ? undefined : o.sink,
      signal: o.signal,
    });
    if (r.cancelled) throw new DeployError('cancelled', `kubectl ${args[0]} was cancelled`);
    return r;
  }

  private fail(what: string, r: RunResult): never {
    const text = this.redactor.redact((r.stderr || r.stdout).trim().split('\n').slice(-6).join(' '));
    throw new DeployError('tool-failed', `kubectl ${what} failed (exit ${r.code}): ${text}`, {
      exitCode: r.code,
    });
  }

  /** `kubectl diff --server-side`: exit 0 = no differences, 1 = differences, more = error. */
  async diff(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<KubeDiffEntry[]> {
    const r = await this.kubectl(
      [
        'diff',
        '--server-side',
        `--field-manager=${FIELD_MANAGER}`,
        '--force-conflicts',
        ...this.sourceArgs(target),
      ],
      env,
      { ...o, stream: false },
    );
    if (r.code !== 0 && r.code !== 1) this.fail('diff', r);
    const entries = parseKubeDiff(r.stdout);
    for (const e of entries) e.diff = this.redactor.redact(maskSecretData(e));
    return entries;
  }

  async apply(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<KubeApplyResult> {
    const r = await this.kubectl(
      [
        'apply',
        '--server-side',
        `--field-manager=${FIELD_MANAGER}`,
        ...this.sourceArgs(target),
        '-o',
        'name',
      ],
      env,
      o,
    );
    if (r.code !== 0) this.fail('apply', r);
    const applied = parseNames(r.stdout);
    return { applied, workloads: workloadsOf(applied) };
  }

  async status(w: KubeObjectRef, env: Environment, o: OperationOptions = {}): Promise<WorkloadStatus> {
    const r = await this.kubectl(['get', refText(w), '-o', 'json'], env, { ...o, stream: false });
    if (r.code !== 0) this.fail('get', r);
    return parseWorkload(JSON.parse(r.stdout));
  }

  /** Waits for one workload's rollout; a failure carries the reason from the workload's conditions. */
  async rolloutStatus(
    w: KubeObjectRef,
    env: Environment,
    o: OperationOptions & { timeoutSeconds?: number } = {},
  ): Promise<RolloutOutcome> {
    const r = await this.kubectl(
      ['rollout', 'status', refText(w), `--timeout=${o.timeoutSeconds ?? 300}s`],
      env,
      o,
    );
    const status = await this.status(w, env, { signal: o.signal }).catch(() => undefined);
    if (r.code === 0) return { workload: w, ok: true, status };
    const timedOut = /timed out waiting/i.test(r.stderr);
    const reason =
      status?.failureReason ??
      (timedOut
        ? `timed out after ${o.timeoutSeconds ?? 300}s`
        : this.redactor.redact(r.stderr.trim() || `exit ${r.code}`));
    return { workload: w, ok: false, status, reason };
  }

  async history(w: KubeObjectRef, env: Environment, o: OperationOptions = {}): Promise<RevisionEntry[]> {
    const r = await this.kubectl(['rollout', 'history', refText(w)], env, { ...o, stream: false });
    if (r.code !== 0) this.fail('rollout history', r);
    return parseHistory(r.stdout);
  }

  /** `kubectl rollout undo`, to the previous revision or the one given. */
  async undo(
    w: KubeObjectRef,
    env: Environment,
    o: OperationOptions & { toRevision?: number } = {},
  ): Promise<void> {
    const args = ['rollout', 'undo', refText(w)];
    if (o.toRevision !== undefined) args.push(`--to-revision=${o.toRevision}`);
    const r = await this.kubectl(args, env, o);
    if (r.code !== 0) this.fail('rollout undo', r);
  }
}

/** Secret objects: the diff shows data values; mask every value line under data/stringData. */
function maskSecretData(e: KubeDiffEntry): string {
  if (e.kind !== 'Secret') return e.diff;
  let inData = false;
  return e.diff
    .split('\n')
    .map((line) => {
      const body = line.slice(1);
      if (/^(data|stringData):/.test(body)) {
        inData = true;
        return line;
      }
      if (inData && /^\s{2}\S/.test(body)) return line.replace(/^(.\s+[^:]+:\s*).*$/, '$1***');
      if (!/^\s/.test(body)) inData = false;
      return line;
    })
    .join('\n');
}

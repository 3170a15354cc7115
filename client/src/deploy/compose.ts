/**
 * Docker Compose v2 through the user's real `docker compose`: normalised config, which services
 * would be created or recreated (config-hash labels vs `config --hash`), `up -d --wait`, ps, down.
 * Each successful deploy keeps its resolved config as last-good.yaml; rollback redeploys it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeployError } from './errors';
import { slug } from './planStore';
import { Redactor } from './redact';
import type { RunResult, Runner } from './runner';
import type { DeployTarget, Environment, OperationOptions } from './types';

export interface ComposeOptions {
  runner: Runner;
  stateDir: string;
  dockerPath?: string;
  env?: Record<string, string>;
  redactor?: Redactor;
}

export type ServiceChange = 'create' | 'recreate' | 'unchanged';

export interface ComposePlan {
  project: string;
  services: { name: string; change: ServiceChange }[];
  /** Containers of services no longer in the config (removed by up --remove-orphans). */
  orphans: string[];
  /** The normalised config (`config --format json`), secrets redacted. */
  config: unknown;
}

export interface ComposeService {
  service: string;
  name: string;
  state: string;
  health: string;
  exitCode: number;
  configHash?: string;
}

export interface ComposeUpResult {
  ok: boolean;
  /** Set when `up --wait` failed: the compose message, e.g. "container x-web-1 exited (4)". */
  reason?: string;
  services: ComposeService[];
}

export class ComposeBackend {
  readonly redactor: Redactor;
  private readonly bin: string;

  constructor(private readonly opts: ComposeOptions) {
    this.redactor = opts.redactor ?? new Redactor();
    this.bin = opts.dockerPath ?? 'docker';
  }

  projectOf(target: DeployTarget, env: Environment): string {
    const base = env.compose.project ?? `${target.id.split('/').filter(Boolean).pop() ?? 'app'}-${env.name}`;
    return base.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
  }

  lastGoodPath(target: DeployTarget, env: Environment): string {
    return join(this.opts.stateDir, 'compose', slug(env.name), this.projectOf(target, env), 'last-good.yaml');
  }

  private baseArgs(target: DeployTarget, env: Environment, files?: string[]): string[] {
    const a = ['compose', '-p', this.projectOf(target, env), '--project-directory', target.dir];
    for (const f of files ?? target.files) a.push('-f', resolve(target.dir, f));
    if (env.compose.envFile) a.push('--env-file', resolve(target.dir, env.compose.envFile));
    return a;
  }

  private async docker(args: string[], o: OperationOptions & { stream?: boolean } = {}): Promise<RunResult> {
    const r = await this.opts.runner.run({
      command: this.bin,
      args,
      env: this.opts.env,
      sink: o.stream === false ? undefined : o.sink,
      signal: o.signal,
    });
    if (r.cancelled) throw new DeployError('cancelled', `docker ${args.slice(0, 2).join(' ')} was cancelled`);
    return r;
  }

  private fail(what: string, r: RunResult): never {
    const text = this.redactor.redact((r.stderr || r.stdout).trim().split('\n').slice(-6).join(' '));
    throw new DeployError('tool-failed', `docker compose ${what} failed (exit ${r.code}): ${text}`, {
      exitCode: r.code,
    });
  }

  /** Registers environment values of the resolved config as secrets when their names say so. */
  private learnSecrets(config: unknown): void {
    const services =
      (config as { services?: Record<string, { environment?: Record<string, unknown> }> }).services ?? {};
    for (const s of Object.values(services)) {
      for (const [k, v] of Object.entries(s.environment ?? {})) {
        if (/pass|secret|token|key|credential/i.test(k) && typeof v === 'string') this.redactor.addSecret(v);
      }
    }
  }

  async config(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<unknown> {
    const r = await this.docker([...this.baseArgs(target, env), 'config', '--format', 'json'], {
      ...o,
      stream: false,
    });
    if (r.code !== 0) this.fail('config', r);
    const config = JSON.parse(r.stdout) as unknown;
    this.learnSecrets(config);
    return config;
  }

  async ps(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<ComposeService[]> {
    const r = await this.docker([...this.baseArgs(target, env, []), 'ps', '-a', '--format', 'json'], {
      ...o,
      stream: false,
    });
    if (r.code !== 0) this.fail('ps', r);
    return parsePs(r.stdout);
  }

  /** What `up` would do: per service create / recreate / unchanged, plus orphans. */
  async plan(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<ComposePlan> {
    const config = await this.config(target, env, o);
    const h = await this.docker([...this.baseArgs(target, env), 'config', '--hash', '*'], {
      ...o,
      stream: false,
    });
    if (h.code !== 0) this.fail('config --hash', h);
    const hashes = new Map<string, string>();
    for (const line of h.stdout.split('\n')) {
      const [name, hash] = line.trim().split(/\s+/);
      if (name && hash) hashes.set(name, hash);
    }
    const running = await this.ps(target, env, o);
    const services = [...hashes.entries()].map(([name, hash]) => {
      const containers = running.filter((c) => c.service === name);
      const change: ServiceChange =
        containers.length === 0
          ? 'create'
          : containers.some((c) => c.configHash !== hash || c.state !== 'running')
            ? 'recreate'
            : 'unchanged';
      return { name, change };
    });
    const orphans = running.filter((c) => !hashes.has(c.service)).map((c) => c.name);
    return {
      project: this.projectOf(target, env),
      services,
      orphans,
      config: this.redactor.redactValue(config),
    };
  }

  /** `up -d --wait`; on success keeps the resolved config as the last good one. */
  async up(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions & { files?: string[] } = {},
  ): Promise<ComposeUpResult> {
    let resolved: string | undefined;
    if (!o.files) {
      const c = await this.docker([...this.baseArgs(target, env), 'config'], { ...o, stream: false });
      if (c.code !== 0) this.fail('config', c);
      resolved = c.stdout;
    }
    const r = await this.docker(
      [...this.baseArgs(target, env, o.files), 'up', '-d', '--wait', '--remove-orphans'],
      o,
    );
    const services = await this.ps(target, env, { signal: o.signal });
    if (r.code !== 0) {
      const reason =
        /container \S+ (exited \(\d+\)|is unhealthy)/.exec(r.stderr)?.[0] ??
        this.redactor.redact(lastLine(r.stderr));
      return { ok: false, reason, services };
    }
    if (resolved !== undefined) this.saveLastGood(target, env, resolved);
    return { ok: true, services };
  }

  private saveLastGood(target: DeployTarget, env: Environment, config: string): void {
    const p = this.lastGoodPath(target, env);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(`${p}.tmp`, config, { mode: 0o600 });
    renameSync(`${p}.tmp`, p);
  }

  hasLastGood(target: DeployTarget, env: Environment): boolean {
    return existsSync(this.lastGoodPath(target, env));
  }

  lastGood(target: DeployTarget, env: Environment): string | undefined {
    const p = this.lastGoodPath(target, env);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  }

  /** Redeploys the last successful configuration. */
  async rollback(target: DeployTarget, env: Environment, o: OperationOptions = {}): Promise<ComposeUpResult> {
    if (!this.hasLastGood(target, env)) {
      throw new DeployError(
        'refused',
        `No successful deploy of ${target.id} to ${env.name} is recorded: nothing to roll back to.`,
      );
    }
    return this.up(
      target,
      { ...env, compose: { ...env.compose, envFile: undefined } },
      { ...o, files: [this.lastGoodPath(target, env)] },
    );
  }

  async down(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions & { timeoutSeconds?: number } = {},
  ): Promise<void> {
    const r = await this.docker(
      [
        ...this.baseArgs(target, env, []),
        'down',
        '--remove-orphans',
        '--timeout',
        String(o.timeoutSeconds ?? 10),
      ],
      o,
    );
    if (r.code !== 0) this.fail('down', r);
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

export function parsePs(stdout: string): ComposeService[] {
  const text = stdout.trim();
  if (!text) return [];
  // Compose prints one object per line; some versions print a JSON array.
  const rows = (
    text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((l) => JSON.parse(l))
  ) as Record<string, unknown>[];
  return rows.map((r) => {
    const labels = typeof r.Labels === 'string' ? r.Labels : '';
    return {
      service: String(r.Service ?? ''),
      name: String(r.Name ?? ''),
      state: String(r.State ?? ''),
      health: String(r.Health ?? ''),
      exitCode: Number(r.ExitCode ?? 0),
      configHash: /com\.docker\.compose\.config-hash=([0-9a-f]+)/.exec(labels)?.[1],
    };
  });
}

/**
 * Saved plans, one per target and environment, under `<stateDir>/plans/`. The manifest records a
 * digest of the module's files at plan time so an apply of a plan older than its files is refused.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { PlanCounts } from './terraformPlan';

export interface PlanManifest {
  target: string;
  environment: string;
  workspace: string;
  varFiles: string[];
  createdAt: string;
  /** sha256 over the module's terraform files and var files, at plan time. */
  filesDigest: string;
  /** sha256 of the saved plan file: names exactly what was reviewed in the audit log. */
  planDigest: string;
  counts: PlanCounts;
  /** Set for a rollback plan: made in a worktree of an earlier commit, against this module's state. */
  rollback?: RollbackPlanInfo;
}

export interface RollbackPlanInfo {
  commit: string;
  /** When that commit was last applied successfully (from the audit log). */
  appliedAt: string;
  /** The detached git worktree, removed once the plan is applied or discarded. */
  worktree: string;
  /** The module folder inside the worktree: terraform runs there. */
  moduleDir: string;
  /** -state=... for a local backend, so plan and apply use the original module's state. */
  stateArgs: string[];
}

const SKIP_DIRS = new Set(['.terraform', '.bulwark', '.git', 'node_modules']);
const TF_FILE = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json|\.terraform\.lock\.hcl|\.tftpl|\.tpl)$/;

/** A stable file-system name for a target path or id. */
export function slug(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'root';
  const h = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${clean.slice(-60)}-${h}`;
}

function listFiles(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) listFiles(p, out);
    } else if (TF_FILE.test(name)) out.push(p);
  }
  return out;
}

/** Digest of everything in the module folder that can change what a plan means. */
export function moduleDigest(moduleDir: string, extraFiles: readonly string[] = []): string {
  const h = createHash('sha256');
  const root = resolve(moduleDir);
  for (const f of listFiles(root, [])) {
    h.update(relative(root, f).split(sep).join('/')).update('\0').update(readFileSync(f)).update('\0');
  }
  for (const f of extraFiles) {
    const p = resolve(root, f);
    h.update(`extra:${f}`)
      .update('\0')
      .update(existsSync(p) ? readFileSync(p) : 'missing')
      .update('\0');
  }
  return h.digest('hex');
}

export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export class PlanStore {
  constructor(private readonly stateDir: string) {}

  dir(target: string, environment: string): string {
    return join(this.stateDir, 'plans', slug(target), slug(environment));
  }

  planFile(target: string, environment: string): string {
    return join(this.dir(target, environment), 'tfplan');
  }

  prepare(target: string, environment: string): string {
    const d = this.dir(target, environment);
    mkdirSync(d, { recursive: true });
    rmSync(join(d, 'manifest.json'), { force: true });
    return join(d, 'tfplan');
  }

  save(manifest: PlanManifest): void {
    const d = this.dir(manifest.target, manifest.environment);
    const tmp = join(d, `.manifest.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(manifest, null, 2));
    renameSync(tmp, join(d, 'manifest.json'));
  }

  load(target: string, environment: string): PlanManifest | undefined {
    const p = join(this.dir(target, environment), 'manifest.json');
    if (!existsSync(p) || !existsSync(this.planFile(target, environment))) return undefined;
    return JSON.parse(readFileSync(p, 'utf8')) as PlanManifest;
  }

  /** A plan is used once: terraform refuses to apply it again after the state moved on. */
  discard(target: string, environment: string): void {
    rmSync(this.dir(target, environment), { recursive: true, force: true });
  }

  describe(target: string, environment: string): string {
    return `${basename(target)} / ${environment}`;
  }
}

/**
 * The Plan panel across reloads. Each plan the panel shows is also written, redacted, as
 * `panel.json` next to the saved plan (`<stateDir>/plans/<target>/<env>/`), with a digest of the
 * files it came from; terraform's own manifest.json there says whether its plan file is still
 * deployable. On activation the panel is restored from those files, and a plan whose files changed
 * since is marked stale. `restorePlanRecords` decides (pure); the rest reads and writes.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { moduleDigest, PlanStore, type PlanManifest } from '../planStore';
import type { Redactor } from '../redact';
import type { DeployTarget, Environment } from '../types';
import type { PlanRecord } from './planNodes';

export const PANEL_FILE = 'panel.json';

/** What `panel.json` holds. */
export interface SavedPlan {
  version: 1;
  record: PlanRecord;
  /** Digest of the target's files (and `extraFiles`) when the plan was made. */
  filesDigest: string;
  /** Files outside the target's own that the plan read: terraform var files, the compose env file. */
  extraFiles: string[];
}

/** One plan folder as found on disk. */
export interface StoredPlan {
  saved?: SavedPlan;
  manifest?: PlanManifest;
  /** terraform: the plan file itself is there (a deploy consumes it). */
  planFileExists: boolean;
}

const SKIP_DIRS = new Set(['.terraform', '.bulwark', '.git', 'node_modules']);

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (!st.isDirectory()) {
    out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) if (!SKIP_DIRS.has(name)) walk(join(path, name), out);
}

/** The files a plan of this target in this environment reads besides the target's own. */
export function extraFilesOf(target: DeployTarget, env: Environment): string[] {
  if (target.kind === 'terraform') return env.terraform.varFiles;
  if (target.kind === 'compose') return ['.env', ...(env.compose.envFile ? [env.compose.envFile] : [])];
  return [];
}

/**
 * What the plan depends on: for terraform the same digest as the plan manifest (so a restored plan
 * is stale exactly when a deploy would refuse it); otherwise the target's files (folders walked).
 */
export function targetDigest(target: DeployTarget, extraFiles: readonly string[]): string {
  if (target.kind === 'terraform') return moduleDigest(target.dir, extraFiles);
  const h = createHash('sha256');
  const files: string[] = [];
  for (const f of target.files) walk(resolve(target.dir, f), files);
  for (const f of [...new Set(files)].sort()) {
    h.update(relative(target.dir, f).split(sep).join('/')).update('\0').update(readFileSync(f)).update('\0');
  }
  for (const f of extraFiles) {
    const p = resolve(target.dir, f);
    h.update(`extra:${f}`)
      .update('\0')
      .update(existsSync(p) ? readFileSync(p) : 'missing')
      .update('\0');
  }
  return h.digest('hex');
}

/** Writes the record the panel shows (redacted once more) next to the plan; atomically. */
export function savePlanRecord(
  stateDir: string,
  record: PlanRecord,
  target: DeployTarget,
  env: Environment,
  redactor: Redactor,
): void {
  const extraFiles = extraFilesOf(target, env);
  const saved: SavedPlan = {
    version: 1,
    record: redactor.redactValue(record),
    filesDigest: targetDigest(target, extraFiles),
    extraFiles,
  };
  const dir = new PlanStore(stateDir).dir(record.target, record.environment);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${PANEL_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(saved), { mode: 0o600 });
  renameSync(tmp, join(dir, PANEL_FILE));
}

function readJson<T>(path: string): T | undefined {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
  } catch {
    return undefined; // a torn or foreign file is not a plan
  }
}

/** Every plan folder under `<stateDir>/plans/`. */
export function readStoredPlans(stateDir: string): StoredPlan[] {
  const root = join(stateDir, 'plans');
  if (!existsSync(root)) return [];
  const out: StoredPlan[] = [];
  for (const t of readdirSync(root, { withFileTypes: true })) {
    if (!t.isDirectory()) continue;
    for (const e of readdirSync(join(root, t.name), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const dir = join(root, t.name, e.name);
      const saved = readJson<SavedPlan>(join(dir, PANEL_FILE));
      const manifest = readJson<PlanManifest>(join(dir, 'manifest.json'));
      if (!saved && !manifest) continue;
      out.push({
        saved: saved?.version === 1 && saved.record ? saved : undefined,
        manifest,
        planFileExists: existsSync(join(dir, 'tfplan')),
      });
    }
  }
  return out;
}

/**
 * The Plan panel's records from what is on disk. A terraform plan is shown only while its plan
 * file is deployable (a deploy consumes it); a failed plan is shown with its error; targets that no
 * longer exist are dropped; `stale` says when the files changed since the plan.
 */
export function restorePlanRecords(
  stored: readonly StoredPlan[],
  targets: readonly DeployTarget[],
  digestNow: (target: DeployTarget, extraFiles: readonly string[]) => string,
): PlanRecord[] {
  const out: PlanRecord[] = [];
  for (const s of stored) {
    const m = s.manifest;
    let record: PlanRecord | undefined = s.saved?.record;
    const kind = record?.kind ?? (m ? 'terraform' : undefined);
    const target = targets.find((t) => t.id === (record?.target ?? m?.target) && t.kind === kind);
    if (!target) continue;
    let digest = s.saved?.filesDigest;
    let extraFiles = s.saved?.extraFiles ?? [];
    if (kind === 'terraform' && !record?.error) {
      if (!m || !s.planFileExists) continue; // applied or discarded: nothing left to deploy
      if (!record || record.planDigest !== m.planDigest || record.environment !== m.environment)
        record = {
          target: m.target,
          kind: 'terraform',
          environment: m.environment,
          time: m.createdAt,
          counts: m.counts,
          planDigest: m.planDigest,
        };
      digest = m.filesDigest;
      extraFiles = m.varFiles;
    }
    if (!record) continue;
    const stale =
      !record.error && digest !== undefined && digestNow(target, extraFiles) !== digest
        ? `stale: files changed since this plan (${record.time}); plan again before deploying`
        : undefined;
    out.push({ ...record, restored: true, ...(stale ? { stale } : {}) });
  }
  return out;
}

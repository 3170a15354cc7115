/**
 * Discovers deploy targets in a workspace folder: Terraform root modules (folders of .tf files
 * that no other module uses as a local `source`), Compose projects (base file, override file, or
 * COMPOSE_FILE from the folder's .env), Kustomize folders and folders of Kubernetes manifests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, delimiter, join, relative, resolve, sep } from 'node:path';
import type { DeployTarget } from './types';

const SKIP = new Set(['.git', 'node_modules', '.terraform', '.bulwark', 'dist', 'out']);
const COMPOSE_BASE = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const COMPOSE_OVERRIDE = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const K8S_DOC = /^\s*apiVersion:\s*\S+[\s\S]*?^\s*kind:\s*[A-Z]\w*/m;

function walk(dir: string, visit: (dir: string, files: string[]) => void): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  const files: string[] = [];
  const dirs: string[] = [];
  for (const name of entries) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIP.has(name) && !name.startsWith('.')) dirs.push(p);
    } else files.push(name);
  }
  visit(dir, files);
  for (const d of dirs) walk(d, visit);
}

function id(root: string, p: string): string {
  return relative(root, p).split(sep).join('/') || '.';
}

/** COMPOSE_FILE from the folder's .env (the way compose reads it), if set. */
function composeFileFromEnv(dir: string): string[] | undefined {
  const envFile = join(dir, '.env');
  if (!existsSync(envFile)) return undefined;
  const m = /^\s*COMPOSE_FILE\s*=\s*["']?([^"'\n]+)["']?\s*$/m.exec(readFileSync(envFile, 'utf8'));
  if (!m?.[1]) return undefined;
  const sepChar =
    /^\s*COMPOSE_PATH_SEPARATOR\s*=\s*(\S)/m.exec(readFileSync(envFile, 'utf8'))?.[1] ?? delimiter;
  return m[1].split(sepChar).filter(Boolean);
}

export function discoverTargets(root: string): DeployTarget[] {
  const targets: DeployTarget[] = [];
  const tfDirs: string[] = [];
  const usedAsModule = new Set<string>();
  const kustomizeDirs: string[] = [];

  walk(root, (dir, files) => {
    const tf = files.filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json'));
    if (tf.length > 0) {
      tfDirs.push(dir);
      for (const f of tf) {
        const text = readFileSync(join(dir, f), 'utf8');
        for (const m of text.matchAll(/\bsource\s*=\s*"(\.\.?\/[^"]*)"/g))
          usedAsModule.add(resolve(dir, m[1]!));
      }
    }

    const fromEnv = composeFileFromEnv(dir);
    const base = COMPOSE_BASE.find((f) => files.includes(f));
    if (fromEnv || base) {
      const override = COMPOSE_OVERRIDE.find((f) => files.includes(f));
      const composeFiles = fromEnv ?? [base!, ...(override ? [override] : [])];
      targets.push({ kind: 'compose', id: id(root, dir), dir, files: composeFiles });
    }

    const kustomization = KUSTOMIZATION.find((f) => files.includes(f));
    if (kustomization) {
      kustomizeDirs.push(dir);
      targets.push({ kind: 'kubernetes', id: id(root, dir), dir, files: [], kustomize: true });
      return;
    }
    if (kustomizeDirs.some((k) => dir.startsWith(k + sep))) return; // part of a kustomization
    const manifests = files.filter(
      (f) =>
        /\.(ya?ml)$/.test(f) &&
        !COMPOSE_BASE.includes(f) &&
        !COMPOSE_OVERRIDE.includes(f) &&
        !/^(docker-)?compose\./.test(f) &&
        f !== '.bulwark.yaml' &&
        K8S_DOC.test(readFileSync(join(dir, f), 'utf8')),
    );
    if (manifests.length > 0) {
      targets.push({ kind: 'kubernetes', id: id(root, dir), dir, files: manifests.map((f) => join(dir, f)) });
    }
  });

  for (const d of tfDirs) {
    if (!usedAsModule.has(d)) targets.push({ kind: 'terraform', id: id(root, d), dir: d, files: [] });
  }
  return targets.sort((a, b) => a.id.localeCompare(b.id) || a.kind.localeCompare(b.kind));
}

export function targetLabel(t: DeployTarget): string {
  const what = t.kind === 'kubernetes' ? (t.kustomize ? 'kustomize' : 'manifests') : t.kind;
  return `${t.id === '.' ? basename(t.dir) : t.id} (${what})`;
}

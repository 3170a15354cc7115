import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RuleCases } from './cases';

export const CASES_DIR = __dirname;
export const DEFAULT_PATHS: Record<string, string> = {
  k8s: 'deploy.yaml',
  compose: 'compose.yaml',
  tf: 'main.tf',
};

export interface CasesFile {
  /** `<domain>/<name>`: the id of the rule under test. */
  ruleId: string;
  domain: string;
  cases: RuleCases;
}

/** Every test/rules/<domain>/<name>.cases.ts, loaded. */
export function loadAllCases(): CasesFile[] {
  const out: CasesFile[] = [];
  for (const file of readdirSync(CASES_DIR, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!file.endsWith('.cases.ts')) continue;
    const rel = relative(CASES_DIR, join(CASES_DIR, file)).split(sep);
    if (rel.length !== 2) continue;
    const [domain, name] = rel as [string, string];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(CASES_DIR, file)) as { default?: RuleCases | { default?: RuleCases } };
    const d = mod.default;
    const cases = d && 'valid' in d ? d : (d as { default?: RuleCases } | undefined)?.default;
    if (!cases) throw new Error(`${file} has no default export of RuleCases`);
    out.push({ ruleId: `${domain}/${name.replace(/\.cases\.ts$/, '')}`, domain, cases });
  }
  return out;
}

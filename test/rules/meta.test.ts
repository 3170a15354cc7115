/**
 * Every rule is complete: its id matches its file, it is registered, its metadata is filled in,
 * it has firing and non-firing cases, and its generated docs page is up to date.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleDocMarkdown } from '../../server/src/core/rules/docs';
import {
  allMetas,
  duplicateIds,
  ENGINE_METAS,
  RULES_BY_DOMAIN,
  RULE_DOMAINS,
} from '../../server/src/core/rules/registry';
import { formatRuleCatalogue } from '../../server/src/core/rules/catalogue';
import type { RuleMeta } from '../../server/src/core/rules/types';
import { ROOT } from '../helpers/analyzer';
import { loadAllCases } from './loadCases';

const RULES_DIR = join(ROOT, 'server', 'src', 'core', 'rules');
const cases = new Map(loadAllCases().map((c) => [c.ruleId, c.cases]));

interface RuleFile {
  id: string;
  file: string;
  rule: { meta: RuleMeta; check: unknown };
}

/** Files of a domain folder that default-export a rule (helpers export none). */
function ruleFiles(domain: string): RuleFile[] {
  const dir = join(RULES_DIR, domain);
  const out: RuleFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.ts') || name === 'index.ts') continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, name)) as { default?: RuleFile['rule'] };
    if (!mod.default || typeof mod.default !== 'object' || !('meta' in mod.default)) continue;
    out.push({ id: `${domain}/${name.replace(/\.ts$/, '')}`, file: `${domain}/${name}`, rule: mod.default });
  }
  return out;
}

test('rule ids are unique', () => {
  assert.deepEqual(duplicateIds(), []);
});

for (const domain of RULE_DOMAINS) {
  describe(`${domain} rules`, () => {
    const registered = RULES_BY_DOMAIN[domain] as { meta: RuleMeta }[];
    for (const { id, file, rule } of ruleFiles(domain)) {
      test(id, () => {
        assert.equal(rule.meta.id, id, `${file} declares id ${rule.meta.id}`);
        assert.ok(registered.includes(rule), `${id} is missing from rules/${domain}/index.ts`);
        const m = rule.meta;
        for (const key of ['title', 'why', 'fix'] as const)
          assert.ok(m[key].trim().length > 0, `${id}: empty ${key}`);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
        assert.ok(['security', 'reliability', 'operability', 'cost', 'maintainability'].includes(m.category));
        assert.ok(m.references.length > 0, `${id}: no reference`);
        for (const r of m.references) assert.match(r.url, /^https:\/\//, `${id}: reference ${r.title}`);
        const c = cases.get(id);
        assert.ok(c, `${id}: no test/rules/${id}.cases.ts`);
        assert.ok(c.valid.length >= 1, `${id}: no valid case`);
        assert.ok(c.invalid.length >= 1, `${id}: no invalid case`);
        if (m.fixable)
          assert.ok(
            c.invalid.some((x) => x.fixes?.length),
            `${id}: fixable but no case applies a fix`,
          );
      });
    }
    test('every registered rule lives in its own file', () => {
      const files = new Set(ruleFiles(domain).map((f) => f.rule));
      for (const r of registered)
        assert.ok(files.has(r as RuleFile['rule']), `${r.meta.id} is not a rule file of rules/${domain}`);
    });
  });
}

test('every cases file belongs to a registered rule', () => {
  const ids = new Set(allMetas().map((m) => m.id));
  for (const id of cases.keys()) assert.ok(ids.has(id), `test/rules/${id}.cases.ts has no rule`);
});

describe('docs pages are generated and up to date (npm run docs:rules)', () => {
  for (const meta of allMetas()) {
    test(meta.id, () => {
      const file = join(ROOT, 'docs', 'rules', `${meta.id}.md`);
      assert.ok(existsSync(file), `missing ${file}`);
      assert.equal(readFileSync(file, 'utf8'), ruleDocMarkdown(meta), `${meta.id}.md is stale`);
    });
  }
  test('catalogue', () => {
    assert.equal(
      readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8'),
      formatRuleCatalogue('markdown', allMetas()),
    );
  });
});

test('the catalogue lists every rule as json', () => {
  const json = JSON.parse(formatRuleCatalogue('json')) as RuleMeta[];
  const ids = json.map((m) => m.id);
  for (const d of RULE_DOMAINS) for (const r of RULES_BY_DOMAIN[d]) assert.ok(ids.includes(r.meta.id));
  for (const m of ENGINE_METAS) assert.ok(!ids.includes(m.id), 'engine findings are not rules');
});

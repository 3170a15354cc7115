import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { parseJsonReport, runCli, ROOT } from './run';

const EXAMPLES = join(ROOT, 'examples');

function deliberateLines(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(tf|ya?ml)$/.test(name)) {
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/#\s*deliberate:/.test(line)) out.push(`${relative(EXAMPLES, p)}:${i + 1}`);
          });
      }
    }
  };
  walk(EXAMPLES);
  return out.sort();
}

describe('examples/', () => {
  test('README lists exactly the deliberate mistakes marked in the files, at their lines', () => {
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([^`]+)` \| (\d+) \|/gm)].map((m) => `${m[1]}:${m[2]}`).sort();
    assert.deepEqual(listed, deliberateLines());
    assert.ok(listed.length >= 7);
  });

  test('there is a Kubernetes app, a Compose app and a Terraform module', () => {
    const names = (d: string) => readdirSync(join(EXAMPLES, d)).sort();
    assert.ok(names('kubernetes').filter((n) => n.endsWith('.yaml')).length >= 2);
    assert.deepEqual(names('compose'), ['compose.yaml']);
    for (const f of ['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf'])
      assert.ok(names('terraform').includes(f), f);
  });

  test('the README command checks them: no internal error, no syntax error, every finding in examples/', async () => {
    const r = await runCli(['check', 'examples', '--format', 'json'], ROOT);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(r.stderr, '');
    const findings = parseJsonReport(r.stdout).findings;
    for (const f of findings) assert.match(f.file, /^examples\/(kubernetes|compose|terraform)\//);
    // The mistakes are in the schema and the rules, never in the YAML or HCL syntax itself.
    assert.deepEqual(
      findings.filter((f) => /\/syntax$/.test(f.ruleId)),
      [],
    );
  });
});

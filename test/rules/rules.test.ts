/**
 * Table-driven rule tests: every test/rules/<domain>/<rule>.cases.ts. Each case is written to a
 * temporary folder (with its `files`), analysed through the real Analyzer, and the findings of
 * the rule under test are compared by exact 1-based line/column. Fixes named by a case are
 * applied; the finding must be gone and the file must still parse.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, TextEdit } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { sharedAnalyzer } from '../helpers/analyzer';
import type { ExpectedFinding, RuleCase } from './cases';
import { DEFAULT_PATHS, loadAllCases } from './loadCases';

const root = mkdtempSync(join(tmpdir(), 'bulwark-rules-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

function writeCase(domain: string, c: RuleCase): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const path = join(dir, c.path ?? DEFAULT_PATHS[domain] ?? 'file');
  writeFileSync(path, c.code);
  return path;
}

async function findingsOf(
  ruleId: string,
  path: string,
  text: string,
): Promise<{ mine: Finding[]; all: Finding[] }> {
  const analyzer = await sharedAnalyzer();
  analyzer.forget(path);
  const all = analyzer.analyze(path, text).findings;
  return { mine: all.filter((f) => f.ruleId === ruleId), all };
}

function project(f: Finding, e: ExpectedFinding): ExpectedFinding {
  const out: ExpectedFinding = { line: f.range.start.line + 1, column: f.range.start.character + 1 };
  if (e.endLine !== undefined) out.endLine = f.range.end.line + 1;
  if (e.endColumn !== undefined) out.endColumn = f.range.end.character + 1;
  if (e.message !== undefined) out.message = f.message.includes(e.message) ? e.message : f.message;
  return out;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const broken = (f: Finding) => /\/(?:syntax|duplicate-key)$/.test(f.ruleId);

for (const { ruleId, domain, cases } of loadAllCases()) {
  describe(ruleId, () => {
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, async () => {
        const path = writeCase(domain, c);
        const { mine } = await findingsOf(ruleId, path, c.code);
        assert.deepEqual(
          mine.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
          [],
        );
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, async () => {
        const path = writeCase(domain, c);
        const { mine, all } = await findingsOf(ruleId, path, c.code);
        const expected = [...c.errors].sort((a, b) => a.line - b.line || a.column - b.column);
        assert.equal(
          mine.length,
          expected.length,
          `findings: ${JSON.stringify(mine.map((f) => [f.range.start, f.message]))}`,
        );
        assert.deepEqual(
          mine.map((f, i) => project(f, expected[i] as ExpectedFinding)),
          expected,
        );
        if (!c.fixes) return;
        const offered = mine[0]?.fixes ?? [];
        for (const title of c.fixes) {
          assert.ok(
            offered.some((f) => f.title === title),
            `fix '${title}' not offered; got ${JSON.stringify(offered.map((f) => f.title))}`,
          );
        }
        const brokenBefore = all.filter(broken).length;
        for (const fix of offered) {
          const fixed = applyEdits(c.code, fix.edits);
          writeFileSync(path, fixed);
          const after = await findingsOf(ruleId, path, fixed);
          assert.ok(after.mine.length < mine.length, `'${fix.title}' left the finding:\n${fixed}`);
          assert.equal(
            after.all.filter(broken).length,
            brokenBefore,
            `'${fix.title}' broke the file:\n${fixed}`,
          );
        }
      });
    }
  });
}

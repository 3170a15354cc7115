// Audit log integrity: concurrent writer processes never interleave, a killed writer leaves only
// whole lines, partial lines are skipped and fenced off, and no secret is ever written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { AuditLog, auditHistory, parseAuditText, type AuditRecord } from '../../client/src/deploy/audit';
import { Redactor } from '../../client/src/deploy/redact';

const WRITER = join(__dirname, '..', 'fixtures', 'deploy', 'audit-writer.ts');

function writer(file: string, id: string, count: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, file, id, count], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function record(patch: Partial<AuditRecord>): AuditRecord {
  return {
    id: 'a1',
    phase: 'start',
    time: '2024-01-01T00:00:00.000Z',
    user: 'ann',
    host: 'box',
    action: 'deploy',
    tool: 'kubernetes',
    target: 'k8s/app',
    environment: 'prod',
    scope: { context: 'prod-eu', namespace: 'shop' },
    ...patch,
  };
}

describe('audit log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-audit-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('6 processes appending 40 large records each concurrently: every line parses, counts match', async () => {
    const file = join(dir, 'concurrent.jsonl');
    const children = Array.from({ length: 6 }, (_, w) => writer(file, `w${w}`, '40'));
    const codes = await Promise.all(children.map((c) => new Promise((r) => c.on('exit', r))));
    assert.deepEqual(codes, [0, 0, 0, 0, 0, 0]);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter((l) => l.length > 0);
    assert.equal(lines.length, 240);
    const parsed = lines.map((l) => JSON.parse(l) as AuditRecord);
    for (let w = 0; w < 6; w++) {
      const mine = parsed.filter((r) => r.details?.writer === `w${w}`).map((r) => r.details?.i);
      assert.deepEqual(
        mine,
        Array.from({ length: 40 }, (_, i) => i),
        `writer w${w} in order, none lost`,
      );
    }
  });

  test('a writer killed with SIGKILL mid-run leaves a file whose lines all parse', async () => {
    const file = join(dir, 'killed.jsonl');
    const child = writer(file, 'k', 'forever');
    const exited = new Promise((r) => child.on('exit', r));
    const until = Date.now() + 20_000;
    for (;;) {
      let n = 0;
      try {
        n = readFileSync(file, 'utf8').split('\n').length;
      } catch {
        // not created yet
      }
      // 51 newline-separated pieces: at least 50 complete records (the last piece may be partial).
      if (n > 51) break;
      assert.ok(Date.now() < until, 'writer never got going');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const { records, skipped } = parseAuditText(readFileSync(file, 'utf8'));
    assert.equal(skipped, 0);
    assert.ok(records.length >= 50, `only ${records.length} complete records`);
    records.forEach((r, i) => assert.equal(r.details?.i, i));
  });

  test('a trailing partial line is skipped by readers and fenced off by the next writer', () => {
    const file = join(dir, 'partial.jsonl');
    const log = new AuditLog(file);
    log.append(record({ id: 'one' }));
    appendFileSync(file, '{"id":"torn","phase":"st');
    assert.deepEqual(
      log.read().map((r) => r.id),
      ['one'],
    );
    log.append(record({ id: 'two', phase: 'end', result: 'success' }));
    assert.deepEqual(
      log.read().map((r) => r.id),
      ['one', 'two'],
    );
    assert.equal(parseAuditText(readFileSync(file, 'utf8')).skipped, 1, 'the torn line is the only casualty');
  });

  test('never writes secrets: known values, key=value patterns, tokens', () => {
    const file = join(dir, 'secrets.jsonl');
    const redactor = new Redactor(['s3cr3t-db-pass']);
    const log = new AuditLog(file, redactor);
    log.append(
      record({
        phase: 'end',
        result: 'failure',
        error:
          'apply failed: password=hunter2!! and Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def; db s3cr3t-db-pass',
        overrides: [{ gate: 'window', reason: 'hotfix; api_key=AKIAABCDEFGHIJKLMNOP' }],
        details: {
          token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
          url: 'https://bob:pa55word@git.example.com/x.git',
        },
      }),
    );
    const text = readFileSync(file, 'utf8');
    for (const secret of [
      'hunter2',
      'eyJhbGciOiJIUzI1NiJ9',
      's3cr3t-db-pass',
      'AKIAABCDEFGHIJKLMNOP',
      'ghp_abcdef',
      'pa55word',
    ]) {
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    }
    const r = log.read()[0]!;
    assert.match(r.error ?? '', /password=\*\*\* and Authorization: Bearer \*\*\*; db \*\*\*/);
    assert.equal(r.overrides?.[0]?.reason, 'hotfix; api_key=***');
  });

  test('history joins start and end records, newest first, filterable', () => {
    const recs = [
      record({ id: 'p', action: 'plan', time: '2024-01-01T10:00:00Z' }),
      record({ id: 'p', action: 'plan', phase: 'end', result: 'success', time: '2024-01-01T10:00:01Z' }),
      record({ id: 'd', time: '2024-01-01T11:00:00Z' }),
      record({ id: 'd', phase: 'end', result: 'failure', error: 'boom', time: '2024-01-01T11:00:05Z' }),
      record({ id: 'open', time: '2024-01-01T12:00:00Z' }),
    ];
    assert.deepEqual(
      auditHistory(recs).map((r) => [r.id, r.result]),
      [
        ['open', undefined],
        ['d', 'failure'],
        ['p', 'success'],
      ],
    );
    assert.deepEqual(
      auditHistory(recs, { action: 'deploy', result: 'failure' }).map((r) => r.id),
      ['d'],
    );
    assert.deepEqual(
      auditHistory(recs, { text: 'BOOM' }).map((r) => r.id),
      ['d'],
    );
  });
});

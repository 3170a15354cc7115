/**
 * The audit trail: append-only JSON Lines. Each record is one `write` of one whole line to a file
 * opened with O_APPEND, then fsync: appends from several processes never interleave, and a crash
 * can at worst leave a trailing partial line, which readers skip and the next writer fences off.
 * Every record passes through the redactor first.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { Redactor } from './redact';

export type AuditAction = 'plan' | 'deploy' | 'rollback' | 'rollback-plan' | 'override';
export type AuditResult = 'success' | 'failure' | 'cancelled' | 'refused' | 'rolled-back';

export interface AuditScope {
  context?: string;
  namespace?: string;
  workspace?: string;
  project?: string;
}

export interface AuditOverride {
  gate: string;
  reason: string;
}

export interface AuditGate {
  id: string;
  ok: boolean;
  message: string;
}

export interface AuditRecord {
  /** Shared by the start and end record of one action. */
  id: string;
  phase: 'start' | 'end';
  time: string;
  user: string;
  host: string;
  action: AuditAction;
  tool: string;
  target: string;
  environment: string;
  scope: AuditScope;
  git?: { commit?: string; dirty?: boolean };
  planDigest?: string;
  gates?: AuditGate[];
  overrides?: AuditOverride[];
  result?: AuditResult;
  durationMs?: number;
  error?: string;
  details?: Record<string, unknown>;
}

export class AuditLog {
  constructor(
    readonly path: string,
    private readonly redactor: Redactor = new Redactor(),
  ) {}

  append(record: AuditRecord): void {
    const clean = this.redactor.redactValue(record);
    let line = JSON.stringify(clean) + '\n';
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a+', 0o600); // O_APPEND | O_RDWR | O_CREAT
    try {
      if (!endsWithNewline(fd)) line = '\n' + line;
      const buf = Buffer.from(line, 'utf8');
      // One write call: O_APPEND makes the kernel place it whole at the end of the file.
      const n = writeSync(fd, buf, 0, buf.length);
      if (n !== buf.length) throw new Error(`audit log: short write (${n} of ${buf.length} bytes)`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every complete record; a trailing partial line (a writer killed mid-write) is skipped. */
  read(): AuditRecord[] {
    if (!existsSync(this.path)) return [];
    return parseAuditText(readFileSync(this.path, 'utf8')).records;
  }
}

function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, size - 1);
  return b[0] === 0x0a;
}

export function parseAuditText(text: string): { records: AuditRecord[]; skipped: number } {
  const lines = text.split('\n');
  if (!text.endsWith('\n')) lines.pop(); // unfinished last line
  const records: AuditRecord[] = [];
  let skipped = text.endsWith('\n') || text.length === 0 ? 0 : 1;
  for (const l of lines) {
    if (l.trim() === '') continue;
    try {
      records.push(JSON.parse(l) as AuditRecord);
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}

export interface AuditFilter {
  action?: AuditAction;
  target?: string;
  environment?: string;
  result?: AuditResult;
  text?: string;
}

/** End records joined with their start, newest first: what the Audit panel lists. */
export function auditHistory(records: readonly AuditRecord[], f: AuditFilter = {}): AuditRecord[] {
  const starts = new Map(records.filter((r) => r.phase === 'start').map((r) => [r.id, r]));
  const ended = new Set(records.filter((r) => r.phase === 'end').map((r) => r.id));
  const rows: AuditRecord[] = [
    ...records.filter((r) => r.phase === 'end').map((r) => ({ ...starts.get(r.id), ...r })),
    // An action that started and never ended (the editor crashed): shown as such.
    ...[...starts.values()].filter((s) => !ended.has(s.id)),
  ];
  return rows
    .filter(
      (r) =>
        (!f.action || r.action === f.action) &&
        (!f.target || r.target === f.target) &&
        (!f.environment || r.environment === f.environment) &&
        (!f.result || r.result === f.result) &&
        (!f.text || JSON.stringify(r).toLowerCase().includes(f.text.toLowerCase())),
    )
    .sort((a, b) => b.time.localeCompare(a.time));
}

/** The commit last deployed successfully to an environment (optionally for one target). */
export function lastSuccessfulDeploy(
  records: readonly AuditRecord[],
  environment: string,
  target?: string,
): AuditRecord | undefined {
  return auditHistory(records, { action: 'deploy', environment, target }).find((r) => r.result === 'success');
}

export function wasDeployedSuccessfully(
  records: readonly AuditRecord[],
  environment: string,
  commit: string,
): boolean {
  return records.some(
    (r) =>
      r.phase === 'end' &&
      r.action === 'deploy' &&
      r.environment === environment &&
      r.result === 'success' &&
      r.git?.commit === commit,
  );
}

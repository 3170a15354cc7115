/**
 * Child process of analyzer.test.ts: runs every corpus case through the Analyzer and streams one
 * line per step, so the parent can bound the whole run and name a case that hangs.
 *   start <name> | done <name> <ms> <findings> | fail <name> <reason>
 */
import { Analyzer, type AnalysisHost } from '../../server/src/core/analyzer';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Finding } from '../../server/src/core/types';
import { decodeText } from '../../server/src/node/diskHost';
import { ASSETS } from '../helpers/analyzer';
import { buildCorpus } from './corpus';

const files = new Map<string, string>();
const host: AnalysisHost = {
  readFile: (p) => files.get(p),
  listDir: (d) => {
    const names = [...files.keys()].filter(
      (p) => p.startsWith(`${d}/`) && !p.slice(d.length + 1).includes('/'),
    );
    return names.length ? names.map((p) => p.slice(d.length + 1)) : undefined;
  },
};

/** Why a finding is unusable by an editor, or undefined when it is fine. */
function badFinding(f: Finding, lines: LineIndex): string | undefined {
  const { start, end } = f.range;
  for (const p of [start, end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
      return `bad position ${JSON.stringify(p)}`;
    }
    if (p.line >= lines.lineCount) return `line ${p.line} past the end (${lines.lineCount} lines)`;
    if (p.character > lines.lineEnd(p.line) - lines.lineStart(p.line))
      return `character ${p.character} past the end of line ${p.line}`;
  }
  if (end.line < start.line || (end.line === start.line && end.character < start.character))
    return 'end before start';
  if (!['error', 'warning', 'info', 'hint'].includes(f.severity)) return `severity ${f.severity}`;
  if (!/^[a-z0-9]+\/[a-z0-9-]+$/.test(f.ruleId)) return `rule id ${f.ruleId}`;
  if (typeof f.message !== 'string' || f.message.length === 0) return 'empty message';
  return undefined;
}

function run(analyzer: Analyzer, name: string, path: string, text: string): void {
  process.stdout.write(`start\t${name}\n`);
  files.set(path, text);
  const t0 = performance.now();
  let findings: Finding[];
  try {
    findings = analyzer.analyze(path, text).findings;
  } catch (e) {
    process.stdout.write(
      `fail\t${name}\tthrew: ${String(e instanceof Error ? e.stack : e)
        .split('\n')
        .slice(0, 3)
        .join(' | ')}\n`,
    );
    return;
  }
  const ms = performance.now() - t0;
  const lines = new LineIndex(text);
  for (const f of findings) {
    const why = badFinding(f, lines);
    if (why) {
      process.stdout.write(`fail\t${name}\t${f.ruleId}: ${why}\n`);
      return;
    }
  }
  process.stdout.write(`done\t${name}\t${ms.toFixed(1)}\t${findings.length}\n`);
}

async function main(): Promise<void> {
  const analyzer = await Analyzer.create(host, { assetsDir: ASSETS });
  for (const c of buildCorpus()) {
    const dir = `/corpus/${c.name}`;
    const decoded = decodeText(c.bytes);
    if (decoded !== undefined) run(analyzer, `${c.name}`, `${dir}/${c.fileName}`, decoded);
    // What an editor could hand over for any bytes: NULs, lone surrogates and all.
    run(analyzer, `${c.name}#latin1`, `${dir}-raw/${c.fileName}`, Buffer.from(c.bytes).toString('latin1'));
  }
  // Typing a file from scratch: the same path re-analysed at every step, as the server does.
  for (const c of buildCorpus().filter((x) => x.name.startsWith('bom-'))) {
    const text = decodeText(c.bytes) ?? '';
    const path = `/typing/${c.name}/${c.fileName}`;
    for (let i = 1; i <= 40; i++)
      run(analyzer, `typing-${c.name}-${i}`, path, text.slice(0, Math.round((text.length * i) / 40)));
  }
  process.stdout.write('end\n');
}

void main();

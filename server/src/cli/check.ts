import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { Analyzer, type AnalysisHost } from '../core/analyzer';
import { LineIndex } from '../core/text/lineIndex';
import type { Finding } from '../core/types';
import { createHost, decodeText, DEFAULT_MAX_FILE_BYTES } from '../node/diskHost';
import { TerraformProviderSchemaCache } from '../node/terraformProviderSchemas';
import { optionHelp, parseArgs, UsageError, type OptionSpec } from './args';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type CliIo } from './io';
import { compareReported, SEVERITY_RANK, type Report, type Reported } from './report';
import { collectFiles } from './walk';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export const FAIL_ON = ['error', 'warning', 'info', 'hint', 'never'] as const;

export const CHECK_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', values: FORMATS, help: 'output format (default: text)' },
  {
    name: 'fail-on',
    values: FAIL_ON,
    help: 'exit 1 when a finding at or above this severity is reported (default: error)',
  },
  {
    name: 'output',
    short: 'o',
    takesValue: true,
    meta: 'FILE',
    help: 'write the report to FILE instead of stdout',
  },
  { name: 'no-color', help: 'no colours in text output (also: NO_COLOR set, or stdout not a terminal)' },
  { name: 'quiet', short: 'q', help: 'text output: leave out the summary line; no notices on stderr' },
  { name: 'help', short: 'h', help: 'show this help' },
];

export const CHECK_USAGE = `Usage: bulwark check [paths...] [options]

Checks Terraform (.tf), Docker Compose and Kubernetes (.yaml/.yml) files. Folders are walked
(skipping .git, node_modules and .terraform); the default path is the current folder.

Options:
${optionHelp(CHECK_OPTIONS)}

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or internal error.`;

/** What the analysis needs from the analyzer; tests substitute one that fails on purpose. */
export type FileAnalyzer = Pick<Analyzer, 'analyze' | 'forget'>;

export interface CheckDeps {
  assetsDir: string;
  version: string;
  createAnalyzer?: (host: AnalysisHost, assetsDir: string) => Promise<FileAnalyzer>;
}

export async function runCheck(argv: readonly string[], io: CliIo, deps: CheckDeps): Promise<number> {
  const args = parseArgs(argv, CHECK_OPTIONS);
  if (args.options.has('help')) {
    io.stdout(CHECK_USAGE + '\n');
    return EXIT_OK;
  }
  const format = (args.options.get('format') as (typeof FORMATS)[number] | undefined) ?? 'text';
  const failOn = (args.options.get('fail-on') as (typeof FAIL_ON)[number] | undefined) ?? 'error';
  const output = args.options.get('output') as string | undefined;
  const quiet = args.options.has('quiet');
  const paths = args.positionals.length ? args.positionals : ['.'];

  const walked = await collectFiles(io.cwd, paths, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
  const notice = (s: string) => {
    if (!quiet) io.stderr(s + '\n');
  };
  for (const t of walked.tooLarge) {
    notice(
      `${display(io.cwd, t.path)}: skipped: ${t.size} bytes is over the ${DEFAULT_MAX_FILE_BYTES}-byte limit`,
    );
  }

  const outcome = await analyzeFiles(walked.files, io, deps, notice);
  const report: Report = {
    findings: outcome.findings.sort(compareReported),
    filesChecked: outcome.checked,
    cwd: io.cwd,
  };

  const color =
    format === 'text' &&
    output === undefined &&
    io.stdoutIsTTY &&
    !args.options.has('no-color') &&
    !io.env.NO_COLOR;
  const rendered =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, deps.version)
        : formatText(report, { color, quiet });
  if (output !== undefined) {
    try {
      await writeFile(resolve(io.cwd, output), rendered);
    } catch (e) {
      io.stderr(`bulwark: cannot write ${output}: ${(e as Error).message}\n`);
      return EXIT_ERROR;
    }
  } else io.stdout(rendered);

  if (outcome.internalErrors > 0) return EXIT_ERROR;
  if (failOn === 'never') return EXIT_OK;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}

interface Outcome {
  findings: Reported[];
  checked: number;
  internalErrors: number;
}

/**
 * Reads and analyses one folder at a time: the folder's files are read together (async), then
 * served to the analyzer from memory, so a Terraform module's sibling files are read once; the
 * caches are dropped when the walk leaves the folder.
 */
async function analyzeFiles(
  files: readonly string[],
  io: CliIo,
  deps: CheckDeps,
  notice: (s: string) => void,
): Promise<Outcome> {
  const outcome: Outcome = { findings: [], checked: 0, internalErrors: 0 };
  if (files.length === 0) return outcome;
  const loaded = new Map<string, string>();
  const schemas = new TerraformProviderSchemaCache();
  const host = createHost({ overlay: (p) => loaded.get(p), providerSchemas: (dir) => schemas.loadSync(dir) });
  const create = deps.createAnalyzer ?? ((h, assetsDir) => Analyzer.create(h, { assetsDir }));
  let analyzer: FileAnalyzer;
  try {
    analyzer = await create(host, deps.assetsDir);
  } catch (e) {
    io.stderr(`bulwark: internal error: cannot start the analyzer: ${errorText(e)}\n`);
    outcome.internalErrors++;
    return outcome;
  }
  for (const group of groupByFolder(files)) {
    const texts = await Promise.all(
      group.map((p) =>
        readFile(p).then(
          (buf) => ({ p, text: decodeText(buf) }),
          (e: unknown) => ({ p, error: e }),
        ),
      ),
    );
    for (const t of texts) if ('text' in t && t.text !== undefined) loaded.set(t.p, t.text);
    for (const t of texts) {
      const shown = display(io.cwd, t.p);
      if ('error' in t) {
        io.stderr(`${shown}: cannot read: ${errorText(t.error)}\n`);
        outcome.internalErrors++;
        continue;
      }
      if (t.text === undefined) {
        notice(`${shown}: skipped: binary content`);
        continue;
      }
      outcome.checked++;
      try {
        const { findings } = analyzer.analyze(t.p, t.text);
        if (findings.length) outcome.findings.push(...toReported(shown, t.text, findings));
      } catch (e) {
        io.stderr(`${shown}: internal error: ${errorText(e)}\n`);
        outcome.internalErrors++;
      }
    }
    for (const p of group) analyzer.forget(p);
    loaded.clear();
  }
  return outcome;
}

function toReported(file: string, text: string, findings: readonly Finding[]): Reported[] {
  const lines = new LineIndex(text);
  return findings.map((f) => ({
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    lineText: lines.lineText(f.range.start.line),
  }));
}

function* groupByFolder(files: readonly string[]): Generator<string[]> {
  let current: string[] = [];
  for (const f of files) {
    if (current.length && dirname(current[0] ?? '') !== dirname(f)) {
      yield current;
      current = [];
    }
    current.push(f);
  }
  if (current.length) yield current;
}

/** Path relative to the current folder with forward slashes, as every format shows it. */
export function display(cwd: string, abs: string): string {
  return (relative(cwd, abs) || '.').split(sep).join('/');
}

function errorText(e: unknown): string {
  if (e instanceof UsageError) return e.message;
  if (e instanceof Error) return e.message.split('\n')[0] ?? String(e);
  return String(e);
}

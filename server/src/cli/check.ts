import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { AnalysisHost } from '../core/analyzer';
import { tuneForWorkerThreads } from '../node/batchTuning';
import { DEFAULT_MAX_FILE_BYTES } from '../node/diskHost';
import { optionHelp, parseArgs, UsageError, type OptionSpec } from './args';
import { createCheckAnalyzer, type CheckAnalyzer } from './checkAnalyzer';
import {
  checkFolder,
  display,
  errorText,
  groupByFolder,
  type FileAnalyzer,
  type FolderCheckOptions,
  type FolderResult,
} from './folderCheck';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type CliIo } from './io';
import { compareReported, SEVERITY_RANK, type Report, type Reported } from './report';
import { InThreadChecker } from './inThreadChecker';
import { collectFiles } from './walk';
import { CheckPool } from './workerPool';

export type { FileAnalyzer };

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
  {
    name: 'jobs',
    short: 'j',
    takesValue: true,
    meta: 'N',
    help: 'check on N threads, a folder per thread at a time (default: one per core)',
  },
  { name: 'quiet', short: 'q', help: 'text output: leave out the summary line; no notices on stderr' },
  { name: 'help', short: 'h', help: 'show this help' },
];

export const CHECK_USAGE = `Usage: bulwark check [paths...] [options]

Checks Terraform (.tf), Docker Compose and Kubernetes (.yaml/.yml) files. Folders are walked
(skipping .git, node_modules and .terraform); the default path is the current folder.

Options:
${optionHelp(CHECK_OPTIONS)}

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or internal error.`;

export interface CheckDeps {
  assetsDir: string;
  version: string;
  /** Tests: an analyzer of their own; the check then runs in this thread. */
  createAnalyzer?: (host: AnalysisHost, assetsDir: string) => Promise<FileAnalyzer>;
  /** The script worker threads start (the bundled CLI); without it the check runs in this thread. */
  workerScript?: string;
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
  const jobs = parseJobs(args.options.get('jobs'));
  const paths = args.positionals.length ? args.positionals : ['.'];
  const notice = (s: string) => {
    if (!quiet) io.stderr(s + '\n');
  };

  const folder: FolderCheckOptions = { cwd: io.cwd, lineTexts: format === 'sarif' };
  const script = jobs > 1 && !deps.createAnalyzer ? deps.workerScript : undefined;
  const workers = (s: string, startNow?: number) =>
    new CheckPool(
      {
        script: s,
        jobs,
        assetsDir: deps.assetsDir,
        folder,
        inThread: (emit) => new InThreadChecker(deps.assetsDir, folder, emit),
      },
      startNow,
    );
  // A folder to walk usually holds several: up to one worker per core starts loading during the
  // walk (more, if asked for, once the walk has found folders enough).
  if (script !== undefined) tuneForWorkerThreads(io.env);
  let pool =
    script !== undefined && paths.some((p) => isDirectory(resolve(io.cwd, p)))
      ? workers(script, availableParallelism())
      : undefined;
  let outcome: Outcome;
  try {
    const walked = collectFiles(io.cwd, paths, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    for (const t of walked.tooLarge) {
      notice(
        `${display(io.cwd, t.path)}: skipped: ${t.size} bytes is over the ${DEFAULT_MAX_FILE_BYTES}-byte limit`,
      );
    }
    const groups = groupByFolder(walked.files);
    if (!pool && script !== undefined && groups.length > 1) pool = workers(script);
    outcome = await analyzeFiles(groups, walked.listings, io, deps, { notice, folder, pool });
  } finally {
    pool?.close();
  }
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
 * Checks the folders: on the worker pool when there is one, otherwise in this thread (one job,
 * a single folder, or an injected analyzer). Messages are written in walk order either way, and
 * findings are sorted afterwards, so the output does not depend on the number of jobs.
 */
async function analyzeFiles(
  groups: readonly string[][],
  listings: ReadonlyMap<string, string[]>,
  io: CliIo,
  deps: CheckDeps,
  run: { notice: (s: string) => void; folder: FolderCheckOptions; pool: CheckPool | undefined },
): Promise<Outcome> {
  const outcome: Outcome = { findings: [], checked: 0, internalErrors: 0 };
  if (groups.length === 0) return outcome;
  const add = (r: FolderResult) => {
    for (const m of r.messages) {
      if (m.notice) run.notice(m.text);
      else io.stderr(m.text + '\n');
    }
    for (const f of r.findings) outcome.findings.push(f);
    outcome.checked += r.checked;
    outcome.internalErrors += r.internalErrors;
  };
  const cannotStart = (why: string) => {
    io.stderr(`bulwark: internal error: cannot start the analyzer: ${why}\n`);
    outcome.internalErrors++;
    return outcome;
  };

  if (run.pool) {
    const pooled = await run.pool.check(groups, listings);
    if (!pooled.ok) return cannotStart(pooled.startError);
    for (const r of pooled.results) add(r);
    return outcome;
  }

  let checker: CheckAnalyzer;
  try {
    checker = await createCheckAnalyzer(deps.assetsDir, deps.createAnalyzer);
  } catch (e) {
    return cannotStart(errorText(e));
  }
  for (const [dir, names] of listings) checker.host.seedListing(dir, names);
  for (const group of groups) add(checkFolder(group, checker.analyzer, checker.loaded, run.folder));
  return outcome;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `--jobs N`: a positive integer; by default one job per available core. */
function parseJobs(value: string | true | undefined): number {
  if (value === undefined || value === true) return availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value))
    throw new UsageError(`--jobs needs a positive whole number, not '${value}'`);
  return Number(value);
}

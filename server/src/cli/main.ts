import { UsageError } from './args';
import { CHECK_USAGE, runCheck, type CheckDeps } from './check';
import { EXIT_ERROR, EXIT_OK, type CliIo } from './io';
import { RULES_USAGE, runRules } from './rules';

export interface Command {
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIo, deps: CheckDeps): Promise<number>;
}

/** Every subcommand; adding one (e.g. `rules`) is one entry here. */
export const COMMANDS: Record<string, Command> = {
  check: { summary: 'check files and folders (default: .)', usage: CHECK_USAGE, run: runCheck },
  rules: { summary: 'list the rule catalogue (markdown or json)', usage: RULES_USAGE, run: runRules },
};

function mainUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `Usage: bulwark <command> [options]

Validates Terraform, Docker Compose and Kubernetes files: schema and syntax errors and
anti-pattern rules.

Commands:
${list}

Options:
  -h, --help     show this help ('bulwark help <command>' for a command's options)
  -v, --version  print the version`;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo, deps: CheckDeps): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr(mainUsage() + '\n');
      return EXIT_ERROR;
    }
    if (first === '-h' || first === '--help' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      if (topic !== undefined && !Object.hasOwn(COMMANDS, topic))
        throw new UsageError(`unknown command '${topic}'`);
      io.stdout((topic !== undefined ? (COMMANDS[topic]?.usage ?? '') : mainUsage()) + '\n');
      return EXIT_OK;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(deps.version + '\n');
      return EXIT_OK;
    }
    const command = COMMANDS[first];
    if (!command || !Object.hasOwn(COMMANDS, first)) {
      throw new UsageError(
        first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`,
      );
    }
    return await command.run(rest, io, deps);
  } catch (e) {
    if (e instanceof UsageError) {
      const hint = first && Object.hasOwn(COMMANDS, first) ? `bulwark ${first} --help` : 'bulwark --help';
      io.stderr(`bulwark: ${e.message}\nRun '${hint}' for usage.\n`);
    } else {
      io.stderr(`bulwark: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    return EXIT_ERROR;
  }
}

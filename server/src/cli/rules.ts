import { formatRuleCatalogue } from '../core/rules/catalogue';
import { optionHelp, parseArgs, UsageError, type OptionSpec } from './args';
import { EXIT_OK, type CliIo } from './io';

const RULES_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', values: ['markdown', 'json'], help: 'output format (default: markdown)' },
  { name: 'help', short: 'h', help: 'show this help' },
];

export const RULES_USAGE = `Usage: bulwark rules [options]

Lists every rule: id, title, default severity, category, whether it has a quick fix.

Options:
${optionHelp(RULES_OPTIONS)}`;

export async function runRules(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, RULES_OPTIONS);
  if (args.options.has('help')) {
    io.stdout(RULES_USAGE + '\n');
    return EXIT_OK;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
  const format = args.options.get('format') === 'json' ? 'json' : 'markdown';
  io.stdout(formatRuleCatalogue(format));
  return EXIT_OK;
}

/** Command-line parsing: a small declarative option table per command, no dependency. */

export class UsageError extends Error {}

export interface OptionSpec {
  /** Long name without dashes, e.g. `format`. */
  name: string;
  short?: string;
  /** Allowed values; a flag takes no value when absent and `takesValue` is false. */
  values?: readonly string[];
  takesValue?: boolean;
  /** Placeholder shown in help, e.g. `FILE`. */
  meta?: string;
  help: string;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

/**
 * Parses `--name value`, `--name=value`, `-x value`, flags and positionals; `--` ends options.
 * Throws UsageError for anything unknown or malformed, so the caller exits with code 2.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = arg.startsWith('--')
      ? specs.find((s) => s.name === name.slice(2))
      : specs.find((s) => s.short !== undefined && s.short === name.slice(1));
    if (!spec) throw new UsageError(`unknown option '${name}'`);
    const wantsValue = spec.takesValue === true || spec.values !== undefined;
    if (!wantsValue) {
      if (eq >= 0) throw new UsageError(`option '${name}' takes no value`);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`option '${name}' needs a value`);
    if (spec.values && !spec.values.includes(value)) {
      throw new UsageError(`unknown ${spec.name} '${value}' (expected one of: ${spec.values.join(', ')})`);
    }
    options.set(spec.name, value);
  }
  return { options, positionals };
}

/** Help lines for an option table, aligned. */
export function optionHelp(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => {
    const long = `--${s.name}${s.values ? ` ${s.values.join('|')}` : s.takesValue ? ` ${s.meta ?? 'VALUE'}` : ''}`;
    return s.short ? `-${s.short}, ${long}` : `    ${long}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return specs.map((s, i) => `  ${(heads[i] ?? '').padEnd(width)}  ${s.help}`).join('\n');
}

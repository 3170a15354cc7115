import picomatch from 'picomatch';
import type { AnalysisHost } from '../analyzer';
import { SEVERITIES, type Severity } from '../types';
import { parseYaml } from '../yaml/yamlFile';
import type { RuleSettings } from '../rules/types';

/** `.bulwark.yaml` as written (validated separately, read leniently here). */
export interface BulwarkConfig {
  rules?: Record<string, RuleLevel>;
  exclude?: string[];
  terraform?: { requiredTags?: string[] };
  environments?: Record<string, unknown>;
}

export type RuleLevel = Severity | 'off';

/** The settings that apply to one file, merged from every `.bulwark.yaml` above it. */
export interface ResolvedConfig {
  rules: Record<string, RuleLevel>;
  excluded: boolean;
  settings: RuleSettings;
}

export const CONFIG_NAMES = ['.bulwark.yaml', '.bulwark.yml'];

export function isConfigFileName(base: string): boolean {
  return CONFIG_NAMES.includes(base);
}

interface Parsed {
  config: BulwarkConfig;
  isMatch?: (rel: string) => boolean;
}

/**
 * Finds the `.bulwark.yaml` files from a file's folder up to the root (through the host, so open
 * editor buffers count) and merges them, nearer ones winning. Parses are cached by text.
 */
export class ConfigResolver {
  private parsed = new Map<string, Parsed>();

  constructor(private readonly host: AnalysisHost) {}

  resolve(path: string): ResolvedConfig {
    const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
    const found: { dir: string; parsed: Parsed }[] = [];
    let dir = parentDir(path, sep);
    for (let guard = 0; dir !== undefined && guard < 64; guard++) {
      for (const name of CONFIG_NAMES) {
        const text = this.host.readFile(`${dir}${sep}${name}`);
        if (text !== undefined) {
          found.push({ dir, parsed: this.parse(text) });
          break;
        }
      }
      dir = parentDir(dir, sep);
    }
    const out: ResolvedConfig = { rules: {}, excluded: false, settings: {} };
    for (const { dir: d, parsed } of found.reverse()) {
      Object.assign(out.rules, parsed.config.rules ?? {});
      if (parsed.config.terraform?.requiredTags) {
        out.settings = { ...out.settings, terraform: { requiredTags: parsed.config.terraform.requiredTags } };
      }
      const rel = path
        .slice(d.length + 1)
        .split(sep)
        .join('/');
      if (parsed.isMatch?.(rel)) out.excluded = true;
    }
    return out;
  }

  private parse(text: string): Parsed {
    let p = this.parsed.get(text);
    if (!p) {
      if (this.parsed.size > 100) this.parsed.clear();
      const config = readConfig(text);
      const globs = config.exclude ?? [];
      p = { config, isMatch: globs.length ? picomatch(globs, { dot: true }) : undefined };
      this.parsed.set(text, p);
    }
    return p;
  }
}

/** Reads what it can of a config: wrong-typed parts are dropped (the schema check reports them). */
export function readConfig(text: string): BulwarkConfig {
  const value = parseYaml(text).docs[0]?.value;
  if (!isRecord(value)) return {};
  const out: BulwarkConfig = {};
  if (isRecord(value.rules)) {
    out.rules = {};
    for (const [id, level] of Object.entries(value.rules)) {
      if (level === 'off' || (typeof level === 'string' && (SEVERITIES as string[]).includes(level))) {
        out.rules[id] = level as RuleLevel;
      } else if (level === false) out.rules[id] = 'off';
    }
  }
  if (Array.isArray(value.exclude))
    out.exclude = value.exclude.filter((g): g is string => typeof g === 'string');
  if (isRecord(value.terraform) && Array.isArray(value.terraform.requiredTags)) {
    out.terraform = {
      requiredTags: value.terraform.requiredTags.filter((t): t is string => typeof t === 'string'),
    };
  }
  if (isRecord(value.environments)) out.environments = value.environments;
  return out;
}

function parentDir(path: string, sep: string): string | undefined {
  const i = path.lastIndexOf(sep);
  if (i < 0) return undefined;
  if (i === 0) return path.length > 1 ? '' : undefined;
  return path.slice(0, i);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

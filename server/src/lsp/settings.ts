import type { BulwarkSettings } from '../protocol';

export const DEFAULT_SETTINGS: BulwarkSettings = {
  enable: true,
  // No delay by default: the scheduler already drops checks a newer edit supersedes, and a stale
  // version is never published, so waiting would only add latency (issue 6 counts it).
  validate: { debounceMs: 0 },
  workspaceScan: { enabled: true },
  exclude: [],
  rules: {},
};

const LEVELS = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Settings read from an untyped source (the client's answer, initializationOptions), defaults filling gaps. */
export function normalizeSettings(raw: unknown, base: BulwarkSettings = DEFAULT_SETTINGS): BulwarkSettings {
  const r = isObject(raw) ? raw : {};
  const validate = isObject(r.validate) ? r.validate : {};
  const scan = isObject(r.workspaceScan) ? r.workspaceScan : {};
  const debounce = validate.debounceMs;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : base.enable,
    validate: {
      debounceMs:
        typeof debounce === 'number' && Number.isFinite(debounce)
          ? Math.min(Math.max(0, debounce), 10_000)
          : base.validate.debounceMs,
    },
    workspaceScan: { enabled: typeof scan.enabled === 'boolean' ? scan.enabled : base.workspaceScan.enabled },
    exclude: Array.isArray(r.exclude)
      ? r.exclude.filter((g): g is string => typeof g === 'string')
      : base.exclude,
    rules: isObject(r.rules) ? ruleLevels(r.rules) : base.rules,
  };
}

/** Keeps the entries whose level is one Bulwark knows; a typo in one does not drop the others. */
function ruleLevels(raw: Record<string, unknown>): BulwarkSettings['rules'] {
  const out: BulwarkSettings['rules'] = {};
  for (const [id, level] of Object.entries(raw)) {
    if (typeof level === 'string' && LEVELS.has(level)) out[id] = level as BulwarkSettings['rules'][string];
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Settings pulled from the client per resource (`workspace/getConfiguration` with a scopeUri),
 * cached per URI until the configuration changes, as vscode-eslint does. Without the client
 * capability every resource gets the base settings (defaults + initializationOptions).
 */
export class SettingsCache {
  private readonly pending = new Map<string, Promise<BulwarkSettings>>();
  private readonly resolved = new Map<string, BulwarkSettings>();
  private generation = 0;

  constructor(
    private readonly base: BulwarkSettings,
    private readonly pull: ((scopeUri: string) => Promise<unknown>) | undefined,
    private readonly onError: (message: string) => void,
  ) {}

  get(scopeUri: string): Promise<BulwarkSettings> {
    let p = this.pending.get(scopeUri);
    if (p) return p;
    const generation = this.generation;
    p = this.fetch(scopeUri).then((s) => {
      if (generation === this.generation) this.resolved.set(scopeUri, s);
      return s;
    });
    this.pending.set(scopeUri, p);
    return p;
  }

  /** Settings already known for a URI, without a round trip (the base until first pulled). */
  peek(scopeUri: string): BulwarkSettings {
    return this.resolved.get(scopeUri) ?? this.base;
  }

  clear(): void {
    this.generation++;
    this.pending.clear();
    this.resolved.clear();
  }

  private async fetch(scopeUri: string): Promise<BulwarkSettings> {
    if (!this.pull) return this.base;
    try {
      return normalizeSettings(await this.pull(scopeUri), this.base);
    } catch (e) {
      this.onError(`bulwark: could not read settings for ${scopeUri}: ${String(e)}`);
      return this.base;
    }
  }
}

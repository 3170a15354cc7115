/**
 * Masks secrets in anything Bulwark writes to an output channel, a panel or the audit log.
 * Two layers: exact values the engine knows are secret (sensitive terraform outputs, env-file
 * values, tokens from kubeconfigs) and patterns that look like credentials in `key=value` /
 * `key: value` form or bearer tokens.
 */
export const MASK = '***';

const SECRET_KEY = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|authorization)[A-Za-z0-9_.-]*`;
const KEY_VALUE = new RegExp(String.raw`(\b${SECRET_KEY}\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&"']+)`, 'gi');
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi;
const KNOWN_TOKEN_SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, // GitHub tokens
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key ids
  /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g, // Slack tokens
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

export class Redactor {
  private readonly values = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.addSecret(s);
  }

  /** Registers a value never to be shown. Very short values are ignored: masking "1" would mask every digit. */
  addSecret(value: string | undefined | null): void {
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (v.length >= 4) this.values.add(v);
  }

  redact(text: string): string {
    let out = text;
    // Longest first so a secret containing another is masked whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join(MASK);
    }
    out = out.replace(BEARER, (_m, scheme: string) => `${scheme} ${MASK}`);
    out = out.replace(KEY_VALUE, (_m, key: string, value: string) =>
      value === MASK || value.length === 0 || /^(Bearer|Basic)$/.test(value)
        ? `${key}${value}`
        : `${key}${MASK}`,
    );
    out = out.replace(URL_CREDENTIALS, (_m, pre: string, _pw: string, at: string) => `${pre}${MASK}${at}`);
    for (const re of KNOWN_TOKEN_SHAPES) out = out.replace(re, MASK);
    return out;
  }

  /** Redacts every string inside a JSON-like value; keys naming secrets get their value masked whole. */
  redactValue<T>(value: T): T {
    return this.walk(value, undefined) as T;
  }

  private walk(value: unknown, key: string | undefined): unknown {
    if (typeof value === 'string') {
      if (key !== undefined && SECRET_KEY_ONLY.test(key) && value.length > 0) return MASK;
      return this.redact(value);
    }
    if (Array.isArray(value)) return value.map((v) => this.walk(v, undefined));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.walk(v, k);
      return out;
    }
    return value;
  }
}

const SECRET_KEY_ONLY =
  /^(?:.*[_.-])?(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)$/i;

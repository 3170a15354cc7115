import type { PathSegment } from '../../yaml/yamlFile';
import type { ComposeRule } from '../types';
import { composeRef, hasInterpolation, isDict, OWASP_DOCKER, services } from './helpers';

/** Name words that mark a secret on their own. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PWD',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
]);
/** Words that make `<word>_KEY` a secret key. */
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'SECRET',
  'PRIVATE',
  'ENCRYPTION',
  'SIGNING',
  'MASTER',
  'AUTH',
]);
/** A last word saying the variable holds something about the secret, not the secret itself. */
const NOT_THE_SECRET = new Set([
  'FILE',
  'PATH',
  'DIR',
  'LENGTH',
  'LEN',
  'HOST',
  'PORT',
  'USER',
  'USERNAME',
  'NAME',
  'ENABLED',
  'REQUIRED',
  'POLICY',
  'EXPIRY',
  'EXPIRES',
  'TTL',
  'TIMEOUT',
  'ALGORITHM',
  'TYPE',
  'HEADER',
  'METHOD',
  'ID',
  'URL',
  'ENDPOINT',
  'COMMAND',
  'CMD',
]);
/** Words that make the variable a switch about secrets (MYSQL_ALLOW_EMPTY_PASSWORD, ...). */
const SWITCH_WORDS = new Set(['ALLOW', 'EMPTY', 'RANDOM', 'SKIP', 'GENERATE', 'RESET', 'DISABLE', 'ENABLE']);

export function isSecretName(name: string): boolean {
  const words = name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || name === 'PWD' || name === 'OLDPWD') return false;
  if (NOT_THE_SECRET.has(words[words.length - 1] ?? '')) return false;
  if (words.some((w) => SWITCH_WORDS.has(w))) return false;
  return words.some(
    (w, i) =>
      SECRET_WORDS.has(w) ||
      (w === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1] ?? '')) ||
      /^(?:API|PRIVATE|SECRET)KEY$/.test(w),
  );
}

/** A literal worth reporting: not empty, not interpolated, not a switch value, not a file path. */
function isLiteralSecret(value: string): boolean {
  const v = value.trim();
  if (v === '' || hasInterpolation(v)) return false;
  if (/^(?:true|false|yes|no|on|off|null|none|0|1)$/i.test(v)) return false;
  return !/^(?:\/|\.\/|~\/)/.test(v);
}

/** `scheme://user:password@host` with a literal password. */
function urlWithPassword(value: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:([^@\s/]+)@/i.exec(value.trim());
  return !!m && isLiteralSecret(m[1] ?? '');
}

function isSecret(name: string, value: string): boolean {
  return (isSecretName(name) && isLiteralSecret(value)) || urlWithPassword(value);
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/secrets-in-environment',
    title: 'Plain-text secret in environment',
    severity: 'error',
    category: 'security',
    why: 'A password, token or key written into the Compose file ends up in version control, in `docker inspect` output and in the environment of every process of the container.',
    fix: 'Use Compose `secrets` (mounted under /run/secrets; many images accept a `<NAME>_FILE` variable pointing there), or interpolate the value from an untracked `.env` file: `PASSWORD: ${DB_PASSWORD}`.',
    references: [
      composeRef('environment'),
      {
        title: 'Docker: manage secrets securely in Docker Compose',
        url: 'https://docs.docker.com/compose/how-tos/use-secrets/',
      },
      OWASP_DOCKER,
      {
        title: 'OWASP Secrets Management Cheat Sheet',
        url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      },
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      const env = svc.value['environment'];
      const base: PathSegment[] = [...svc.path, 'environment'];
      const report = (path: PathSegment[], name: string) =>
        ctx.report(path, { message: `Service "${svc.name}" sets ${name} to a plain-text secret.` });
      if (isDict(env)) {
        for (const [name, value] of Object.entries(env)) {
          if (typeof value !== 'string' && typeof value !== 'number') continue;
          if (isSecret(name, String(value))) report([...base, name], name);
        }
      } else if (Array.isArray(env)) {
        env.forEach((item, i) => {
          if (typeof item !== 'string') return;
          const eq = item.indexOf('=');
          if (eq <= 0) return;
          const name = item.slice(0, eq).trim();
          if (isSecret(name, item.slice(eq + 1))) report([...base, i], name);
        });
      }
    }
  },
};

export default rule;

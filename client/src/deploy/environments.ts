/**
 * Environments from `.bulwark.yaml` (`environments:`), validated with messages that name the
 * exact key at fault. Pure: the caller reads the file.
 */
import { parse as parseYaml } from 'yaml';
import type { DeployWindow, Environment, Weekday } from './types';
import { WEEKDAYS, isValidTimeZone } from './windows';

export interface EnvironmentsResult {
  environments: Environment[];
  errors: string[];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KNOWN_KEYS = new Set([
  'protected',
  'kube',
  'terraform',
  'compose',
  'windows',
  'promotesFrom',
  'autoRollback',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function optString(v: unknown, at: string, errors: string[]): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && v.length > 0) return v;
  errors.push(`${at}: expected a non-empty string`);
  return undefined;
}

function parseWindow(v: unknown, at: string, errors: string[]): DeployWindow | undefined {
  if (!isRecord(v)) {
    errors.push(`${at}: expected {days, start, end, timeZone}`);
    return undefined;
  }
  const days: Weekday[] = [];
  if (!Array.isArray(v.days) || v.days.length === 0)
    errors.push(`${at}.days: expected a list such as [mon, tue, wed, thu, fri]`);
  else
    v.days.forEach((d, i) => {
      const day = String(d).toLowerCase().slice(0, 3) as Weekday;
      if (WEEKDAYS.includes(day)) days.push(day);
      else errors.push(`${at}.days[${i}]: "${String(d)}" is not a weekday (mon..sun)`);
    });
  for (const k of ['start', 'end'] as const) {
    if (typeof v[k] !== 'string' || !TIME.test(v[k] as string)) {
      errors.push(`${at}.${k}: expected a 24-hour time "HH:MM", got ${JSON.stringify(v[k])}`);
    }
  }
  if (typeof v.timeZone !== 'string' || !isValidTimeZone(v.timeZone)) {
    errors.push(
      `${at}.timeZone: expected an IANA time zone such as "Europe/Berlin", got ${JSON.stringify(v.timeZone)}`,
    );
  }
  if (v.start === v.end && typeof v.start === 'string')
    errors.push(`${at}: start and end are equal; the window would be empty`);
  return { days, start: String(v.start), end: String(v.end), timeZone: String(v.timeZone) };
}

export function parseEnvironments(raw: unknown): EnvironmentsResult {
  const errors: string[] = [];
  const environments: Environment[] = [];
  if (raw === undefined || raw === null) return { environments, errors };
  if (!isRecord(raw)) return { environments, errors: ['environments: expected a map of environment names'] };
  for (const [name, value] of Object.entries(raw)) {
    const at = `environments.${name}`;
    if (!NAME.test(name)) errors.push(`${at}: environment names use letters, digits, ".", "_" and "-"`);
    const v = value ?? {};
    if (!isRecord(v)) {
      errors.push(`${at}: expected a map`);
      continue;
    }
    for (const k of Object.keys(v))
      if (!KNOWN_KEYS.has(k)) errors.push(`${at}.${k}: unknown key (known: ${[...KNOWN_KEYS].join(', ')})`);
    for (const k of ['protected', 'autoRollback']) {
      if (v[k] !== undefined && typeof v[k] !== 'boolean') errors.push(`${at}.${k}: expected true or false`);
    }
    const sub = (k: string): Record<string, unknown> => {
      if (v[k] === undefined || v[k] === null) return {};
      if (isRecord(v[k])) return v[k];
      errors.push(`${at}.${k}: expected a map`);
      return {};
    };
    const kube = sub('kube');
    const terraform = sub('terraform');
    const compose = sub('compose');
    const varFiles: string[] = [];
    if (terraform.varFiles !== undefined) {
      if (Array.isArray(terraform.varFiles) && terraform.varFiles.every((f) => typeof f === 'string')) {
        varFiles.push(...(terraform.varFiles as string[]));
      } else errors.push(`${at}.terraform.varFiles: expected a list of file paths`);
    }
    const windows: DeployWindow[] = [];
    if (v.windows !== undefined) {
      if (!Array.isArray(v.windows)) errors.push(`${at}.windows: expected a list`);
      else
        v.windows.forEach((w, i) => {
          const parsed = parseWindow(w, `${at}.windows[${i}]`, errors);
          if (parsed) windows.push(parsed);
        });
    }
    environments.push({
      name,
      protected: v.protected === true,
      kube: {
        context: optString(kube.context, `${at}.kube.context`, errors),
        namespace: optString(kube.namespace, `${at}.kube.namespace`, errors),
      },
      terraform: { workspace: optString(terraform.workspace, `${at}.terraform.workspace`, errors), varFiles },
      compose: {
        project: optString(compose.project, `${at}.compose.project`, errors),
        envFile: optString(compose.envFile, `${at}.compose.envFile`, errors),
      },
      windows,
      promotesFrom: optString(v.promotesFrom, `${at}.promotesFrom`, errors),
      autoRollback: v.autoRollback === true,
    });
  }
  const names = new Set(environments.map((e) => e.name));
  for (const e of environments) {
    if (e.promotesFrom !== undefined && !names.has(e.promotesFrom)) {
      errors.push(`environments.${e.name}.promotesFrom: no environment named "${e.promotesFrom}"`);
    }
    if (e.promotesFrom === e.name)
      errors.push(`environments.${e.name}.promotesFrom: an environment cannot promote from itself`);
  }
  return { environments, errors };
}

/** Reads `environments:` from the text of a `.bulwark.yaml`. */
export function environmentsFromConfigText(text: string): EnvironmentsResult {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    return { environments: [], errors: [`.bulwark.yaml: ${(e as Error).message}`] };
  }
  return parseEnvironments(isRecord(doc) ? doc.environments : undefined);
}

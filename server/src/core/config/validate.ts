import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import schema from '../../../../schemas/bulwark-config.schema.json';
import type { Finding } from '../types';
import { yamlSyntaxFindings } from '../yaml/syntax';
import { pathRange, type PathSegment, type YamlFile } from '../yaml/yamlFile';

let validator: ValidateFunction | undefined;

function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator(value) ? [] : (validator.errors ?? []);
}

/**
 * Checks a `.bulwark.yaml` against Bulwark's own schema and the rule catalogue:
 * `config/schema-unknown-field`, `config/schema-type`, `config/unknown-rule`.
 */
export function checkConfigFile(
  file: YamlFile,
  isKnownRule: (id: string) => boolean,
  knownIds: string[],
): Finding[] {
  const findings: Finding[] = [...yamlSyntaxFindings(file, 'config')];
  const d = file.docs[0];
  if (!d || d.value === undefined || d.value === null) return findings;
  for (const e of validate(d.value)) {
    const path = pointerToPath(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const prop = String((e.params as { additionalProperty?: string }).additionalProperty);
      const allowed = allowedAt(path);
      const hint = allowed.length ? closest(prop, allowed) : undefined;
      findings.push({
        ruleId: 'config/schema-unknown-field',
        severity: 'error',
        message: `Unknown field '${prop}'.${hint && distance(prop, hint) <= 3 ? ` Did you mean '${hint}'?` : ''}`,
        range: pathRange(file, d, [...path, prop], 'key'),
      });
    } else if (e.keyword === 'enum' || e.keyword === 'type') {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
      findings.push({
        ruleId: 'config/schema-type',
        severity: 'error',
        message: allowed
          ? `Must be one of: ${allowed.join(', ')}.`
          : `Must be ${(e.params as { type?: string }).type}.`,
        range: pathRange(file, d, path, 'value'),
      });
    }
  }
  const rules = (d.value as Record<string, unknown>).rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const id of Object.keys(rules)) {
      if (isKnownRule(id)) continue;
      const hint = knownIds.length ? closest(id, knownIds) : undefined;
      findings.push({
        ruleId: 'config/unknown-rule',
        severity: 'warning',
        message: `Unknown rule '${id}'.${hint && distance(id, hint) <= 4 ? ` Did you mean '${hint}'?` : ''}`,
        range: pathRange(file, d, ['rules', id], 'key'),
      });
    }
  }
  return findings;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function allowedAt(path: PathSegment[]): string[] {
  let node: { properties?: Record<string, unknown> } = schema;
  for (const seg of path) {
    const next = node.properties?.[String(seg)] as typeof node | undefined;
    if (!next) return [];
    node = next;
  }
  return Object.keys(node.properties ?? {});
}

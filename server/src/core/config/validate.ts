import type { ValidateFunction } from 'ajv';
import schema from '../../../../schemas/bulwark-config.schema.json';
import { createAjv } from '../schema/ajv';
import { issueFindings } from '../schema/findings';
import { schemaIssues } from '../schema/issues';
import type { Finding } from '../types';
import { didYouMean, suggestionSuffix } from '../text/didYouMean';
import { yamlSyntaxFindings } from '../yaml/syntax';
import { pathRange, type YamlFile } from '../yaml/yamlFile';

let validator: ValidateFunction | undefined;

/**
 * Checks a `.bulwark.yaml` against Bulwark's own schema (through the same schema layer as
 * Kubernetes and Compose: `config/schema-unknown-field` with did-you-mean, `config/schema-type`,
 * `config/schema-required`, `config/schema-invalid`) and the rule catalogue (`config/unknown-rule`).
 */
export function checkConfigFile(
  file: YamlFile,
  isKnownRule: (id: string) => boolean,
  knownIds: string[],
): Finding[] {
  const findings: Finding[] = [...yamlSyntaxFindings(file, 'config')];
  const d = file.docs[0];
  if (!d || d.value === undefined || d.value === null) return findings;
  validator ??= createAjv().compile(schema);
  if (!validator(d.value))
    findings.push(...issueFindings(file, d, schemaIssues(validator.errors ?? []), 'config'));
  const rules = (d.value as Record<string, unknown>).rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const id of Object.keys(rules)) {
      if (isKnownRule(id)) continue;
      findings.push({
        ruleId: 'config/unknown-rule',
        severity: 'warning',
        message: `Unknown rule '${id}'${suggestionSuffix(didYouMean(id, knownIds))}`,
        range: pathRange(file, d, ['rules', id], 'key'),
      });
    }
  }
  return findings;
}

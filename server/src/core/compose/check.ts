import { issueFindings } from '../schema/findings';
import { schemaIssues, type SchemaIssue } from '../schema/issues';
import type { SchemaStore } from '../schema/store';
import type { Finding } from '../types';
import type { YamlFile } from '../yaml/yamlFile';
import { isInterpolated } from './interpolation';
import { loadComposeValidator } from './schema';

/**
 * compose-spec schema checks of each document. Merge keys (`<<`) are already resolved by the
 * parser; values holding `${VAR}` substitutions are exempt from type and format checks.
 */
export function checkCompose(file: YamlFile, store: SchemaStore): Finding[] {
  const validate = store.memo('compose', loadComposeValidator);
  if (!validate) return [];
  const out: Finding[] = [];
  for (const d of file.docs) {
    if (d.value === undefined || d.value === null) continue;
    if (validate(d.value)) continue;
    const issues = schemaIssues(validate.errors ?? []).filter((i) => !isInterpolationIssue(i));
    out.push(...issueFindings(file, d, issues, 'compose'));
  }
  return out;
}

/** A value with a substitution is only known at `docker compose` time: do not judge its type or shape. */
function isInterpolationIssue(issue: SchemaIssue): boolean {
  return (
    (issue.kind === 'type' || issue.kind === 'invalid') && issue.at === 'value' && isInterpolated(issue.data)
  );
}

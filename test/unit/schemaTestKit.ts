import { join } from 'node:path';
import { checkCompose } from '../../server/src/core/compose/check';
import { checkKubernetes } from '../../server/src/core/kubernetes/check';
import { SchemaStore } from '../../server/src/core/schema/store';
import { compareFindings, type Finding } from '../../server/src/core/types';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';

/** Repository root. */
const ROOT = join(__dirname, '..', '..');

/** The generated schemas of the repo (tests need no build for the schema checks). */
export const schemaStore = SchemaStore.fromDir(join(ROOT, 'schemas'));

/** `[ruleId, 'line:col-endLine:endCol' (1-based), message]`, the form schema tests compare. */
export type Row = [string, string, string];

export function rows(findings: readonly Finding[]): Row[] {
  return [...findings].sort(compareFindings).map((f) => [f.ruleId, span(f), f.message]);
}

export function span(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

export function k8sRows(text: string): Row[] {
  return rows(checkKubernetes(parseYaml(text), schemaStore));
}

export function composeRows(text: string): Row[] {
  return rows(checkCompose(parseYaml(text), schemaStore));
}

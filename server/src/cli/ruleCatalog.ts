import { findRuleMeta } from '../core/rules/registry';
import type { RuleMeta } from '../core/rules/types';

/** Where a rule's documentation page lives; the SARIF `helpUri` and the text hint point here. */
export const DOCS_BASE = 'https://github.com/bulwark-dev/bulwark/blob/main/docs/rules/';
export const INFORMATION_URI = 'https://github.com/bulwark-dev/bulwark';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId.split('/').map(encodeURIComponent).join('/')}.md`;
}

/**
 * Metadata of a rule, for SARIF `rules[]`. Schema and syntax findings (k8s/syntax,
 * k8s/schema-unknown-field, ...) have no registry entry and get a description made from their id.
 */
export function ruleMeta(ruleId: string): RuleMeta | undefined {
  return findRuleMeta(ruleId);
}

const DOMAIN_NAMES: Record<string, string> = { k8s: 'Kubernetes', compose: 'Compose', tf: 'Terraform' };

/** `k8s/schema-unknown-field` -> `Kubernetes: schema unknown field`. */
export function describeRuleId(ruleId: string): string {
  const [domain = '', ...rest] = ruleId.split('/');
  const name = rest.join('/').replace(/-/g, ' ');
  return `${DOMAIN_NAMES[domain] ?? domain}: ${name || ruleId}`;
}

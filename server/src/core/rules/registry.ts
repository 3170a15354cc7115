import { CHECK_METAS, CONFIG_CHECK_METAS } from './checks';
import { composeRules } from './compose/index';
import { k8sRules } from './k8s/index';
import { tfRules } from './tf/index';
import type { ComposeRule, K8sRule, RuleDomain, RuleMeta, TfRule } from './types';

/**
 * Every rule of every domain, and the metadata of the findings the engine itself produces
 * (suppression hints, config checks), for docs, SARIF, hover and the `rules` command.
 */

export const RULES_BY_DOMAIN: { k8s: K8sRule[]; compose: ComposeRule[]; tf: TfRule[] } = {
  k8s: k8sRules,
  compose: composeRules,
  tf: tfRules,
};

export const RULE_DOMAINS: RuleDomain[] = ['k8s', 'compose', 'tf'];

const PSS_URL = 'https://github.com/bulwark-dev/bulwark/blob/main/docs/suppressions.md';

function suppressionMetas(domain: RuleDomain): RuleMeta[] {
  return [
    {
      id: `${domain}/suppression-without-reason`,
      title: 'Suppression without a reason',
      severity: 'hint',
      category: 'maintainability',
      why: 'A silenced finding with no recorded reason cannot be reviewed later: nobody knows whether it is still safe to ignore.',
      fix: 'Add the reason after two dashes: `# bulwark-ignore <rule-id> -- <why it is safe here>`.',
      references: [{ title: 'Bulwark: suppressing findings', url: PSS_URL }],
    },
    {
      id: `${domain}/unused-suppression`,
      title: 'Suppression that matches no finding',
      severity: 'hint',
      category: 'maintainability',
      why: 'A suppression left behind after the code changed hides nothing today but would silently hide a future finding on that line.',
      fix: 'Remove the suppression comment (or the rule id from it), or move it to the line of the finding it is meant for.',
      references: [{ title: 'Bulwark: suppressing findings', url: PSS_URL }],
    },
  ];
}

const CONFIG_DOCS = {
  title: 'Bulwark: configuration (.bulwark.yaml)',
  url: 'https://github.com/bulwark-dev/bulwark/blob/main/docs/configuration.md',
};

const CONFIG_METAS: RuleMeta[] = [
  {
    id: 'config/schema-unknown-field',
    title: 'Unknown field in .bulwark.yaml',
    severity: 'error',
    category: 'maintainability',
    why: 'A misspelt setting is ignored silently, so the configuration does not do what it says.',
    fix: 'Use one of the documented fields: `rules`, `exclude`, `terraform`, `environments`.',
    references: [CONFIG_DOCS],
  },
  {
    id: 'config/schema-type',
    title: 'Wrong value type in .bulwark.yaml',
    severity: 'error',
    category: 'maintainability',
    why: 'A setting of the wrong type is dropped when the configuration is read.',
    fix: 'Give the value the documented type, e.g. a rule level of `off`, `error`, `warning`, `info` or `hint`.',
    references: [CONFIG_DOCS],
  },
  {
    id: 'config/unknown-rule',
    title: 'Unknown rule id in .bulwark.yaml',
    severity: 'warning',
    category: 'maintainability',
    why: 'A setting for a rule id that does not exist changes nothing; usually the id is misspelt.',
    fix: 'Use an id from `bulwark rules`, e.g. `k8s/privileged`.',
    references: [CONFIG_DOCS],
  },
];

/** Findings the engine produces that are not rules with a check of their own. */
export const ENGINE_METAS: RuleMeta[] = [
  ...CHECK_METAS,
  ...RULE_DOMAINS.flatMap(suppressionMetas),
  ...CONFIG_METAS,
  ...CONFIG_CHECK_METAS,
];

export function ruleMetas(): RuleMeta[] {
  return RULE_DOMAINS.flatMap((d) => RULES_BY_DOMAIN[d].map((r) => r.meta));
}

/** Rules and engine findings: everything that has a docs page. */
export function allMetas(): RuleMeta[] {
  return [...ruleMetas(), ...ENGINE_METAS];
}

export function duplicateIds(metas: readonly RuleMeta[] = allMetas()): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const m of metas) (seen.has(m.id) ? dups : seen).add(m.id);
  return [...dups];
}

const dups = duplicateIds();
if (dups.length > 0) throw new Error(`Duplicate rule ids: ${dups.join(', ')}`);

const BY_ID = new Map(allMetas().map((m) => [m.id, m]));

export function findRuleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function isKnownRuleId(id: string): boolean {
  return BY_ID.has(id);
}

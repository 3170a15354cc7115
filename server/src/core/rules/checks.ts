import type { RuleDomain, RuleMeta } from './types';

/**
 * Metadata of the schema, syntax and core-language checks: they are not rules with a check file
 * of their own, but their findings carry stable ids too, and every id has a docs page.
 */

const K8S_API = {
  title: 'Kubernetes API reference',
  url: 'https://kubernetes.io/docs/reference/kubernetes-api/',
};
const COMPOSE_SPEC = {
  title: 'Compose specification',
  url: 'https://docs.docker.com/reference/compose-file/',
};
const YAML_SPEC = { title: 'YAML 1.2 specification', url: 'https://yaml.org/spec/1.2.2/' };
const TF_LANG = { title: 'Terraform language', url: 'https://developer.hashicorp.com/terraform/language' };
const TF_SYNTAX = {
  title: 'Terraform configuration syntax',
  url: 'https://developer.hashicorp.com/terraform/language/syntax/configuration',
};
const TF_PROVIDERS = {
  title: 'terraform providers schema',
  url: 'https://developer.hashicorp.com/terraform/cli/commands/providers/schema',
};

type CheckText = Pick<RuleMeta, 'title' | 'severity' | 'why' | 'fix'> & { refs: RuleMeta['references'] };

function check(id: string, t: CheckText): RuleMeta {
  return {
    id,
    title: t.title,
    severity: t.severity,
    category: 'maintainability',
    why: t.why,
    fix: t.fix,
    references: t.refs,
  };
}

function yamlSyntaxChecks(domain: string, what: string): RuleMeta[] {
  return [
    check(`${domain}/syntax`, {
      title: 'YAML syntax error',
      severity: 'error',
      why: `A ${what} that does not parse cannot be used; tools stop at the first error.`,
      fix: 'Fix the YAML at the marked place: indentation, an unclosed bracket or quote, a tab, a stray character.',
      refs: [YAML_SPEC],
    }),
    check(`${domain}/duplicate-key`, {
      title: 'Duplicate key',
      severity: 'error',
      why: 'With a key given twice, one value silently wins, and which one depends on the tool reading the file.',
      fix: 'Keep one of the two keys, merging what both meant.',
      refs: [YAML_SPEC],
    }),
  ];
}

function yamlChecks(domain: Exclude<RuleDomain, 'tf'>, spec: RuleMeta['references'][number]): RuleMeta[] {
  return [
    ...yamlSyntaxChecks(domain, domain === 'k8s' ? 'manifest' : 'Compose file'),
    check(`${domain}/schema-unknown-field`, {
      title: 'Unknown field',
      severity: 'error',
      why: 'A misspelt or misplaced field is ignored or rejected, so the setting the author meant never takes effect.',
      fix: 'Use the field name the schema defines (the message suggests the closest one), or move it to the right level.',
      refs: [spec],
    }),
    check(`${domain}/schema-type`, {
      title: 'Value of the wrong type',
      severity: 'error',
      why: 'A value of the wrong type (a quoted number, a list where a map is expected) is rejected when applied.',
      fix: 'Give the value the type the message names, e.g. remove the quotes around a number.',
      refs: [spec],
    }),
    check(`${domain}/schema-required`, {
      title: 'Missing required field',
      severity: 'error',
      why: 'An object without a required field is rejected when applied.',
      fix: 'Add the field the message names to the marked object.',
      refs: [spec],
    }),
    check(`${domain}/schema-invalid`, {
      title: 'Value not allowed by the schema',
      severity: 'error',
      why: 'The value does not match what the schema allows (a pattern, a format, one of several shapes).',
      fix: 'Change the value to one the message describes.',
      refs: [spec],
    }),
    check(`${domain}/file-too-large`, {
      title: 'File too large to analyse',
      severity: 'info',
      why: 'Files over the size limit are skipped to keep the editor responsive.',
      fix: 'Split the file, or check it with the CLI in CI.',
      refs: [spec],
    }),
  ];
}

const K8S_CHECKS: RuleMeta[] = [
  ...yamlChecks('k8s', K8S_API),
  check('k8s/unknown-kind', {
    title: 'Unknown kind',
    severity: 'error',
    why: 'The API server rejects an object whose kind does not exist in its apiVersion; usually a typo.',
    fix: 'Use the kind the message suggests, spelt exactly (kinds are case-sensitive).',
    refs: [K8S_API],
  }),
  check('k8s/unknown-api-version', {
    title: 'Kind not served at this apiVersion',
    severity: 'error',
    why: 'The kind exists, but not in this group/version (often a beta version removed from current Kubernetes).',
    fix: 'Use the apiVersion the message suggests, and check the migration notes for changed fields.',
    refs: [
      {
        title: 'Deprecated API migration guide',
        url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
      },
    ],
  }),
  check('k8s/no-schema', {
    title: 'No schema for this resource',
    severity: 'info',
    why: 'The resource belongs to an API group Bulwark has no schema for (usually a custom resource), so its fields are not checked.',
    fix: 'Nothing to fix. Keep the CustomResourceDefinition in the workspace to have its schema used where supported.',
    refs: [
      {
        title: 'Custom resources',
        url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/api-extension/custom-resources/',
      },
    ],
  }),
];

const TF_CHECKS: RuleMeta[] = [
  check('tf/syntax', {
    title: 'HCL syntax error',
    severity: 'error',
    why: 'Terraform stops at a syntax error; nothing in the folder can be planned.',
    fix: 'Fix the marked place: a missing brace or quote, a stray character. A missing `}` is reported where the block should have closed.',
    refs: [TF_SYNTAX],
  }),
  check('tf/unknown-block', {
    title: 'Unknown block type',
    severity: 'error',
    why: 'Only the block types of the Terraform language are allowed at the top level of a file.',
    fix: 'Use the block type the message suggests (resource, data, variable, output, module, ...).',
    refs: [TF_SYNTAX],
  }),
  check('tf/block-labels', {
    title: 'Wrong number of block labels',
    severity: 'error',
    why: 'Each block type takes a fixed number of labels, e.g. `resource "type" "name"`; Terraform rejects others.',
    fix: 'Give the block the labels the message names.',
    refs: [TF_SYNTAX],
  }),
  check('tf/missing-argument', {
    title: 'Missing required argument',
    severity: 'error',
    why: 'A core block without its required argument (a module without `source`, an output without `value`) is rejected.',
    fix: 'Add the argument the message names.',
    refs: [TF_LANG],
  }),
  check('tf/unknown-argument', {
    title: 'Unknown argument',
    severity: 'error',
    why: 'An argument the block does not define is rejected by Terraform; usually a typo.',
    fix: 'Use the argument the message suggests, or remove it.',
    refs: [TF_LANG],
  }),
  check('tf/duplicate-declaration', {
    title: 'Duplicate declaration',
    severity: 'error',
    why: 'Names of variables, outputs, locals, modules and resources must be unique across the files of a module folder.',
    fix: 'Rename or remove one of the two declarations (the message names the other one).',
    refs: [TF_LANG],
  }),
  check('tf/undeclared-reference', {
    title: 'Reference to something not declared',
    severity: 'error',
    why: 'A reference to a variable, local, module, resource or data source that no file of the folder declares fails at plan time.',
    fix: 'Declare it, or fix the name of the reference.',
    refs: [
      {
        title: 'References to values',
        url: 'https://developer.hashicorp.com/terraform/language/expressions/references',
      },
    ],
  }),
  check('tf/count-and-for-each', {
    title: '`count` and `for_each` together',
    severity: 'error',
    why: 'A block may repeat by `count` or by `for_each`, never both.',
    fix: 'Keep one of the two meta-arguments.',
    refs: [
      {
        title: 'The for_each meta-argument',
        url: 'https://developer.hashicorp.com/terraform/language/meta-arguments/for_each',
      },
    ],
  }),
  check('tf/unknown-attribute', {
    title: 'Unknown provider attribute or block',
    severity: 'error',
    why: 'The initialised provider schema has no such attribute or nested block (or it is read-only), so plan fails.',
    fix: 'Use the attribute the message suggests. Checked only in folders where `terraform init` was run.',
    refs: [TF_PROVIDERS],
  }),
  check('tf/missing-required-attribute', {
    title: 'Missing required provider attribute',
    severity: 'error',
    why: 'The provider schema requires this attribute or block, so plan fails without it.',
    fix: 'Add the attribute or block the message names.',
    refs: [TF_PROVIDERS],
  }),
  check('tf/file-too-large', {
    title: 'File too large to analyse',
    severity: 'info',
    why: 'Files over the size limit are skipped to keep the editor responsive.',
    fix: 'Split the file, or check it with the CLI in CI.',
    refs: [TF_LANG],
  }),
  check('tf/internal-error', {
    title: 'Internal error in a check',
    severity: 'info',
    why: 'A check failed on this file; its findings are missing, the others are still shown.',
    fix: 'Please report the file (or a reduced copy) so the check can be fixed.',
    refs: [TF_LANG],
  }),
];

export const CHECK_METAS: RuleMeta[] = [...K8S_CHECKS, ...yamlChecks('compose', COMPOSE_SPEC), ...TF_CHECKS];

const CONFIG_DOCS = {
  title: 'Bulwark: configuration (.bulwark.yaml)',
  url: 'https://github.com/bulwark-dev/bulwark/blob/main/docs/configuration.md',
};

/** `.bulwark.yaml` parse errors and the schema findings the shared schema layer adds to the registry's. */
export const CONFIG_CHECK_METAS: RuleMeta[] = [
  ...yamlSyntaxChecks('config', 'configuration file'),
  check('config/schema-required', {
    title: 'Missing required setting in .bulwark.yaml',
    severity: 'error',
    why: 'An entry without a required setting (e.g. a deployment window without its time zone) cannot be used.',
    fix: 'Add the setting the message names.',
    refs: [CONFIG_DOCS],
  }),
  check('config/schema-invalid', {
    title: 'Setting value not allowed in .bulwark.yaml',
    severity: 'error',
    why: 'The value does not have the documented form (e.g. a time that is not HH:MM), so it would be rejected when used.',
    fix: 'Change the value to the form the message describes.',
    refs: [CONFIG_DOCS],
  }),
];

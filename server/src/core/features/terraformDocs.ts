/**
 * Short, hand-written docs for the Terraform language itself (block types, meta-arguments,
 * `terraform {}` settings): the core language is small and changes rarely, and no offline
 * schema describes it. Provider attributes come from provider schemas instead.
 */

const LANG = 'https://developer.hashicorp.com/terraform/language';

export interface TfDoc {
  /** One or two sentences. */
  text: string;
  /** Syntax shown in completion details and as the snippet inserted. */
  syntax?: string;
  url: string;
}

export const BLOCK_DOCS: Record<string, TfDoc> = {
  terraform: {
    text: 'Settings of the configuration itself: required Terraform and provider versions, the backend that stores state, HCP Terraform (`cloud`).',
    url: `${LANG}/terraform`,
  },
  provider: {
    text: 'Configures a provider plugin (credentials, region, default tags). Only root modules should configure providers; child modules receive them.',
    url: `${LANG}/providers/configuration`,
  },
  resource: {
    text: 'Declares an infrastructure object Terraform creates, updates and destroys. Addressed as `<type>.<name>`.',
    url: `${LANG}/resources/syntax`,
  },
  data: {
    text: 'Reads information from outside this configuration (an existing object, a lookup). Addressed as `data.<type>.<name>`.',
    url: `${LANG}/data-sources`,
  },
  ephemeral: {
    text: 'A temporary resource opened for the duration of a run and never stored in state or plan, e.g. a short-lived credential. Addressed as `ephemeral.<type>.<name>`.',
    url: `${LANG}/resources/ephemeral`,
  },
  variable: {
    text: 'An input variable of the module, set by the caller, `-var`, `*.tfvars` or `TF_VAR_*`. Referenced as `var.<name>`.',
    url: `${LANG}/values/variables`,
  },
  output: {
    text: 'A value the module exposes to its caller (`module.<name>.<output>`) or prints after apply in a root module.',
    url: `${LANG}/values/outputs`,
  },
  locals: {
    text: 'Named expressions of the module, computed once and referenced as `local.<name>`.',
    url: `${LANG}/values/locals`,
  },
  module: {
    text: 'Calls a child module: a folder of .tf files (local path, registry or git source). Its outputs are `module.<name>.<output>`.',
    url: `${LANG}/modules/syntax`,
  },
  moved: {
    text: 'Records that an object was renamed or moved in the configuration, so Terraform updates its state address instead of destroying and re-creating it.',
    url: `${LANG}/modules/develop/refactoring`,
  },
  import: {
    text: 'Brings an existing infrastructure object under management of a resource block during plan and apply.',
    url: `${LANG}/import`,
  },
  removed: {
    text: 'Removes an object from state without destroying it (`lifecycle { destroy = false }`), or records that it was deleted from the configuration.',
    url: `${LANG}/resources/syntax#removing-resources`,
  },
  check: {
    text: 'Continuous validation: assertions (and an optional scoped data source) evaluated on every plan and apply; failures are warnings, not errors.',
    url: `${LANG}/checks`,
  },
  // Nested blocks of the core language.
  lifecycle: {
    text: 'Changes how Terraform handles the object: `create_before_destroy`, `prevent_destroy`, `ignore_changes`, `replace_triggered_by`, `precondition`, `postcondition`.',
    url: `${LANG}/meta-arguments/lifecycle`,
  },
  provisioner: {
    text: 'Runs an action (a script, a file copy) on a resource after creation or before destruction. A last resort: prefer cloud-init, images or configuration management.',
    url: `${LANG}/resources/provisioners/syntax`,
  },
  connection: {
    text: 'How provisioners reach the machine (SSH or WinRM): host, user, credentials.',
    url: `${LANG}/resources/provisioners/connection`,
  },
  dynamic: {
    text: 'Generates repeated nested blocks from a collection: `for_each` over the values, and a `content` block using `<label>.value`.',
    url: `${LANG}/expressions/dynamic-blocks`,
  },
  validation: {
    text: 'A rule an input variable must satisfy: `condition` (an expression) and the `error_message` shown when it is false.',
    url: `${LANG}/values/variables#custom-validation-rules`,
  },
  precondition: {
    text: 'An assumption checked before the object is planned: `condition` and `error_message`.',
    url: `${LANG}/expressions/custom-conditions#preconditions-and-postconditions`,
  },
  postcondition: {
    text: 'A guarantee checked after the object is planned or applied (`self` is the object): `condition` and `error_message`.',
    url: `${LANG}/expressions/custom-conditions#preconditions-and-postconditions`,
  },
  backend: {
    text: 'Where state is stored and locked (`s3`, `azurerm`, `gcs`, ...). Use a remote backend with locking for any shared module.',
    url: `${LANG}/backend`,
  },
  cloud: {
    text: 'Stores state and runs plans in HCP Terraform or Terraform Enterprise (organization, workspaces).',
    url: `${LANG}/terraform#terraform-cloud`,
  },
  required_providers: {
    text: 'The providers the module needs, each with its `source` address and a `version` constraint; pin versions so that runs are reproducible.',
    url: `${LANG}/providers/requirements`,
  },
};

export const META_ARGUMENT_DOCS: Record<string, TfDoc> = {
  count: {
    text: 'Creates that many instances of the block, addressed `<address>[index]`; `count.index` is the current index. Use `for_each` when instances have identities.',
    syntax: 'count = 2',
    url: `${LANG}/meta-arguments/count`,
  },
  for_each: {
    text: 'Creates one instance per element of a map or set of strings, addressed `<address>["key"]`; `each.key` and `each.value` are the current element.',
    syntax: 'for_each = toset([])',
    url: `${LANG}/meta-arguments/for_each`,
  },
  depends_on: {
    text: 'Explicit dependencies Terraform cannot infer from references. Use sparingly: it makes plans more conservative.',
    syntax: 'depends_on = []',
    url: `${LANG}/meta-arguments/depends_on`,
  },
  provider: {
    text: 'Selects a non-default provider configuration, `<provider>.<alias>`, e.g. for a second region.',
    syntax: 'provider = aws.alias',
    url: `${LANG}/meta-arguments/resource-provider`,
  },
  providers: {
    text: 'Passes provider configurations to a child module: `{ aws = aws.alias }`.',
    syntax: 'providers = {}',
    url: `${LANG}/meta-arguments/module-providers`,
  },
  source: {
    text: 'Where the module comes from: a local path (`./modules/x`), a registry address (`namespace/name/provider`) or a git/HTTP URL. Pin remote sources to a version or ref.',
    url: `${LANG}/modules/sources`,
  },
  version: {
    text: 'Version constraint of a registry module (e.g. `~> 5.0`).',
    url: `${LANG}/modules/syntax#version`,
  },
  alias: {
    text: 'Names an additional configuration of the same provider, selected with `provider = <name>.<alias>`.',
    url: `${LANG}/providers/configuration#alias-multiple-provider-configurations`,
  },
  required_version: {
    text: 'Terraform CLI versions this configuration works with, e.g. `>= 1.6, < 2.0`.',
    url: `${LANG}/terraform#required_version`,
  },
  description: {
    text: 'Documentation of the value, shown to callers and in the registry.',
    url: `${LANG}/values/variables`,
  },
  type: {
    text: 'The type constraint of the variable: `string`, `number`, `bool`, `list(...)`, `map(...)`, `object({...})`, `any`...',
    url: `${LANG}/values/variables#type-constraints`,
  },
  default: {
    text: 'The value used when the caller sets none; without it the variable is required.',
    url: `${LANG}/values/variables#default-values`,
  },
  sensitive: {
    text: 'Redacts the value in plan and apply output. It is still stored in state in clear text.',
    url: `${LANG}/values/variables#suppressing-values-in-cli-output`,
  },
  nullable: {
    text: 'Whether the caller may pass `null` (default `true`). With `false`, null means the default.',
    url: `${LANG}/values/variables#disallowing-null-input-values`,
  },
  ephemeral: {
    text: 'The value is available during the run only and never stored in state or plan files.',
    url: `${LANG}/values/variables#exclude-values-from-state`,
  },
  value: { text: 'The expression whose result the output exposes.', url: `${LANG}/values/outputs` },
};

/** Top-level block types in the order completion offers them, with the text it inserts. */
export const BLOCK_SNIPPETS: { type: string; snippet: string }[] = [
  { type: 'resource', snippet: 'resource "${1:type}" "${2:name}" {\n\t$0\n}' },
  { type: 'data', snippet: 'data "${1:type}" "${2:name}" {\n\t$0\n}' },
  {
    type: 'variable',
    snippet: 'variable "${1:name}" {\n\tdescription = "${2}"\n\ttype        = ${3:string}\n}',
  },
  { type: 'output', snippet: 'output "${1:name}" {\n\tdescription = "${2}"\n\tvalue       = ${3:null}\n}' },
  { type: 'locals', snippet: 'locals {\n\t$0\n}' },
  { type: 'module', snippet: 'module "${1:name}" {\n\tsource = "${2:./modules/name}"\n}' },
  { type: 'provider', snippet: 'provider "${1:aws}" {\n\t$0\n}' },
  { type: 'terraform', snippet: 'terraform {\n\t$0\n}' },
  { type: 'moved', snippet: 'moved {\n\tfrom = ${1}\n\tto   = ${2}\n}' },
  { type: 'import', snippet: 'import {\n\tto = ${1}\n\tid = "${2}"\n}' },
  { type: 'removed', snippet: 'removed {\n\tfrom = ${1}\n\n\tlifecycle {\n\t\tdestroy = false\n\t}\n}' },
  {
    type: 'check',
    snippet:
      'check "${1:name}" {\n\tassert {\n\t\tcondition     = ${2:true}\n\t\terror_message = "${3}"\n\t}\n}',
  },
  { type: 'ephemeral', snippet: 'ephemeral "${1:type}" "${2:name}" {\n\t$0\n}' },
];

/** Meta-arguments and nested meta-blocks per block type, for completion. */
export const META_ARGUMENTS: Record<string, string[]> = {
  resource: ['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection'],
  data: ['count', 'for_each', 'depends_on', 'provider', 'lifecycle'],
  ephemeral: ['count', 'for_each', 'depends_on', 'provider', 'lifecycle'],
  module: ['source', 'version', 'count', 'for_each', 'depends_on', 'providers'],
  variable: ['description', 'type', 'default', 'sensitive', 'nullable', 'ephemeral', 'validation'],
  output: ['description', 'value', 'sensitive', 'depends_on', 'ephemeral', 'precondition'],
  provider: ['alias'],
  terraform: ['required_version', 'required_providers', 'backend', 'cloud'],
};

/** Names that are nested blocks rather than `name = value` arguments. */
export const BLOCK_NAMED = new Set([
  'lifecycle',
  'provisioner',
  'connection',
  'validation',
  'precondition',
  'postcondition',
  'required_providers',
  'backend',
  'cloud',
  'dynamic',
]);

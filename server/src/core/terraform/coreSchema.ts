/**
 * The core Terraform language, written by hand (it is small and changes rarely): top-level
 * block types, their label counts, required and allowed arguments.
 */
export interface CoreBlockSpec {
  /** Number of labels, e.g. `resource "type" "name"` has 2. */
  labels: number;
  /** Label names, for messages. */
  labelNames?: string[];
  /** Each entry is a set of alternatives, one of which must be present. */
  required?: string[][];
  /** Allowed attribute and nested-block names; absent when the block is open-ended. */
  allowed?: string[];
}

export const CORE_BLOCKS: Record<string, CoreBlockSpec> = {
  terraform: {
    labels: 0,
    allowed: ['required_version', 'required_providers', 'backend', 'cloud', 'experiments', 'provider_meta'],
  },
  provider: { labels: 1, labelNames: ['provider name'] },
  variable: {
    labels: 1,
    labelNames: ['variable name'],
    allowed: ['type', 'default', 'description', 'validation', 'sensitive', 'nullable', 'ephemeral'],
  },
  output: {
    labels: 1,
    labelNames: ['output name'],
    required: [['value']],
    allowed: ['value', 'description', 'sensitive', 'depends_on', 'precondition', 'ephemeral'],
  },
  locals: { labels: 0 },
  module: { labels: 1, labelNames: ['module name'], required: [['source']] },
  resource: { labels: 2, labelNames: ['resource type', 'resource name'] },
  data: { labels: 2, labelNames: ['data source type', 'data source name'] },
  ephemeral: { labels: 2, labelNames: ['ephemeral resource type', 'ephemeral resource name'] },
  moved: { labels: 0, required: [['from'], ['to']], allowed: ['from', 'to'] },
  import: {
    labels: 0,
    required: [['to'], ['id', 'identity']],
    allowed: ['to', 'id', 'identity', 'provider', 'for_each'],
  },
  check: { labels: 1, labelNames: ['check name'] },
  removed: { labels: 0, required: [['from']], allowed: ['from', 'lifecycle', 'provisioner'] },
};

/** Arguments every resource-like block accepts whatever its provider schema says. */
export const RESOURCE_META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);

/** Root names of references that are not declarations of the module. */
export const BUILTIN_ROOTS = new Set([
  'path',
  'terraform',
  'count',
  'each',
  'self',
  'var',
  'local',
  'module',
  'data',
  'ephemeral',
  'null',
  'true',
  'false',
]);

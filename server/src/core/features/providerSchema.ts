import type { TerraformProviderSchemas } from '../terraform/check';

/** The parts of `terraform providers schema -json` that hover and completion read. */
export interface ProviderAttribute {
  type?: unknown;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
}

export interface ProviderBlock {
  description?: string;
  attributes?: Record<string, ProviderAttribute>;
  block_types?: Record<string, { nesting_mode?: string; block?: ProviderBlock }>;
}

const KEY: Record<string, string> = {
  resource: 'resource_schemas',
  data: 'data_source_schemas',
  ephemeral: 'ephemeral_resource_schemas',
};

/** The schema of a resource / data source / ephemeral resource type from any loaded provider. */
export function providerBlockSchema(
  schemas: TerraformProviderSchemas | undefined,
  blockType: string,
  type: string,
): ProviderBlock | undefined {
  const key = KEY[blockType];
  if (!key || !schemas?.provider_schemas) return undefined;
  for (const p of Object.values(schemas.provider_schemas)) {
    const block = (p as Record<string, Record<string, { block?: ProviderBlock }> | undefined>)?.[key]?.[type]
      ?.block;
    if (block) return block;
  }
  return undefined;
}

/** Resource (or data source) type names of the loaded providers. */
export function providerTypes(schemas: TerraformProviderSchemas | undefined, blockType: string): string[] {
  const key = KEY[blockType];
  if (!key || !schemas?.provider_schemas) return [];
  const out: string[] = [];
  for (const p of Object.values(schemas.provider_schemas)) {
    out.push(...Object.keys((p as Record<string, Record<string, unknown> | undefined>)?.[key] ?? {}));
  }
  return out;
}

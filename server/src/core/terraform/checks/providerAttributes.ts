import type { Finding } from '../../types';
import { RESOURCE_META_ARGUMENTS } from '../coreSchema';
import { didYouMeanSuffix } from '../../text/didYouMean';
import type { TfBlock } from '../model';
import { finding, type TfCheckContext } from './context';

/** The parts of `terraform providers schema -json` this check reads. */
interface SchemaBlock {
  attributes?: Record<
    string,
    { required?: boolean; optional?: boolean; computed?: boolean; deprecated?: boolean }
  >;
  block_types?: Record<string, { nesting_mode?: string; block?: SchemaBlock; min_items?: number }>;
}
interface ProviderSchema {
  resource_schemas?: Record<string, { block?: SchemaBlock }>;
  data_source_schemas?: Record<string, { block?: SchemaBlock }>;
  ephemeral_resource_schemas?: Record<string, { block?: SchemaBlock }>;
}

const SCHEMA_KEY = {
  resource: 'resource_schemas',
  data: 'data_source_schemas',
  ephemeral: 'ephemeral_resource_schemas',
} as const;

/**
 * Unknown and missing attributes of resources, data sources and ephemeral resources, checked
 * against the provider schemas of an initialised folder. A type no loaded provider knows is left
 * alone (its provider may simply not be installed).
 */
export function checkProviderAttributes(
  ctx: TfCheckContext,
  schemas: { provider_schemas?: Record<string, unknown> },
): Finding[] {
  const providers = Object.values(schemas.provider_schemas ?? {}) as ProviderSchema[];
  const out: Finding[] = [];
  for (const b of ctx.file.blocks) {
    if (b.type !== 'resource' && b.type !== 'data' && b.type !== 'ephemeral') continue;
    const type = b.labels[0];
    if (b.labels.length !== 2 || !type) continue;
    const key = SCHEMA_KEY[b.type];
    const schema = providers.map((p) => p?.[key]?.[type]?.block).find((s) => s !== undefined);
    if (schema) checkBlock(b, schema, true, out);
  }
  return out;
}

function checkBlock(b: TfBlock, schema: SchemaBlock, top: boolean, out: Finding[]): void {
  const attrs = schema.attributes ?? {};
  const blocks = schema.block_types ?? {};
  const names = [...Object.keys(attrs), ...Object.keys(blocks)];
  const isMeta = (n: string) => top && RESOURCE_META_ARGUMENTS.has(n);
  for (const a of b.attributes) {
    if (isMeta(a.name)) continue;
    const spec = attrs[a.name];
    if (!spec) {
      const hint = blocks[a.name]
        ? ` '${a.name}' is a block: write '${a.name} { ... }'.`
        : didYouMeanSuffix(a.name, names);
      out.push(
        finding(
          'tf/unknown-attribute',
          a.nameRange,
          `Unknown attribute '${a.name}' in ${describe(b)}.${hint}`,
        ),
      );
    } else if (!spec.required && !spec.optional && spec.computed) {
      out.push(
        finding(
          'tf/unknown-attribute',
          a.nameRange,
          `'${a.name}' is computed by the provider and cannot be set.`,
        ),
      );
    }
  }
  const dynamicTypes = new Set<string>();
  for (const n of b.blocks) {
    if (isMeta(n.type)) continue;
    if (n.type === 'dynamic') {
      const label = n.labels[0];
      if (!label) continue;
      dynamicTypes.add(label);
      const nested = blocks[label];
      if (!nested) {
        if (!attrs[label]) {
          out.push(
            finding(
              'tf/unknown-attribute',
              n.labelRanges[0] ?? n.typeRange,
              `Unknown block type '${label}' in ${describe(b)}.${didYouMeanSuffix(label, Object.keys(blocks))}`,
            ),
          );
        }
        continue;
      }
      const content = n.blocks.find((c) => c.type === 'content');
      if (content && nested.block) checkBlock(content, nested.block, false, out);
      continue;
    }
    const nested = blocks[n.type];
    if (!nested) {
      // SDKv2 lets a list-of-objects attribute be written as blocks.
      if (attrs[n.type]) continue;
      out.push(
        finding(
          'tf/unknown-attribute',
          n.typeRange,
          `Unknown block type '${n.type}' in ${describe(b)}.${didYouMeanSuffix(n.type, names)}`,
        ),
      );
      continue;
    }
    if (nested.block) checkBlock(n, nested.block, false, out);
  }
  for (const [name, spec] of Object.entries(attrs)) {
    if (spec.required && !b.attributes.some((a) => a.name === name)) {
      out.push(
        finding(
          'tf/missing-required-attribute',
          b.headerRange,
          `Missing required argument '${name}' in ${describe(b)}.`,
        ),
      );
    }
  }
  for (const [name, spec] of Object.entries(blocks)) {
    if ((spec.min_items ?? 0) > 0 && !dynamicTypes.has(name) && !b.blocks.some((n) => n.type === name)) {
      out.push(
        finding(
          'tf/missing-required-attribute',
          b.headerRange,
          `Missing required block '${name}' in ${describe(b)}.`,
        ),
      );
    }
  }
}

function describe(b: TfBlock): string {
  if (b.type === 'resource' || b.type === 'data' || b.type === 'ephemeral')
    return `${b.type} '${b.labels[0] ?? ''}'`;
  return `block '${b.type}'`;
}

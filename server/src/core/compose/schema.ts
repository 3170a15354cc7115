import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schema/ajv';
import type { JsonLoader, SchemaStore } from '../schema/store';

/**
 * The compose-spec validator (precompiled by the build when available, else compiled here), or
 * undefined when the schema is missing or broken.
 */
export function loadComposeValidator(load: JsonLoader, store?: SchemaStore): ValidateFunction | undefined {
  const precompiled = store?.precompiled('compose')?.['compose'];
  if (precompiled) return precompiled;
  const schema = load('compose/compose-spec.json');
  if (!schema || typeof schema !== 'object') return undefined;
  try {
    return createAjv().compile(schema as object);
  } catch {
    return undefined;
  }
}

import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schema/ajv';
import type { JsonLoader } from '../schema/store';

/** The compiled compose-spec validator, or undefined when the schema is missing or broken. */
export function loadComposeValidator(load: JsonLoader): ValidateFunction | undefined {
  const schema = load('compose/compose-spec.json');
  if (!schema || typeof schema !== 'object') return undefined;
  try {
    return createAjv().compile(schema as object);
  } catch {
    return undefined;
  }
}

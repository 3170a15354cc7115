import Ajv, { type CodeOptions } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * An ajv instance as the schema checks need it: every error (not just the first), `verbose` so
 * errors carry the failing data and parent schema (for messages and did-you-mean), and
 * `strict: false` because generated and third-party schemas use union types and unknown keywords.
 * `code` is for the build, which generates standalone validators with these same options.
 */
export function createAjv(code?: CodeOptions): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, code });
  addFormats(ajv);
  return ajv;
}

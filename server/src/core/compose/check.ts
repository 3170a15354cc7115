import type { Finding } from '../types';
import type { YamlFile } from '../yaml/yamlFile';

/** compose-spec schema checks. (Stub: filled in by the schema work.) */
export function checkCompose(_file: YamlFile): Finding[] {
  return [];
}

import type { Finding } from '../types';
import type { YamlFile } from '../yaml/yamlFile';

/** Schema checks of every Kubernetes object in the file. (Stub: filled in by the schema work.) */
export function checkKubernetes(_file: YamlFile): Finding[] {
  return [];
}

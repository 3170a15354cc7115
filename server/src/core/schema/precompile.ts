/**
 * Build-time only (bundled and run by scripts/build.mjs, never by the server): the standalone
 * code of the validators every process would otherwise compile on start-up (about 0.15 s for
 * Compose and 1 s for the common Kubernetes kinds), with the options of `createAjv`, so errors
 * are the same as those of run-time compilation (test/unit/precompiledValidators.test.ts).
 */
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { createAjv } from './ajv';
import type { JsonLoader } from './store';

/** The kinds most manifests use; others are compiled on first use, as before. */
export const COMMON_KINDS: readonly (readonly [apiVersion: string, kind: string])[] = [
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'ServiceAccount'],
  ['v1', 'Namespace'],
  ['v1', 'PersistentVolumeClaim'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
];

/** One module to write: ajv's standalone code, and which of its exports serves which key. */
export interface PrecompiledSource {
  name: string;
  code: string;
  /** Key the run time looks up (a schema ref, or `compose`) -> export name in `code`. */
  keys: Record<string, string>;
}

interface KubernetesIndex {
  files: string[];
  apiVersions: Record<string, { kinds: Record<string, string> }>;
}

export function precompiledSources(load: JsonLoader): PrecompiledSource[] {
  const out: PrecompiledSource[] = [];
  const compose = load('compose/compose-spec.json');
  if (compose && typeof compose === 'object') {
    const ajv = standaloneAjv();
    ajv.addSchema(compose as object, 'compose');
    out.push({ name: 'compose', code: standaloneCode(ajv, { v0: 'compose' }), keys: { compose: 'v0' } });
  }
  const index = load('kubernetes/index.json') as KubernetesIndex | undefined;
  if (index?.apiVersions) {
    const ajv = standaloneAjv();
    for (const f of index.files) {
      const schema = load(`kubernetes/${f}`);
      if (schema && typeof schema === 'object') ajv.addSchema(schema as object);
    }
    const exports: Record<string, string> = {};
    const keys: Record<string, string> = {};
    for (const [apiVersion, kind] of COMMON_KINDS) {
      const ref = index.apiVersions[apiVersion]?.kinds[kind];
      if (!ref || ref in keys) continue;
      const name = `v${Object.keys(keys).length}`;
      exports[name] = ref;
      keys[ref] = name;
    }
    out.push({ name: 'kubernetes', code: standaloneCode(ajv, exports), keys });
  }
  return out;
}

function standaloneAjv() {
  return createAjv({ source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` });
}

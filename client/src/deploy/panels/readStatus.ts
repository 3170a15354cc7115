/**
 * Reads the current status of a target in an environment through the real tools: kubectl get of
 * each workload, `docker compose ps`, terraform state resources and outputs (sensitive masked).
 * What could not be read becomes the record's `error` or `note`, never an exception.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposeBackend } from '../compose';
import type { KubernetesBackend } from '../kubernetes';
import { manifestDocs } from '../kubernetesDriver';
import { refText, type KubeObjectRef, type WorkloadStatus } from '../kubeStatus';
import type { TerraformBackend } from '../terraform';
import type { DeployTarget, Environment } from '../types';
import type { StatusRecord } from './rolloutNodes';

export interface StatusBackends {
  terraform: () => TerraformBackend;
  kubernetes: () => KubernetesBackend;
  compose: () => ComposeBackend;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** Workloads declared in a target's manifests (kustomize output is not rendered here). */
export function declaredWorkloads(target: DeployTarget): KubeObjectRef[] {
  if (target.kustomize) return [];
  return manifestDocs(target)
    .map((d) => d as { kind?: string; metadata?: { name?: string } } | null)
    .filter((d) => d && WORKLOAD_KINDS.has(d.kind ?? '') && d.metadata?.name)
    .map((d) => ({ resource: d!.kind!.toLowerCase(), name: d!.metadata!.name! }));
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type StatusFields = Pick<
  StatusRecord,
  'workloads' | 'services' | 'resources' | 'outputs' | 'note' | 'error'
>;

export async function readStatus(
  target: DeployTarget,
  env: Environment,
  b: StatusBackends,
  o: { signal?: AbortSignal; workloads?: KubeObjectRef[] } = {},
): Promise<StatusFields> {
  try {
    if (target.kind === 'terraform') {
      // A module of built-in resources only (terraform_data) has no .terraform folder after init:
      // a local state file says it was applied as well.
      const initialised = ['.terraform', 'terraform.tfstate', 'terraform.tfstate.d'].some((f) =>
        existsSync(join(target.dir, f)),
      );
      if (!initialised) return { note: 'not initialised: run Plan first', resources: [], outputs: [] };
      const tf = b.terraform();
      const resources = await tf.resources(target, env, { signal: o.signal });
      const outputs = await tf.outputs(target, env, { signal: o.signal });
      return { resources, outputs, note: resources.length === 0 ? 'nothing applied yet' : undefined };
    }
    if (target.kind === 'compose') {
      const services = await b.compose().ps(target, env, { signal: o.signal });
      return { services, note: services.length === 0 ? 'no containers: not deployed' : undefined };
    }
    const refs = o.workloads && o.workloads.length > 0 ? o.workloads : declaredWorkloads(target);
    if (refs.length === 0)
      return {
        workloads: [],
        note: target.kustomize
          ? 'kustomize: status shows the workloads of a deploy made in this session'
          : 'no Deployment, StatefulSet or DaemonSet in these manifests',
      };
    const kube = b.kubernetes();
    const workloads: WorkloadStatus[] = [];
    const missing: string[] = [];
    for (const r of refs) {
      try {
        workloads.push(await kube.status(r, env, { signal: o.signal }));
      } catch (e) {
        missing.push(`${refText(r)}: ${message(e)}`);
      }
    }
    return { workloads, error: missing.length > 0 ? missing.join('; ') : undefined };
  } catch (e) {
    return { error: message(e) };
  }
}

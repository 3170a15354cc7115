import type { TfModule } from '../terraform/model';
import type { Range } from '../types';
import type { YamlFile } from '../yaml/yamlFile';
import { locate, nodeRange } from '../yaml/yamlFile';
import { kubernetesObjectStart } from './symbols';

/** A lens above a deploy target; the client drops those whose command it has not registered. */
export interface LensData {
  range: Range;
  title: string;
  command: 'bulwark.plan' | 'bulwark.deploy' | 'bulwark.rolloutStatus';
  /** Path of the file (or folder, for Terraform) the command acts on. */
  target: string;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod']);

/** Deploy and Status above each workload of a manifest. */
export function kubernetesLenses(file: YamlFile, path: string): LensData[] {
  const out: LensData[] = [];
  for (const d of file.docs) {
    const v = d.value as { kind?: unknown } | undefined;
    if (!v || typeof v !== 'object' || typeof v.kind !== 'string' || !WORKLOADS.has(v.kind)) continue;
    const start = kubernetesObjectStart(file, d);
    if (!start) continue;
    const range = { start, end: start };
    out.push({ range, title: 'Deploy', command: 'bulwark.deploy', target: path });
    if (v.kind !== 'Job' && v.kind !== 'CronJob' && v.kind !== 'Pod')
      out.push({ range, title: 'Status', command: 'bulwark.rolloutStatus', target: path });
  }
  return out;
}

/** Deploy above a Compose project's `services:`. */
export function composeLenses(file: YamlFile, path: string): LensData[] {
  const d = file.docs[0];
  if (!d) return [];
  const loc = locate(d.doc, ['services']);
  const r = loc.found ? nodeRange(file, d, loc.key) : undefined;
  return r
    ? [{ range: { start: r.start, end: r.start }, title: 'Deploy', command: 'bulwark.deploy', target: path }]
    : [];
}

/**
 * Plan and Deploy above the first block of a root module (a folder that configures a provider or
 * a backend), in its first file only, so a folder shows one set of lenses.
 */
export function terraformLenses(module: TfModule, path: string): LensData[] {
  const blocks = module.files.flatMap((f) => f.blocks);
  const root = blocks.some(
    (b) =>
      b.type === 'provider' ||
      (b.type === 'terraform' && b.blocks.some((c) => c.type === 'backend' || c.type === 'cloud')),
  );
  const first = module.files.find((f) => f.blocks.length > 0);
  if (!root || first?.path !== path) return [];
  const r = first.blocks[0]!.range;
  const range = { start: r.start, end: r.start };
  return [
    { range, title: 'Plan', command: 'bulwark.plan', target: module.dir },
    { range, title: 'Deploy', command: 'bulwark.deploy', target: module.dir },
  ];
}

/**
 * The Targets panel: the current environment (click to switch), then the workspace's deploy
 * targets grouped by tool, each with its last plan for that environment. Pure.
 */
import { targetLabel } from '../targets';
import type { PlanCounts } from '../terraformPlan';
import type { DeployTarget, Environment, ToolKind } from '../types';
import { plural, type PanelNode } from './nodes';
import { countsBadge } from './planNodes';

const GROUPS: { kind: ToolKind; label: string; icon: string }[] = [
  { kind: 'terraform', label: 'Terraform', icon: 'cloud' },
  { kind: 'kubernetes', label: 'Kubernetes', icon: 'server-process' },
  { kind: 'compose', label: 'Compose', icon: 'package' },
];

export interface TargetsInput {
  targets: readonly DeployTarget[];
  environment?: Environment;
  /** The last plan's counts for (target id, current environment). */
  plannedCounts?: (target: string) => PlanCounts | undefined;
  selectEnvironmentCommand: string;
}

function describe(t: DeployTarget): string {
  if (t.kind === 'compose') return t.files.join(', ');
  if (t.kind === 'kubernetes')
    return t.kustomize ? 'kustomize (apply -k)' : plural(t.files.length, 'manifest');
  return 'root module';
}

export function targetNodes(input: TargetsInput): PanelNode[] {
  const env = input.environment;
  const out: PanelNode[] = [
    {
      id: 'environment',
      label: env ? `Environment: ${env.name}` : 'No environment: declare environments in .bulwark.yaml',
      description: env
        ? [env.protected ? 'protected' : '', env.autoRollback ? 'auto-rollback' : '']
            .filter(Boolean)
            .join(' · ')
        : undefined,
      icon: env?.protected ? 'lock' : 'server-environment',
      tone: env ? (env.protected ? 'warning' : 'info') : 'muted',
      contextValue: 'bulwark.environment',
      command: { command: input.selectEnvironmentCommand, title: 'Select Deploy Environment' },
    },
  ];
  for (const g of GROUPS) {
    const ts = input.targets.filter((t) => t.kind === g.kind);
    if (ts.length === 0) continue;
    out.push({
      id: `group:${g.kind}`,
      label: g.label,
      description: String(ts.length),
      icon: g.icon,
      expanded: true,
      children: ts.map((t) => {
        const counts = input.plannedCounts?.(t.id);
        const label = targetLabel(t).replace(/ \([^)]*\)$/, '');
        return {
          id: `target:${t.kind}:${t.id}`,
          label,
          description: counts ? `${describe(t)} · planned ${countsBadge(counts)}` : describe(t),
          tooltip: `${t.dir}${t.files.length > 0 ? `\n${t.files.join('\n')}` : ''}`,
          icon: g.icon,
          contextValue: `bulwark.target.${t.kind}`,
          target: t.id,
          environment: env?.name,
        };
      }),
    });
  }
  if (input.targets.length === 0)
    out.push({
      id: 'none',
      label: 'No Terraform, Compose or Kubernetes targets found',
      icon: 'info',
      tone: 'muted',
    });
  return out;
}

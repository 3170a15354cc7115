/** Shared shapes of the deploy engine: targets, environments, progress. */
import type { OutputSink } from './runner';

export type ToolKind = 'terraform' | 'kubernetes' | 'compose';

export interface DeployTarget {
  kind: ToolKind;
  /** Stable id, the workspace-relative path (used in plan/lock/audit names). */
  id: string;
  /** Absolute folder the tool runs in (terraform module, compose project folder, manifest folder). */
  dir: string;
  /** Files the tool is given: compose files (-f), manifest files or a kustomize folder (-f / -k). */
  files: string[];
  /** Kubernetes: the folder is a Kustomize folder (`apply -k`). */
  kustomize?: boolean;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface DeployWindow {
  days: Weekday[];
  /** 'HH:MM', local to timeZone. end < start means the window spans midnight. */
  start: string;
  end: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timeZone: string;
}

export interface Environment {
  name: string;
  protected: boolean;
  kube: { context?: string; namespace?: string };
  terraform: { workspace?: string; varFiles: string[] };
  compose: { project?: string; envFile?: string };
  windows: DeployWindow[];
  promotesFrom?: string;
  autoRollback: boolean;
}

export interface OperationOptions {
  sink?: OutputSink;
  signal?: AbortSignal;
}

/**
 * What the orchestrator needs from each tool, so one flow (plan, gates, confirm, apply, watch,
 * roll back, audit) serves terraform, kubectl and compose alike.
 */
import type { AuditRecord, AuditScope } from './audit';
import type { GitInfo } from './git';
import type { PlanCounts } from './terraformPlan';
import type { DeployTarget, Environment, OperationOptions, ToolKind } from './types';

export interface Preview {
  counts: PlanCounts;
  /** Overrides the counts sentence in the confirmation, e.g. compose "web: recreate". */
  changeText?: string;
  /** Names exactly what was reviewed (terraform: sha256 of the plan file). */
  planDigest?: string;
  details?: unknown;
}

export interface Applied {
  /** Tool-specific record of what was touched, handed back to watch and rollback. */
  handle: unknown;
  summary: string;
}

export interface WatchFailure {
  name: string;
  reason: string;
}

export interface WatchResult {
  ok: boolean;
  failures: WatchFailure[];
  details?: unknown;
}

export interface RollbackResult {
  /** False when the tool has no automatic rollback (terraform): `message` says what to do. */
  performed: boolean;
  ok: boolean;
  message: string;
}

export interface RollbackPath {
  available: boolean;
  message: string;
}

export interface DriverContext {
  /** Audit history, for the rollback path of tools that re-plan an earlier commit (terraform). */
  audit: readonly AuditRecord[];
}

/** The earlier commit a rollback plan returns to. */
export interface RollbackTo {
  commit: string;
  /** When it was last applied successfully. */
  appliedAt: string;
}

export interface DeployDriver {
  readonly kind: ToolKind;
  scope(target: DeployTarget, env: Environment): AuditScope;
  /** Plan for the Plan panel (also what the Plan command records). */
  plan(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview>;
  /** What deploy would do now; terraform: the saved plan, refused when stale. */
  preview(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview>;
  /** Workloads without health checks; `note` explains when it could not be checked. */
  healthCheckGaps(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions,
  ): Promise<{ missing: string[]; note?: string }>;
  rollbackPath(target: DeployTarget, env: Environment, ctx: DriverContext): Promise<RollbackPath>;
  apply(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Applied>;
  watch(target: DeployTarget, env: Environment, applied: Applied, o: OperationOptions): Promise<WatchResult>;
  /** Kubernetes honours `toRevision` (rollout undo --to-revision); the others ignore it. */
  rollback(
    target: DeployTarget,
    env: Environment,
    applied: Applied | undefined,
    o: OperationOptions & { toRevision?: number },
    ctx: DriverContext,
  ): Promise<RollbackResult>;
  /**
   * Tools without an undo (terraform): plan the last successfully applied earlier commit. Throws
   * `refused` with the reason when there is none or it cannot be reproduced.
   */
  planRollback?(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions,
    ctx: DriverContext & { head: GitInfo },
  ): Promise<Preview & { rollbackTo: RollbackTo }>;
  /** The saved plan is a rollback plan: deploying it is audited as a rollback. */
  pendingRollback?(target: DeployTarget, env: Environment): RollbackTo | undefined;
  /** Drops a rollback plan (and what it needs, e.g. a worktree) once its deploy has ended. */
  discardRollback?(target: DeployTarget, env: Environment): Promise<void>;
}

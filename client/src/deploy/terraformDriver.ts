/** Terraform in the deploy flow: the reviewed plan file is what gets applied; no automatic undo. */
import { lastSuccessfulDeploy, type AuditScope } from './audit';
import type {
  Applied,
  RollbackTo,
  DeployDriver,
  DriverContext,
  Preview,
  RollbackPath,
  RollbackResult,
  WatchResult,
} from './driver';
import type { GitInfo } from './git';
import type { TerraformBackend } from './terraform';
import { short } from './terraformRollback';
import type { DeployTarget, Environment, OperationOptions } from './types';

export class TerraformDriver implements DeployDriver {
  readonly kind = 'terraform' as const;
  constructor(readonly tf: TerraformBackend) {}

  scope(_t: DeployTarget, env: Environment): AuditScope {
    return { workspace: this.tf.workspaceOf(env) };
  }

  async plan(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Preview> {
    const r = await this.tf.plan(target, env, o);
    return { counts: r.summary.counts, planDigest: r.manifest.planDigest, details: r.summary };
  }

  async preview(target: DeployTarget, env: Environment): Promise<Preview> {
    const m = this.tf.checkPlan(target, env);
    return { counts: m.counts, planDigest: m.planDigest };
  }

  async healthCheckGaps(): Promise<{ missing: string[]; note?: string }> {
    return { missing: [], note: 'terraform has no workload health checks to verify' };
  }

  async rollbackPath(target: DeployTarget, env: Environment, ctx: DriverContext): Promise<RollbackPath> {
    const last = lastSuccessfulDeploy(ctx.audit, env.name, target.id);
    if (last?.git?.commit) {
      return {
        available: true,
        message: `re-plan commit ${last.git.commit.slice(0, 12)} (last successful apply)`,
      };
    }
    return {
      available: true,
      message: 'first recorded deploy: going back means planning a destroy or an earlier commit',
    };
  }

  async planRollback(
    target: DeployTarget,
    env: Environment,
    o: OperationOptions,
    ctx: DriverContext & { head: GitInfo },
  ): Promise<Preview & { rollbackTo: RollbackTo }> {
    const r = await this.tf.planRollback(target, env, ctx.audit, ctx.head, o);
    return {
      counts: r.summary.counts,
      planDigest: r.manifest.planDigest,
      details: r.summary,
      rollbackTo: { commit: r.rollback.commit, appliedAt: r.rollback.appliedAt },
    };
  }

  pendingRollback(target: DeployTarget, env: Environment): RollbackTo | undefined {
    const rb = this.tf.pendingRollback(target, env);
    return rb ? { commit: rb.commit, appliedAt: rb.appliedAt } : undefined;
  }

  async discardRollback(target: DeployTarget, env: Environment): Promise<void> {
    if (this.tf.pendingRollback(target, env)) await this.tf.discardPlan(target, env);
  }

  async apply(target: DeployTarget, env: Environment, o: OperationOptions): Promise<Applied> {
    const r = await this.tf.apply(target, env, o);
    return { handle: r, summary: `applied plan ${r.manifest.planDigest.slice(0, 12)}` };
  }

  async watch(): Promise<WatchResult> {
    return { ok: true, failures: [] }; // terraform apply returns only when done
  }

  async rollback(
    target: DeployTarget,
    env: Environment,
    _a: Applied | undefined,
    _o: OperationOptions,
    ctx: DriverContext,
  ): Promise<RollbackResult> {
    const last = lastSuccessfulDeploy(ctx.audit, env.name, target.id);
    const how = last?.git?.commit
      ? `plan a rollback (the configuration of an earlier successfully applied commit, such as ${short(last.git.commit)}), review it and deploy that plan`
      : `no successful apply to ${env.name} is recorded; plan the configuration you want to return to`;
    return { performed: false, ok: false, message: `Terraform cannot undo an apply: ${how}.` };
  }
}

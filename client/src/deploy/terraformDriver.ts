/** Terraform in the deploy flow: the reviewed plan file is what gets applied; no automatic undo. */
import { lastSuccessfulDeploy, type AuditScope } from './audit';
import type {
  Applied,
  DeployDriver,
  DriverContext,
  Preview,
  RollbackPath,
  RollbackResult,
  WatchResult,
} from './driver';
import type { TerraformBackend } from './terraform';
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
      ? `check out commit ${last.git.commit.slice(0, 12)} (the last successful apply to ${env.name}), plan it, review and deploy that plan`
      : `no successful apply to ${env.name} is recorded; plan the configuration you want to return to`;
    return { performed: false, ok: false, message: `Terraform cannot undo an apply: ${how}.` };
  }
}

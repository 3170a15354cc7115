/** Errors the deploy engine explains to the user instead of dumping tool output. */
export type DeployErrorCode =
  | 'stale-plan'
  | 'no-plan'
  | 'state-locked'
  | 'deploy-locked'
  | 'tool-failed'
  | 'cancelled'
  | 'timeout'
  | 'refused'
  | 'invalid-config'
  | 'rollout-failed';

export class DeployError extends Error {
  constructor(
    readonly code: DeployErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

export function isDeployError(e: unknown, code?: DeployErrorCode): e is DeployError {
  return e instanceof DeployError && (code === undefined || e.code === code);
}

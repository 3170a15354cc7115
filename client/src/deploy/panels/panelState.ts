/**
 * What the Plan and Rollout Status panels show, kept in memory for the session: the last plan and
 * the last status per target and environment. Listeners are told after each change (the views
 * refresh on it: no timers).
 */
import { planKey, type PlanRecord } from './planNodes';
import { statusKey, type StatusRecord } from './rolloutNodes';

export class PanelState {
  private readonly plans = new Map<string, PlanRecord>();
  private readonly statuses = new Map<string, StatusRecord>();
  private readonly listeners = new Set<(what: 'plan' | 'status') => void>();

  onChange(listener: (what: 'plan' | 'status') => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(what: 'plan' | 'status'): void {
    for (const l of [...this.listeners]) l(what);
  }

  setPlan(r: PlanRecord): void {
    this.plans.set(planKey(r.target, r.environment), r);
    this.fire('plan');
  }

  /** Plans read back from disk at activation; a plan made in this session wins. */
  restorePlans(records: readonly PlanRecord[]): void {
    let added = false;
    for (const r of records) {
      const key = planKey(r.target, r.environment);
      if (this.plans.has(key)) continue;
      this.plans.set(key, r);
      added = true;
    }
    if (added) this.fire('plan');
  }

  plan(target: string, environment: string): PlanRecord | undefined {
    return this.plans.get(planKey(target, environment));
  }

  allPlans(): PlanRecord[] {
    return [...this.plans.values()];
  }

  /** Merges into the status of (target, environment); a field left out keeps its value. */
  updateStatus(
    r: Pick<StatusRecord, 'target' | 'kind' | 'environment'> & Partial<StatusRecord>,
  ): StatusRecord {
    const key = statusKey(r.target, r.environment);
    const prev = this.statuses.get(key);
    const next: StatusRecord = { running: false, ...prev, time: new Date().toISOString(), ...r };
    this.statuses.set(key, next);
    this.fire('status');
    return next;
  }

  status(target: string, environment: string): StatusRecord | undefined {
    return this.statuses.get(statusKey(target, environment));
  }

  allStatuses(): StatusRecord[] {
    return [...this.statuses.values()];
  }
}

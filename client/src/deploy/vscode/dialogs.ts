/**
 * The questions a deploy asks: the modal confirmation naming target, environment, scope and
 * counts (with gate results), override reasons, the typed name of a protected environment, and the
 * rollback offer after a failed rollout. With `interactive: false` (tests) nothing is asked and
 * every answer is "no": a deploy is then refused, never confirmed.
 */
import * as vscode from 'vscode';
import type { ConfirmationAnswer, ConfirmationRequest, RollbackOffer } from '../orchestrator';

export async function askConfirmation(
  req: ConfirmationRequest,
  interactive: boolean,
): Promise<ConfirmationAnswer> {
  if (!interactive) return { confirmed: false };
  const gates = req.gates.map(
    (g) => `${g.ok ? '✓' : g.severity === 'warning' ? '⚠' : '✗'} ${g.id}: ${g.message}`,
  );
  const go = await vscode.window.showWarningMessage(
    req.text,
    { modal: true, detail: gates.join('\n') },
    'Deploy',
  );
  if (go !== 'Deploy') return { confirmed: false };
  const overrides: ConfirmationAnswer['overrides'] = [];
  for (const g of req.needsOverride) {
    const reason = await vscode.window.showInputBox({
      title: `Override "${g.id}"`,
      prompt: `${g.message}. Give a reason (recorded in the audit log) or press Escape to stop.`,
      ignoreFocusOut: true,
    });
    if (!reason) return { confirmed: false };
    overrides.push({ gate: g.id, reason });
  }
  let typedName: string | undefined;
  if (req.requiresTypedName) {
    typedName = await vscode.window.showInputBox({
      title: `${req.environment.name} is protected`,
      prompt: `Type "${req.environment.name}" to deploy ${req.target.id}`,
      ignoreFocusOut: true,
    });
    if (typedName === undefined) return { confirmed: false };
  }
  return { confirmed: true, overrides, typedName };
}

export async function askRollback(offer: RollbackOffer, interactive: boolean): Promise<boolean> {
  if (!interactive) return false;
  const why = offer.failures.map((f) => `${f.name}: ${f.reason}`).join('; ');
  const pick = await vscode.window.showErrorMessage(
    `Rollout of ${offer.target.id} to ${offer.environment.name} failed: ${why}`,
    'Roll back',
    'Leave it',
  );
  return pick === 'Roll back';
}

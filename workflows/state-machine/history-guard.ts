/**
 * The state machine's history guard (lifecycle.ts HISTORY_GUARD). Continue-as-new can only be
 * held back by an action that is not carried (carried-actions.ts), and while an action runs the
 * machine fires no transition — triggers are refused as "action running" and timeouts wait as
 * overdue — so the run adds little history of its own. Should the history still near
 * Temporal's limit (triggers keep arriving), the run parks: an incident on the current state
 * says so, where Temporal would otherwise terminate the instance. Once the action ends, the run
 * continues as new, and the new run starts without the incident.
 */
import type { Incident } from '../../src/engine/types';
import { historyGuardMessage, now } from '../lifecycle';

export class MachineHistoryGuard {
  private incident: Incident | undefined;

  get parked(): boolean {
    return this.incident !== undefined;
  }

  /** Parks the run with an incident on the machine's current state. */
  park(instanceId: string, state: string): void {
    if (this.incident) return;
    const id = `${instanceId}/history-guard`;
    this.incident = {
      id,
      elementId: state,
      flowElementInstanceId: id,
      message: historyGuardMessage('the instance continues as new when the running action ends'),
      kind: 'error',
      createdAt: new Date(now()).toISOString(),
    };
  }

  incidents(): Incident[] {
    return this.incident ? [this.incident] : [];
  }
}

/**
 * What a run signals to other workflows and must see delivered before it ends or continues as
 * new: escalations to the calling process (escalations.ts) and signal broadcasts to other
 * instances (broadcasts.ts). One object, so the driver waits for both in one place.
 */
import type { ProcessWorkflowInput } from '../messages';
import { type BroadcastSignal, SignalBroadcasts } from './broadcasts';
import { CallerEscalations } from './escalations';
import { crossInstanceEvents } from './revisions';

export class SentSignals {
  private readonly escalations: CallerEscalations;
  private readonly broadcasts: SignalBroadcasts;

  constructor(input: ProcessWorkflowInput) {
    this.escalations = new CallerEscalations(input.calledFrom);
    this.broadcasts = new SignalBroadcasts(crossInstanceEvents(input));
  }

  escalate(escalationCode: string): void {
    this.escalations.send(escalationCode);
  }

  broadcast(cmd: BroadcastSignal): void {
    this.broadcasts.send(cmd);
  }

  /** True while an escalation or a broadcast is on its way. */
  get inFlight(): boolean {
    return this.escalations.inFlight || this.broadcasts.inFlight;
  }

  /** Settles when everything sent so far was delivered; undefined when nothing is on its way. */
  delivered(): Promise<unknown> | undefined {
    const escalated = this.escalations.delivered();
    const broadcast = this.broadcasts.delivered();
    if (!escalated) return broadcast;
    return broadcast ? Promise.all([escalated, broadcast]) : escalated;
  }
}

/**
 * Signals thrown in this instance that go beyond it (BPMN 2.0 §10.5.2: a signal is broadcast to
 * every catcher, in any process instance). The engine has already delivered the signal inside
 * the instance and emits `broadcastSignal`; from driver revision 4 (`crossInstanceEvents`) the
 * driver runs the `waymark.broadcastSignal` activity on its own queue, which signals every
 * other running instance subscribed to the name and starts the definitions with a matching
 * signal start event. The key (a workflow uuid, replay-stable) makes a retried activity reach
 * each instance once and start each definition once. Older runs broadcast nothing, so their
 * histories replay unchanged.
 */
import { log, proxyActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { EngineCommand } from '../../src/engine/types';
import { INTERNAL_ACTIVITIES } from '../../src/model/task-types';
import type { SignalBroadcastInput, SignalBroadcastResult } from '../messages';

type BroadcastFn = (input: SignalBroadcastInput) => Promise<SignalBroadcastResult>;

const internal = proxyActivities<Record<string, BroadcastFn>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});

export type BroadcastSignal = Extract<EngineCommand, { type: 'broadcastSignal' }>;

/** The broadcasts this run started, tracked until they finished. */
export class SignalBroadcasts {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly enabled: boolean) {}

  /** Broadcasts the signal beyond the instance; nothing before revision 4. */
  send(cmd: BroadcastSignal): void {
    if (!this.enabled) return;
    const input: SignalBroadcastInput = {
      signalName: cmd.name,
      variables: cmd.variables,
      signalKey: uuid4(),
      excludeWorkflowId: workflowInfo().workflowId,
    };
    const sent: Promise<unknown> = internal[INTERNAL_ACTIVITIES.broadcastSignal](input)
      .catch((err: unknown) => log.warn('signal broadcast failed', { signal: cmd.name, err }))
      .finally(() => this.pending.delete(sent));
    this.pending.add(sent);
  }

  get inFlight(): boolean {
    return this.pending.size > 0;
  }

  /** Settles when every broadcast sent so far finished; undefined when none is on its way. */
  delivered(): Promise<unknown> | undefined {
    return this.pending.size > 0 ? Promise.all([...this.pending]) : undefined;
  }
}

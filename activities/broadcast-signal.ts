/**
 * `waymark.broadcastSignal`: a signal thrown by a signal throw or end event goes beyond its
 * instance (BPMN 2.0 §10.5.2) — to every other running instance subscribed to it and to the
 * definitions with a matching signal start event. The worker injects the broadcast (the same
 * one `POST /signals/broadcast` runs: src/api/signals/broadcast.ts); the driver calls it on its
 * own queue (workflows/process/broadcasts.ts). Retrying is safe: instances drop a repeated
 * signal key and starts are idempotent under it.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { SignalBroadcastInput, SignalBroadcastResult } from '../workflows/messages';

export type Broadcast = (input: SignalBroadcastInput) => Promise<SignalBroadcastResult>;

/** Builds the activity over a broadcast (without one, every call fails as not configured). */
export function createBroadcastSignal(broadcast: Broadcast | undefined) {
  return async function broadcastSignal(
    input: SignalBroadcastInput,
  ): Promise<SignalBroadcastResult> {
    if (!broadcast)
      throw ApplicationFailure.nonRetryable(
        `signal '${input.signalName}': this worker cannot broadcast signals`,
        'BroadcastNotConfigured',
      );
    return broadcast(input);
  };
}

/**
 * A signal broadcast across instances (BPMN 2.0 §10.5.2 "Signal": one thrower, every catcher),
 * shared by `POST /signals/broadcast` (API process) and the `waymark.broadcastSignal` activity
 * (worker, for signal throw and end events). It has two halves:
 *
 * 1. Reach the waiting instances: a visibility query `WaymarkSignals = '<name>' AND
 *    ExecutionStatus = 'Running'` (each revision-4 instance publishes the names of its open
 *    signal subscriptions), paged, and a `signalEvent` signal to each, a few at a time. The
 *    instance delivers it to every open subscription of the name, and drops a repeated key.
 * 2. Start the definitions that start by this signal: for every enabled BPMN definition whose
 *    latest deployed version has a process-level signal start event of the name, one instance
 *    begins there (`startAt`) through the one start path, with the signal's variables. The
 *    workflow id is derived from the signal key (an idempotency key of caller `signal`), so a
 *    retried broadcast starts no second instance.
 *
 * Visibility is eventually consistent: an instance whose subscription was indexed before the
 * query is reached once; one that subscribes after, or whose upsert is not yet indexed, is
 * not — a broadcast is not buffered (the BPMN semantics of a signal).
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { eventStartTargets, type EventStartTarget } from '../event-starts';
import {
  signalEventSignal,
  type SignalBroadcastInput,
  type SignalBroadcastResult,
} from '../../../workflows/messages';
import type { ApiDeps } from '../deps';
import { literal } from '../temporal-views';
import { startKindOf } from '../start/start-kinds';
import { startWorkflow } from '../start/start-workflow';

/** Instances signalled at once. */
export const BROADCAST_CONCURRENCY = 16;
/** Executions fetched per visibility page. */
const PAGE_SIZE = 200;

/** The visibility query for the running instances subscribed to `signalName`. */
export function waitingQuery(signalName: string): string {
  return `WaymarkSignals = ${literal(signalName)} AND ExecutionStatus = "Running"`;
}

/** Broadcasts a signal: signals every waiting instance, then starts the signal-started ones. */
export async function broadcastSignal(
  deps: ApiDeps,
  input: SignalBroadcastInput,
): Promise<SignalBroadcastResult> {
  const reached = await signalWaiting(deps.temporal.client, input);
  const started = await startBySignal(deps, input);
  return { signalKey: input.signalKey, reached, started };
}

async function signalWaiting(client: Client, input: SignalBroadcastInput): Promise<number> {
  const payload = {
    signalKey: input.signalKey,
    name: input.signalName,
    ...(input.variables !== undefined ? { variables: input.variables } : {}),
  };
  let reached = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const send = (id: string) => {
    const sent: Promise<void> = client.workflow
      .getHandle(id)
      .signal(signalEventSignal, payload)
      .then(
        () => void (reached += 1),
        (err: unknown) => {
          // Ended since the query: not reached. Any other fault fails the broadcast once all
          // are sent; a retry is safe (instances drop the repeated key).
          if (!(err instanceof WorkflowNotFoundError)) failure ??= err;
        },
      )
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };
  const seen = new Set<string>();
  for await (const execution of client.workflow.list({
    query: waitingQuery(input.signalName),
    pageSize: PAGE_SIZE,
  })) {
    const id = execution.workflowId;
    if (id === input.excludeWorkflowId || seen.has(id)) continue;
    seen.add(id);
    send(id);
    if (inFlight.size >= BROADCAST_CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return reached;
}

async function startBySignal(deps: ApiDeps, input: SignalBroadcastInput): Promise<number> {
  const targets = await eventStartTargets(deps, 'signal', input.signalName);
  let started = 0;
  for (const target of targets) {
    try {
      await startOne(deps, target, input);
      started += 1;
    } catch (err) {
      // One definition that cannot start (mandatory variables, payload budget) does not stop
      // the broadcast; the others still start.
      deps.logger.warn(
        { err, definition: target.def.key, signal: input.signalName },
        'signal start failed',
      );
    }
  }
  return started;
}

async function startOne(
  deps: ApiDeps,
  { def, version, elementId: startAt }: EventStartTarget,
  input: SignalBroadcastInput,
): Promise<void> {
  const variables = input.variables ?? {};
  startKindOf(def).checkVariables(version, variables, 'variables');
  await startWorkflow(deps, {
    def,
    idempotency: { key: input.signalKey, caller: 'signal', requestHash: input.signalKey },
    async plan() {
      return { version, variables, startAt };
    },
  });
}

/**
 * Message start events (BPMN 2.0 §10.5.2; Camunda 8's rules): a publication starts one
 * instance of every enabled definition whose latest deployed version has a message start event
 * for its name, at that start event, with the message's variables. With a correlation key the
 * instance's workflow id is `<key>:<correlationKey>` (the key is its business key too), so no
 * second instance starts while one started by the same key runs; that publication does not
 * start one then (it is still delivered to subscriptions and buffered by its time to live);
 * once that instance ends, the oldest such buffered publication starts the next one, as in
 * Camunda 8 (workflows/process/key-release.ts, workflows/mailbox).
 *
 * A `startKey` (a thrown message: the thrower's run and element instance) makes the starts
 * idempotent per definition: a retried throw answers with the instances the first attempt
 * started instead of starting more.
 */
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import { eventStartTargets } from './event-starts';
import { startWorkflow } from './start/start-workflow';

export interface StartedByMessage {
  instanceId: string;
  definitionKey: string;
  elementId: string;
}

/** Starts an instance per matching definition; those a running one holds by key are skipped. */
export async function startByMessage(
  deps: ApiDeps,
  message: {
    name: string;
    correlationKey?: string;
    variables: Record<string, unknown>;
    startKey?: string;
    /** The publication; a keyed instance it starts remembers it (`startedByMessage`). */
    messageKey?: string;
    /** Only this definition (a buffered publication after the key's holder ended). */
    definitionKey?: string;
  },
): Promise<StartedByMessage[]> {
  const started: StartedByMessage[] = [];
  const targets = (await eventStartTargets(deps, 'message', message.name)).filter(
    ({ def }) => message.definitionKey === undefined || def.key === message.definitionKey,
  );
  const { messageKey } = message;
  for (const { def, version, elementId } of targets) {
    try {
      const { startKey } = message;
      const { response } = await startWorkflow(deps, {
        def,
        ...(startKey !== undefined
          ? { idempotency: { key: startKey, caller: 'message', requestHash: startKey } }
          : {}),
        plan: async () => ({
          version,
          variables: message.variables,
          startAt: elementId,
          ...(message.correlationKey !== undefined ? { businessKey: message.correlationKey } : {}),
          ...(messageKey !== undefined ? { startedByMessage: messageKey } : {}),
        }),
      });
      started.push({ instanceId: response.instanceId, definitionKey: def.key, elementId });
    } catch (err) {
      // An instance started by the same correlation key is still running: not another one.
      if (!(err instanceof HttpProblem && err.status === 409)) throw err;
    }
  }
  return started;
}

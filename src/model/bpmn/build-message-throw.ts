/**
 * Message throw events, message end events and send tasks (BPMN 2.0 §10.5.2 "Message", §10.3.3
 * "Send Task"). With a `zeebe:taskDefinition` they are jobs of its type, as in Camunda 8. Without
 * one, Waymark publishes the message itself: a job of the internal type `waymark.publishMessage`
 * (activities/mailbox.ts) whose headers name the message, carry its correlation key (the
 * message's `zeebe:subscription correlationKey`, evaluated in the throwing instance as a `${…}`
 * template) and any `timeToLive` / `messageId` task headers; the message's variables are the
 * element's `zeebe:input` mappings. The token moves on once the message is published.
 */
import { INTERNAL_ACTIVITIES } from '../task-types';
import { eventDefinitionOf } from './elements';
import type { ElementIR, MessageDef, PassThroughTaskIR } from './ir';
import type { Located } from './model';
import { extension, taskHeaders } from './zeebe';

/** Attempts of the built-in publication before an incident. */
const PUBLISH_RETRIES = 3;

/** Whether the element publishes through Waymark (no task definition of its own). */
export function publishesItself(node: Located): boolean {
  return !extension(node.element, 'zeebe:TaskDefinition')?.type?.trim();
}

/** The built-in publication job of a message throw/end event or send task without a type. */
export function messagePublication(
  node: Located,
  base: Omit<PassThroughTaskIR, 'type'>,
  readMessage: (message: Located['element'] | undefined) => MessageDef,
): ElementIR {
  const el = node.element;
  const message = el.$type === 'bpmn:SendTask' ? el.messageRef : eventDefinitionOf(el)?.messageRef;
  const def = readMessage(message);
  return {
    ...base,
    type: 'sendTask',
    taskType: INTERNAL_ACTIVITIES.publishMessage,
    retries: PUBLISH_RETRIES,
    headers: {
      ...taskHeaders(el),
      messageName: def.name,
      ...(def.correlationKey !== undefined ? { correlationKey: `\${${def.correlationKey}}` } : {}),
    },
  };
}

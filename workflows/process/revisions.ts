/**
 * What the BPMN driver does differently for instances started by older code, in one place. A
 * change in what the driver does for running instances keys on what the run started with —
 * the driver revision in its input (`DRIVER_REVISION`, messages.ts) or the search attributes it
 * started with — rather than on `patched()`, whose marker would add a history event to every
 * instance. Each switch stays for as long as instances started under the older rule can run;
 * the recorded histories (test/fixtures/histories) pin them.
 */
import type { TypedSearchAttributes } from '@temporalio/common';
import { WaymarkActiveElements, WaymarkIncident } from '../../src/temporal/search-attributes';
import type { ProcessWorkflowInput } from '../messages';
import { attributesKey } from './inspection';

/**
 * Whether every service task runs in a cancellation scope of its own: under revision 1, and for
 * actions that fail at an incident (which cancels all work). From revision 2 only tasks the
 * engine may interrupt get one (`engine.isInterruptible`): a scope costs more worker CPU than
 * the activity call.
 */
export function scopeEveryTask(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) < 2 || input.failOnIncident === true;
}

/**
 * Whether a task type with no built-in handler and no `taskQueue` header runs on the queue its
 * type names (revision 3, task-queues.ts). Older runs schedule it on the default queue.
 */
export function queuesByConvention(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 3;
}

/** Whether the run publishes `WaymarkUserTaskDue` (revision 3, due-dates.ts). */
export function publishesUserTaskDue(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 3;
}

/** How this run publishes its search attributes. */
export interface PublishRules {
  /** Key (`attributesKey`) of the attributes the run started with; '' when it had none. */
  published: string;
  /** The older rule, for runs started without the attributes: timer waits are listed. */
  listTimers: boolean;
}

/**
 * A fresh run follows the current rules when it started with `WaymarkIncident` set (older code
 * never set it at start); a continuation when this code continued it (`publishedAtStart`).
 * A continuation by older code also carries the attributes (continue-as-new carries them over),
 * but that code upserted at once and listed timers, so it keeps those rules.
 */
export function publishRules(
  input: ProcessWorkflowInput,
  attributes: TypedSearchAttributes,
): PublishRules {
  const incident = attributes.get(WaymarkIncident);
  const current = input.resume ? input.publishedAtStart === true : incident !== undefined;
  if (!current) return { published: '', listTimers: true };
  if (incident === undefined) return { published: '', listTimers: false };
  const waiting = [...(attributes.get(WaymarkActiveElements) ?? [])].sort();
  return { published: attributesKey(waiting, incident), listTimers: false };
}

/**
 * Whether a task result that is a list or a scalar is an incident (revision 3 on); before, it
 * became no variables, and instances started then keep that so their histories replay.
 */
export function refuseNonObjectResults(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 3;
}

/**
 * Revision 4: messages and signals cross instances — keyed message subscriptions register with
 * their mailbox, message throw events publish, signal subscriptions are published
 * (`WaymarkSignals`) and signal throw events broadcast beyond the instance.
 */
export function crossInstanceEvents(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 4;
}

/**
 * Revision 5: built-in task types that end in bounded time run as local activities unless a
 * task header or the configured default says `remote` (activity-mode.ts). Older runs keep
 * scheduling regular activities, so their histories replay.
 */
export function localBuiltinTasks(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 5;
}

/**
 * Revision 6: a call activity's `childDone` signal settles it in the run that started the child
 * too, so a continue-as-new that the signal itself makes due cannot lose the outcome
 * (child-ledger.ts). Older runs take the outcome from the child's result.
 */
export function ownChildrenBySignal(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 6;
}

/**
 * Revision 7: an instance holding a correlation key for its definition's message starts tells
 * the key's mailboxes when it ends (key-release.ts). Older runs end without a word.
 */
export function releasesMessageKey(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= 7;
}

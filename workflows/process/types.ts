/**
 * The BPMN driver's own types: the engine commands it carries out, and the face a running
 * process shows its message handlers (handlers.ts, callback-handlers.ts) — they see the state
 * and feed events in, nothing else of the driver.
 */
import type { MailboxLink } from './mailbox-link';
import type { EngineCommand, EngineEvent, EngineState } from '../../src/engine/types';
import type { ChildDoneInput, InstanceView } from '../messages';

export type ScheduleTask = Extract<EngineCommand, { type: 'scheduleTask' }>;
export type StartChild = Extract<EngineCommand, { type: 'startChild' }>;

/** A running process as its handlers see it. */
export interface RunningProcess {
  /** The engine state now (handlers validate against it). */
  readonly state: EngineState;
  /** Feeds one event to the engine and carries out the commands it returns. */
  dispatch(event: EngineEvent): void;
  /** The instance as the `instance` query answers it. */
  view(): InstanceView;
  /** Revision 4: the instance's link to the mailboxes of its keyed message subscriptions. */
  readonly mailboxes?: MailboxLink;
  /** A carried call-activity child ended (revision 3; carried-children.ts). */
  childDone?(done: ChildDoneInput): void;
}

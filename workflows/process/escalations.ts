/**
 * Escalations a child process passes to its caller (BPMN 2.0 §10.5.4: an escalation not
 * caught in a called process reaches the call activity). The engine emits `escalate` for an
 * escalation nothing in the instance caught; an instance a call activity started
 * (`calledFrom` in its input) signals it to the parent workflow (`escalationSignal`, by
 * workflow id). The run waits for the signals it sent before it ends or continues as new, so
 * the parent sees the escalation before the child's completion.
 */
import { getExternalWorkflowHandle, workflowInfo } from '@temporalio/workflow';
import { escalationSignal } from '../messages';

export class CallerEscalations {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly calledFrom: string | undefined) {}

  /** Signals the escalation to the calling workflow; nothing when no call activity started this one. */
  send(escalationCode: string): void {
    const parent = workflowInfo().parent;
    if (this.calledFrom === undefined || !parent) return;
    const sent: Promise<unknown> = getExternalWorkflowHandle(parent.workflowId)
      .signal(escalationSignal, { flowElementInstanceId: this.calledFrom, escalationCode })
      .catch(() => undefined) // the caller is gone: nobody to tell
      .finally(() => this.pending.delete(sent));
    this.pending.add(sent);
  }

  /** True while a signal is on its way. */
  get inFlight(): boolean {
    return this.pending.size > 0;
  }

  /** Settles when every signal sent so far was delivered; undefined when none is on its way. */
  delivered(): Promise<unknown> | undefined {
    return this.pending.size > 0 ? Promise.all([...this.pending]) : undefined;
  }
}

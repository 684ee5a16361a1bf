/**
 * The BPMN driver's ledger of call-activity children that continue-as-new carries over
 * (carried-children.ts): those this run started (their results come back to this run) and
 * those it inherited from the run before (their outcomes arrive as `childDone` signals).
 */
import type { ChildDoneInput } from '../messages';
import { cancelCarriedChild } from './carried-children';

export class ChildLedger {
  /** Children this run started and that still run: feiId → child workflow id. */
  private readonly own = new Map<string, string>();
  /** Children inherited from the previous run: feiId → child workflow id. */
  private readonly inherited: Map<string, string>;

  /** Cancel requests on their way (kept only when `awaitCancels`, revision 4). */
  private readonly cancelling = new Set<Promise<void>>();
  /** Children this run started whose `childDone` signal settled them before their result came. */
  private readonly signalled = new Set<string>();

  /**
   * `awaitCancels` (revision 4): the run waits for its cancel requests before it ends —
   * Temporal drops a closed workflow's pending requests, and the child would run on.
   */
  /**
   * `ownBySignal` (revision 6): a `childDone` signal settles a child this run started too. The
   * child signals before it completes, and a run that continued as new in between (the signal
   * itself can make continue-as-new due) would hand the child over as still running to a run
   * that never hears from it again.
   */
  constructor(
    carried: Record<string, string> | undefined,
    private readonly awaitCancels = false,
    private readonly ownBySignal = false,
  ) {
    this.inherited = new Map(Object.entries(carried ?? {}));
  }

  /** Settles once every cancel request was delivered; undefined when none is on its way. */
  cancelsDelivered(): Promise<unknown> | undefined {
    return this.cancelling.size > 0 ? Promise.all([...this.cancelling]) : undefined;
  }

  /** A child this run started is running under `workflowId`. */
  started(feiId: string, workflowId: string): void {
    this.own.set(feiId, workflowId);
  }

  /** Whether `feiId` is a child this run started or inherited and that still runs. */
  holds(feiId: string): boolean {
    return this.own.has(feiId) || this.inherited.has(feiId);
  }

  private takeOwn(done: ChildDoneInput): boolean {
    if (this.own.get(done.feiId) !== done.childWorkflowId) return false;
    this.own.delete(done.feiId);
    this.signalled.add(done.feiId);
    return true;
  }

  /**
   * A child this run started has ended (or was cancelled): true when its outcome is still to be
   * taken, false when its `childDone` signal already settled it.
   */
  settled(feiId: string): boolean {
    this.own.delete(feiId);
    return !this.signalled.delete(feiId);
  }

  /** True when `done` settles a child of this run (then forgotten); false for anything else. */
  takeSignalled(done: ChildDoneInput): boolean {
    return this.takeInherited(done) || (this.ownBySignal && this.takeOwn(done));
  }

  /** How many children this run started are running (they do not hold continue-as-new). */
  get running(): number {
    return this.own.size;
  }

  private takeInherited(done: ChildDoneInput): boolean {
    if (this.inherited.get(done.feiId) !== done.childWorkflowId) return false;
    this.inherited.delete(done.feiId);
    return true;
  }

  /**
   * Cancels a child whose call activity was interrupted: an inherited one, and one this run
   * started too (its scope's cancellation does not reach an abandoned child while it waits
   * for an escalation to be delivered; an explicit request always does).
   */
  cancel(feiId: string): void {
    const workflowId = this.inherited.get(feiId) ?? this.own.get(feiId);
    if (workflowId === undefined) return;
    this.inherited.delete(feiId);
    const request = cancelCarriedChild(workflowId);
    if (!this.awaitCancels) return;
    this.cancelling.add(request);
    void request.then(() => this.cancelling.delete(request));
  }

  /** Every child still running, for the next run. */
  handOver(): Record<string, string> {
    return Object.fromEntries([...this.inherited, ...this.own]);
  }
}

/**
 * The drivers' bookkeeping of work in flight — activities, child workflows, timers — by id: each
 * runs in a cancellation scope of its own (or, a BPMN service task nothing can interrupt, in the
 * root scope), and its outcome is handed on only while it is still the work kept under its id.
 * Outcomes of work cancelled meanwhile are dropped: the engine has moved on.
 */
import { CancellationScope, isCancellation } from '@temporalio/workflow';

/** Work in flight: in its own cancellation scope, or (a service task that cannot be interrupted) not. */
export type Tracked = CancellationScope | { readonly unscoped: true };

/** Work in flight, by id (feiId, timer id, action id). */
export class Tracker {
  private readonly entries = new Map<string, Tracked>();

  /** How much work is in flight. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Keeps `entry` under `id` until `outcome` settles, then hands its value to `settled` — in
   * the same reaction, so no extra promise hop delays it. A rejection other than a
   * cancellation is rethrown (it fails the workflow task, as a fault in workflow code should).
   */
  settle<T>(id: string, entry: Tracked, outcome: Promise<T>, settled: (value: T) => void): void {
    this.entries.set(id, entry);
    void outcome.then(
      (value) => {
        if (this.entries.get(id) !== entry) return;
        this.entries.delete(id);
        settled(value);
      },
      (err: unknown) => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
        if (!isCancellation(err)) throw err;
      },
    );
  }

  /** Runs `start` in a fresh cancellation scope kept under `id` (`settle`). */
  track<T>(
    id: string,
    start: (scope: CancellationScope) => Promise<T>,
    settled: (value: T) => void,
  ): void {
    const scope = new CancellationScope();
    this.settle(id, scope, start(scope), settled);
  }

  /** Forgets `id` and cancels its scope; unscoped work is left to the workflow's cancellation. */
  cancel(id: string): void {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (entry instanceof CancellationScope) entry.cancel();
  }

  /** Cancels everything in flight, oldest first, and forgets it. */
  cancelAll(): void {
    for (const id of [...this.entries.keys()]) this.cancel(id);
  }

  /**
   * Cancels every scope in flight, oldest first, but keeps the entries: an outcome that still
   * arrives is handed on (the state machine's way on cancellation and continue-as-new).
   */
  cancelScopes(): void {
    for (const entry of [...this.entries.values()])
      if (entry instanceof CancellationScope) entry.cancel();
  }
}

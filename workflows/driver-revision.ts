/**
 * The driver revision new process instances start under (`ProcessWorkflowInput.revision`).
 * A change to what the driver does for running instances keys on it, the way `patched()` would,
 * without the marker event `patched()` adds to every new history (Waymark keeps histories the
 * size of hand-written ones). Every revision's behaviour stays, for the instances started
 * under it, until none can be running.
 *
 * - 1 (absent): every service task runs in a cancellation scope of its own.
 * - 2: only service tasks the engine may interrupt do (`engine.isInterruptible`); the rest are
 *   cancelled with the workflow. A scope costs more worker CPU than the activity call.
 * - 3: a service task type with no built-in handler and no `taskQueue` header runs on the
 *   task queue `taskQueues[type]`, else the queue named exactly as the type (job workers by
 *   convention, workflows/process/task-queues.ts); before, it ran on the default queue. The
 *   search attribute `WaymarkUserTaskDue` (earliest open user-task due date) is published. A
 *   task whose activity returns a list or a scalar is an incident saying what it returned
 *   (before: its result silently became no variables). Continue-as-new passes the IR by
 *   reference (`ProcessContinuation.irRef`, loaded by the next run; workflows/process/ir-ref.ts)
 *   instead of in every run's input, and call-activity children are carried across it.
 * - 4: messages and signals cross instances (issue 15): a message subscription with a
 *   correlation key registers with its mailbox workflow (workflows/mailbox), message throw
 *   events publish, signal subscriptions are published in the search attribute
 *   `WaymarkSignals` and signal throw events broadcast to other instances.
 * - 5: built-in task types that end in bounded time (noop, echo, bpmn-error, fail, http, a
 *   business rule task's decision) run as Temporal local activities — a marker in history
 *   instead of an activity's scheduled / started / completed events — unless the task header
 *   `waymark.activityMode` or `builtinActivityMode` says `remote` (src/model/activity-mode.ts).
 * - 6: a call activity's `childDone` signal settles it in the run that started the child too
 *   (process/child-ledger.ts); state machines carry their BPMN actions across continue-as-new
 *   (state-machine/carried-actions.ts).
 * - 7: an instance holding a correlation key for its definition's message start events tells
 *   the key's mailboxes when it ends, so a publication buffered meanwhile starts the next
 *   instance (process/key-release.ts).
 */
export const DRIVER_REVISION = 7;

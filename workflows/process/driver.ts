/**
 * The BPMN driver: the engine state of one process instance and the work in flight for it. It
 * feeds events to the engine reducer (`dispatch`), carries out the commands the reducer returns
 * (`execute`: activities, durable timers, child workflows, each tracked by id until its outcome
 * comes back as the next event, stamped with workflow time) and publishes after every step.
 * Once continue-as-new is due it holds back new activities and children until the work in
 * flight drains, and hands the state (with what it held back) to the next run. index.ts wires
 * it to its handlers and waits; element semantics live in `src/engine`.
 */
import { allHandlersFinished, ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import * as engine from '../../src/engine';
import type { EngineCommand, EngineEvent, EngineState, Variables } from '../../src/engine/types';
import { continueAsNewDue, historyGuardMessage, now, startTimer } from '../lifecycle';
import type {
  ChildDoneInput,
  InstanceView,
  ProcessContinuation,
  ProcessWorkflowInput,
} from '../messages';
import { Tracker } from '../tracker';
import {
  scheduleTaskActivity,
  childProcessEvent,
  startTask,
  taskFailure,
  taskResult,
} from './commands';
import { SentSignals } from './sent-signals';
import { INTEGRATION_TASK_TYPE, runIntegrationTask } from './integration-task';
import { ProcessPublisher } from './publishing';
import {
  crossInstanceEvents,
  ownChildrenBySignal,
  refuseNonObjectResults,
  scopeEveryTask,
} from './revisions';
import { routeTask } from './task-queues';
import { runsLocally } from './task-mode';
import { handOverProblem, payloadLimit, taskInputProblem, viewWithinBudget } from './budget';
import { continuation } from './ir-ref';
import { carriesChildren, childEvent, runCarriedChild } from './carried-children';
import { ChildLedger } from './child-ledger';
import { raiseInstanceIncident } from '../../src/engine/instance-incident';
import type { RunningProcess, ScheduleTask, StartChild } from './types';

/** How a run ended: its result, or the failure to end it with. */
export type Conclusion =
  { ok: true; result: Variables } | { ok: false; failure: ApplicationFailure };

/** One process instance's run: its engine state, its work in flight, what it publishes. */
export class ProcessDriver implements RunningProcess {
  private readonly publisher: ProcessPublisher;
  /** Activities and child workflows in flight, by feiId. */
  private readonly work = new Tracker();
  private readonly timers = new Tracker();
  private readonly sent: SentSignals;
  private readonly scopeEveryTask: boolean;
  /** Revision 3 on: list or scalar task results are incidents (revisions.ts). */
  private readonly strictResults: boolean;
  private readonly generation: number;
  private readonly workflowId: string;
  /**
   * Set once continue-as-new is due: new activities and children are held back (not started)
   * until the work in flight drains, then carried into the next run, which starts them. In a
   * chain of tasks there is otherwise never a moment with no work in flight.
   */
  private draining = false;
  private deferred: EngineCommand[] = [];
  /** Set by the history guard (`park`): nothing new starts. */
  private parked = false;
  /** Revision 3: call activities carried across continue-as-new (carried-children.ts). */
  private readonly carry: boolean;
  private readonly children: ChildLedger;

  private constructor(
    private readonly input: ProcessWorkflowInput,
    readonly state: EngineState,
    publisher: ProcessPublisher,
  ) {
    this.publisher = publisher;
    this.sent = new SentSignals(input);
    this.scopeEveryTask = scopeEveryTask(input);
    this.strictResults = refuseNonObjectResults(input);
    this.generation = input.generation ?? 0;
    this.workflowId = workflowInfo().workflowId;
    this.carry = carriesChildren(input);
    this.children = new ChildLedger(
      input.carriedChildren,
      crossInstanceEvents(input),
      ownChildrenBySignal(input),
    );
  }

  /**
   * Starts the instance, or resumes it after continue-as-new (held-back work first, then the
   * pending timers re-armed from their due times). The state is built synchronously, before
   * any handler can run.
   */
  static start(input: ProcessWorkflowInput): ProcessDriver {
    const info = workflowInfo();
    const publisher = new ProcessPublisher(input, info.typedSearchAttributes);
    if (input.resume) {
      const driver = new ProcessDriver(input, input.resume, publisher);
      for (const cmd of input.deferred ?? []) driver.execute(cmd);
      for (const timer of Object.values(driver.state.timers)) {
        driver.execute({
          type: 'startTimer',
          timerId: timer.id,
          elementId: timer.elementId,
          dueAt: timer.dueAt,
        });
      }
      publisher.publish(driver.state);
      return driver;
    }
    const started = engine.startInstance(input.ir, {
      instanceId: info.workflowId,
      variables: input.variables,
      now: now(),
      ...(input.startAt !== undefined ? { startAt: input.startAt } : {}),
    });
    const driver = new ProcessDriver(input, started.state, publisher);
    driver.run(started.commands);
    return driver;
  }

  get mailboxes() {
    return this.publisher.mailboxes;
  }
  /** Feeds one event to the engine and carries out the commands it returns. */
  dispatch(event: EngineEvent): void {
    this.run(engine.step(this.input.ir, this.state, event).commands);
  }

  private run(commands: EngineCommand[]): void {
    for (const cmd of commands) this.execute(cmd);
    this.publisher.publish(this.state);
  }

  /** Feeds the events an outcome settled with to the engine, in order. */
  private readonly dispatchAll = (events: EngineEvent | EngineEvent[]): void => {
    for (const e of Array.isArray(events) ? events : [events]) this.dispatch(e);
  };

  private execute(cmd: EngineCommand): void {
    const held = cmd.type === 'scheduleTask' || (cmd.type === 'startChild' && !this.carry);
    const starts = cmd.type === 'scheduleTask' || cmd.type === 'startChild';
    if ((this.parked && (starts || cmd.type === 'startTimer')) || (this.draining && held)) {
      this.deferred.push(cmd);
      return;
    }
    switch (cmd.type) {
      case 'scheduleTask':
        this.scheduleTask(routeTask(cmd, this.input));
        return;
      case 'startChild':
        if (this.carry) return this.startCarriedChild(cmd);
        this.work.track(
          cmd.feiId,
          (scope) => childProcessEvent(scope, cmd, this.input),
          this.dispatchAll,
        );
        return;
      case 'startTimer':
        this.timers.track(
          cmd.timerId,
          (scope) =>
            startTimer(scope, cmd.dueAt - now(), cmd.name ?? cmd.elementId).then(
              (): EngineEvent => ({ type: 'timerFired', timerId: cmd.timerId, now: now() }),
            ),
          this.dispatchAll,
        );
        return;
      case 'cancelTimer':
        this.timers.cancel(cmd.timerId);
        return;
      case 'cancelWork':
        this.deferred = this.deferred.filter((d) => !('feiId' in d) || d.feiId !== cmd.feiId);
        this.work.cancel(cmd.feiId);
        this.children.cancel(cmd.feiId);
        this.children.settled(cmd.feiId);
        return;
      case 'escalate':
        this.sent.escalate(cmd.escalationCode);
        return;
      case 'broadcastSignal':
        return this.sent.broadcast(cmd);
      case 'complete':
      case 'fail':
        return; // the main loop sees the status change
    }
  }

  /** An integration child, a task in a scope of its own, or one in the root scope (revisions.ts). */
  private scheduleTask(cmd: ScheduleTask): void {
    const tooBig = taskInputProblem(cmd, payloadLimit(this.input));
    if (tooBig !== undefined) {
      this.refuse(cmd.feiId, { type: 'taskFailed', feiId: cmd.feiId, message: tooBig, now: now() });
      return;
    }
    if (cmd.taskType === INTEGRATION_TASK_TYPE) {
      this.work.track(
        cmd.feiId,
        (scope) => runIntegrationTask(scope, this.input.ir, cmd),
        this.dispatchAll,
      );
      return;
    }
    const local = runsLocally(cmd, this.input);
    if (!this.scopeEveryTask && !engine.isInterruptible(this.input.ir, cmd.elementId)) {
      this.trackTask(cmd, local);
      return;
    }
    const { workflowId, input } = this;
    this.work.track(
      cmd.feiId,
      (scope) =>
        startTask(scope, cmd, workflowId, input.definition.key, this.strictResults, local).then(
          (o): EngineEvent =>
            o.ok
              ? { type: 'taskCompleted', feiId: cmd.feiId, variables: o.variables, now: now() }
              : { type: 'taskFailed', feiId: cmd.feiId, ...o.failure, now: now() },
        ),
      this.dispatchAll,
    );
  }

  /** A call activity whose child continue-as-new carries over (carried-children.ts). */
  private startCarriedChild(cmd: StartChild): void {
    const started = (id: string) => this.children.started(cmd.feiId, id);
    this.work.track(
      cmd.feiId,
      (scope) => runCarriedChild(scope, cmd, this.input, started),
      (event) => {
        if (this.children.settled(cmd.feiId)) this.dispatch(event);
      },
    );
  }

  /** A carried child ended (`childDone` signal): settles its call activity (child-ledger.ts). */
  childDone(done: ChildDoneInput): void {
    if (this.children.takeSignalled(done)) this.dispatch(childEvent(done.feiId, done.outcome));
  }

  /** Work refused before it started (over the payload budget): its failure arrives as an outcome. */
  private refuse(feiId: string, event: EngineEvent): void {
    this.work.settle(feiId, { unscoped: true }, Promise.resolve(event), (e) => this.dispatch(e));
  }

  /**
   * A service task nothing but the workflow's own cancellation can end: its activity runs in the
   * root scope, without a scope's promises and hooks (each workflow promise captures a stack).
   */
  private trackTask(cmd: ScheduleTask, local: boolean): void {
    const { key } = this.input.definition;
    const outcome = scheduleTaskActivity(cmd, this.workflowId, key, local).then(
      (result): EngineEvent => {
        const o = taskResult(result, this.strictResults);
        return o.ok
          ? { type: 'taskCompleted', feiId: cmd.feiId, variables: o.variables, now: now() }
          : { type: 'taskFailed', feiId: cmd.feiId, ...o.failure, now: now() };
      },
      (err: unknown): EngineEvent => {
        const failure = taskFailure(err);
        if (!failure) throw err;
        return { type: 'taskFailed', feiId: cmd.feiId, ...failure, now: now() };
      },
    );
    this.work.settle(cmd.feiId, { unscoped: true }, outcome, (event) => this.dispatch(event));
  }

  /** The instance as the `instance` query answers it. */
  view(): InstanceView {
    const { ir } = this.input;
    const { state } = this;
    const view: InstanceView = {
      status: state.status,
      variables: engine.rootVariables(state),
      activeElements: engine.activeElements(ir, state),
      incidents: Object.values(state.incidents),
      userTasks: engine.openUserTasks(state),
      trail: state.trail,
      trailDropped: state.trailDropped,
      result: state.result,
      generation: this.generation,
    };
    return viewWithinBudget(view, payloadLimit(this.input));
  }

  get running(): boolean {
    return this.state.status === 'RUNNING';
  }

  continueAsNewDue(): boolean {
    return continueAsNewDue(this.input.limits);
  }

  /** With `failOnIncident` (a state-machine action), the first incident fails the workflow. */
  incidentFailure(): string | undefined {
    return this.input.failOnIncident ? Object.values(this.state.incidents)[0]?.message : undefined;
  }

  /** Continue-as-new is due: hold back new activities and children from now on. */
  drain(): void {
    this.draining = true;
  }

  /** Nothing in flight but timers (and carried children), no handler running: hand over. */
  quiescent(): boolean {
    return this.work.size === this.children.running && !this.sent.inFlight && allHandlersFinished();
  }

  /**
   * The history nears Temporal's limit and the run cannot hand over: an instance incident
   * says so, and no new work starts (each would add events) until the instance is dealt with.
   */
  park(): void {
    if (this.parked) return;
    this.parked = true;
    raiseInstanceIncident(this.state, this.input.ir.processId, historyGuardMessage(), now());
    this.publisher.publish(this.state);
  }

  /** Cancels the timers (the next run re-arms them) and returns the next run's input. */
  handOver(): ProcessWorkflowInput | ProcessContinuation {
    this.timers.cancelAll();
    return continuation(this.nextInput());
  }

  private nextInput(): ProcessWorkflowInput {
    return {
      ...this.input,
      resume: this.state,
      deferred: this.deferred,
      generation: this.generation + 1,
      publishedAtStart: true,
      ...(this.carry ? { carriedChildren: this.children.handOver() } : {}),
    };
  }

  /**
   * When the next run's input would exceed the payload budget: an instance incident names the
   * size, the held-back work starts here, and the run goes on (true). Else false.
   */
  keepRunningIfTooBig(): boolean {
    const problem = handOverProblem(continuation(this.nextInput()), payloadLimit(this.input));
    if (problem === undefined) return false;
    raiseInstanceIncident(this.state, this.input.ir.processId, problem, now());
    this.draining = false;
    const held = this.deferred;
    this.deferred = [];
    this.run(held);
    return true;
  }

  /** Records the workflow's cancellation in the engine, then cancels all work. */
  cancelRequested(): void {
    this.dispatch({ type: 'cancelRequested', now: now() });
    this.cancelAll();
  }

  /** Fails the run at its first incident (`failOnIncident`): cancels all work, then throws. */
  failAtIncident(): void {
    const incident = this.running ? this.incidentFailure() : undefined;
    if (incident === undefined) return;
    this.cancelAll();
    throw ApplicationFailure.nonRetryable(incident, 'Incident');
  }

  /** The run has ended: notifies `run.completed` / `run.failed` and says how to end. */
  conclude(): Conclusion {
    const { state, input } = this;
    if (state.status === 'FAILED') {
      const message = `process ${input.definition.key} failed`;
      this.publisher.notify('run.failed', 'run.failed', { status: 'FAILED', error: message });
      return { ok: false, failure: ApplicationFailure.nonRetryable(message, 'ProcessFailed') };
    }
    const result = state.result ?? engine.rootVariables(state);
    this.publisher.notify('run.completed', 'run.completed', { status: 'COMPLETED', result });
    return { ok: true, result };
  }

  /** Settles once every escalation, signal broadcast and cancel request to a child arrived, or undefined. */
  signalsDelivered(): Promise<unknown> | undefined {
    const pending = [this.sent.delivered(), this.children.cancelsDelivered()];
    return pending.some(Boolean) ? Promise.all(pending) : undefined;
  }

  /** Settles once every notification sent so far has started; undefined when none was sent. */
  notificationsStarted(): Promise<unknown> | undefined {
    return this.publisher.notificationsStarted();
  }

  private cancelAll(): void {
    this.work.cancelAll();
    this.timers.cancelAll();
  }
}

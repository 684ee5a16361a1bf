/**
 * The state-machine driver: one instance's state (the pure core, `src/engine/state-machine`)
 * and its work in flight — timeouts and scheduled polls as durable timers with summaries,
 * actions as child workflows (action.ts), each tracked by id until its outcome comes back as
 * the next event. After every step it shows the state in the current details and upserts
 * `WaymarkState` / `WaymarkIncident` when they change. The workflow function (index.ts) wires it
 * to its handlers and waits.
 */
import {
  allHandlersFinished,
  setCurrentDetails,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import * as machine from '../../src/engine/state-machine';
import type {
  MachineCommand,
  MachineEvent,
  MachineOutcome,
  MachineState,
} from '../../src/engine/state-machine';
import type { Variables } from '../../src/engine/types';
import { WaymarkIncident, WaymarkState } from '../../src/temporal/search-attributes';
import { continueAsNewDue, historyNearLimit, now, startTimer } from '../lifecycle';
import type {
  ChildDoneInput,
  InstanceView,
  StateMachineResult,
  StateMachineWorkflowInput,
} from '../messages';
import { Tracker } from '../tracker';
import { runAction, type ActionOutcome } from './action';
import { actionLedger, carriesActions, doneOutcome } from './carried-actions';
import { MachineHistoryGuard } from './history-guard';
import type { ChildLedger } from '../process/child-ledger';

/** One state-machine instance's run. */
export class MachineDriver {
  readonly workflowId = workflowInfo().workflowId;
  private readonly timers = new Tracker();
  private readonly actions = new Tracker();
  /** Outcomes of actions, by action id, for the update handler that waits for one. */
  private readonly outcomes = new Map<string, MachineOutcome>();
  /** The search attributes as last published ('' at first: every run upserts once). */
  private published = '';
  private readonly title: string;
  private readonly generation: number;
  /** Revision 6: BPMN actions carried across continue-as-new (carried-actions.ts). */
  private readonly carry: boolean;
  private readonly children: ChildLedger;
  readonly guard = new MachineHistoryGuard();

  private constructor(
    private readonly input: StateMachineWorkflowInput,
    readonly state: MachineState,
  ) {
    const d = input.definition;
    this.title = `${d.name ?? d.key} v${d.version}${input.businessKey ? ` · ${input.businessKey}` : ''}`;
    this.generation = input.generation ?? 0;
    this.carry = carriesActions(input);
    this.children = actionLedger(input);
  }

  /** Starts the instance, or resumes it after continue-as-new (timers re-armed from their due times). */
  static start(input: StateMachineWorkflowInput): MachineDriver {
    if (input.resume) {
      const driver = new MachineDriver(input, input.resume);
      for (const t of Object.values(driver.state.timers))
        driver.execute({
          type: 'startTimer',
          timerId: t.id,
          dueAt: t.dueAt,
          summary: `${t.kind} of ${t.state}`,
        });
      driver.publish();
      return driver;
    }
    const started = machine.startMachine(input.ir, {
      instanceId: workflowInfo().workflowId,
      data: input.variables,
      enabled: input.enabled,
      now: now(),
    });
    const driver = new MachineDriver(input, started.state);
    driver.run(started.commands);
    return driver;
  }

  /** Feeds one event to the machine, carries out its commands, and says what happened. */
  dispatch(event: MachineEvent): MachineOutcome {
    const step = machine.stepMachine(this.input.ir, this.state, event);
    this.run(step.commands);
    return step.outcome;
  }

  private run(commands: MachineCommand[]): void {
    for (const cmd of commands) this.execute(cmd);
    this.publish();
  }

  private execute(cmd: MachineCommand): void {
    switch (cmd.type) {
      case 'startTimer':
        this.timers.track(
          cmd.timerId,
          (scope) => startTimer(scope, cmd.dueAt - now(), cmd.summary),
          () => void this.dispatch({ type: 'timerFired', timerId: cmd.timerId, now: now() }),
        );
        return;
      case 'cancelTimer':
        this.timers.cancel(cmd.timerId);
        return;
      case 'startAction': {
        const { actionId } = cmd;
        const carry = this.carry
          ? { started: (id: string) => this.children.started(actionId, id) }
          : undefined;
        this.actions.track(
          actionId,
          (scope) => runAction(scope, cmd, carry),
          (o) => {
            if (this.children.settled(actionId)) this.settleAction(actionId, o);
          },
        );
        return;
      }
      case 'complete':
        return; // the main loop sees the status change
    }
  }

  /** An action ended: its outcome is the machine's next event (once: result or signal, first wins). */
  private settleAction(actionId: string, o: ActionOutcome): void {
    if (this.state.pendingAction?.id !== actionId) return;
    const outcome = this.dispatch(
      o.ok
        ? { type: 'actionCompleted', actionId, data: o.data, now: now() }
        : { type: 'actionFailed', actionId, message: o.message, now: now() },
    );
    this.outcomes.set(actionId, outcome);
  }

  /** A carried action ended (`childDone` signal): settles it, in whichever run is current. */
  childDone(done: ChildDoneInput): void {
    if (this.children.takeSignalled(done)) this.settleAction(done.feiId, doneOutcome(done));
  }

  /** Current details always (no history cost); search attributes only when they change. */
  private publish(): void {
    const { state } = this;
    setCurrentDetails(machine.machineDetails(this.input.ir, state, this.title));
    const hasIncident = state.incidents.length > 0 || this.guard.parked;
    const key = `${state.current}|${hasIncident}`;
    if (key !== this.published) {
      this.published = key;
      upsertSearchAttributes([
        { key: WaymarkState, value: state.current },
        { key: WaymarkIncident, value: hasIncident },
      ]);
    }
  }

  /** The instance as the `instance` query answers it. */
  view(): InstanceView {
    const { ir } = this.input;
    const { state } = this;
    return {
      status: state.status,
      variables: state.data,
      activeElements: machine.machineActiveElements(ir, state),
      incidents: [...machine.machineIncidents(state), ...this.guard.incidents()],
      userTasks: [],
      trail: machine.machineTrail(ir, state),
      trailDropped: state.trailDropped,
      ...(state.status === 'COMPLETED'
        ? { result: { state: state.current, data: state.data } }
        : {}),
      generation: this.generation,
      state: state.current,
      enabled: state.enabled,
    };
  }

  /** Whether the action `actionId` has settled (its outcome waits to be taken). */
  hasOutcome(actionId: string): boolean {
    return this.outcomes.has(actionId);
  }

  /** The settled outcome of `actionId`, forgotten once taken. */
  takeOutcome(actionId: string): MachineOutcome {
    const outcome = this.outcomes.get(actionId) as MachineOutcome;
    this.outcomes.delete(actionId);
    return outcome;
  }

  /** A MANUAL transition's refusal now, if any (the `fireTransition` validator). */
  manualRefusal(code: string, data: Variables): ReturnType<typeof machine.manualRefusal> {
    return machine.manualRefusal(this.input.ir, this.state, code, data, now());
  }

  get running(): boolean {
    return this.state.status === 'RUNNING';
  }

  /**
   * Continue-as-new is due and nothing is in flight but carried actions: no other action, no
   * handler running.
   */
  readyToHandOver(): boolean {
    const pending = this.state.pendingAction;
    return (
      continueAsNewDue(this.input.limits) &&
      (!pending || this.children.holds(pending.id)) &&
      this.actions.size === this.children.running &&
      allHandlersFinished()
    );
  }

  /** Continue-as-new is due, cannot happen yet, and the history nears Temporal's limit. */
  mustPark(): boolean {
    return (
      !this.guard.parked &&
      continueAsNewDue(this.input.limits) &&
      historyNearLimit(this.input.limits) &&
      !this.readyToHandOver()
    );
  }

  /** The history guard parks the run (history-guard.ts). */
  park(): void {
    this.guard.park(this.workflowId, this.state.current);
    this.publish();
  }

  /**
   * The workflow is cancelled: cancel the actions in flight (carried ones through an external
   * handle), then the timers. Settles once the cancel requests were delivered.
   */
  cancelAll(): Promise<unknown> | undefined {
    const pending = this.state.pendingAction;
    if (pending && this.children.holds(pending.id)) this.children.cancel(pending.id);
    this.actions.cancelScopes();
    this.timers.cancelScopes();
    return this.children.cancelsDelivered();
  }

  /** Cancels the timers (the next run re-arms them) and returns the next run's input. */
  handOver(): StateMachineWorkflowInput {
    this.timers.cancelScopes();
    return {
      ...this.input,
      resume: this.state,
      generation: this.generation + 1,
      ...(this.carry ? { carriedActions: this.children.handOver() } : {}),
    };
  }

  result(): StateMachineResult {
    return { state: this.state.current, data: this.state.data };
  }
}

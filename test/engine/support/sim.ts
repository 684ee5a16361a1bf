/**
 * A test driver for the engine: keeps state and a clock, feeds events, records commands and
 * answers the usual questions (trail ids, feiId of the token at an element, pending timers).
 * `roundTrip()` replaces the state by its JSON copy, as continue-as-new would.
 */
import {
  activeElements,
  isInterruptible,
  rootVariables,
  startInstance,
  step,
} from '../../../src/engine';
import type { StepOptions } from '../../../src/engine';
import type { EngineCommand, EngineEvent, EngineState, Variables } from '../../../src/engine/types';
import type { ProcessIR } from '../../../src/model/bpmn/ir';

export const T0 = Date.UTC(2024, 0, 1, 0, 0, 0);

type EventInput = EngineEvent extends infer E
  ? E extends EngineEvent
    ? Omit<E, 'now'>
    : never
  : never;

export class Sim {
  state: EngineState;
  now = T0;
  /** Commands of the last start/step. */
  last: EngineCommand[];
  /** Every command so far. */
  all: EngineCommand[] = [];

  constructor(
    readonly ir: ProcessIR,
    variables: Variables = {},
    readonly options?: StepOptions,
  ) {
    const r = startInstance(ir, { instanceId: 'wf1', variables, now: this.now }, options);
    this.state = r.state;
    this.last = r.commands;
    this.all.push(...r.commands);
  }

  send(event: EventInput): EngineCommand[] {
    // The reducer updates the state in place: note where each work item is before the step.
    const before = new Map(Object.values(this.state.tokens).map((t) => [t.feiId, t.elementId]));
    const r = step(this.ir, this.state, { ...event, now: this.now } as EngineEvent, this.options);
    if (event.type !== 'cancelRequested') this.checkInterruptible(before, r.commands);
    this.state = r.state;
    this.last = r.commands;
    this.all.push(...r.commands);
    return r.commands;
  }

  /**
   * The driver runs work that `isInterruptible` says nothing can end without a cancellation
   * scope (workflows/process/driver.ts), so a cancelWork for such work would leave it running:
   * every engine test checks that the analysis covers each cancellation the engine makes.
   */
  private checkInterruptible(before: Map<string, string>, commands: EngineCommand[]): void {
    for (const cmd of commands) {
      if (cmd.type !== 'cancelWork') continue;
      const elementId = before.get(cmd.feiId);
      if (elementId === undefined || !isInterruptible(this.ir, elementId)) {
        throw new Error(`cancelWork for ${cmd.feiId}, which isInterruptible says cannot be`);
      }
    }
  }

  roundTrip(): this {
    this.state = JSON.parse(JSON.stringify(this.state)) as EngineState;
    return this;
  }

  trail(): string[] {
    return this.state.trail.map((e) => e.elementId);
  }

  active(): string[] {
    return activeElements(this.ir, this.state).map((a) => a.elementId);
  }

  vars(): Variables {
    return rootVariables(this.state);
  }

  /** feiId of the (first) token at `elementId`. */
  fei(elementId: string): string {
    const t = Object.values(this.state.tokens).find((x) => x.elementId === elementId);
    if (!t) throw new Error(`no token at ${elementId}; active: ${this.active().join(',')}`);
    return t.feiId;
  }

  completeTask(elementId: string, variables?: Variables): EngineCommand[] {
    return this.send({ type: 'taskCompleted', feiId: this.fei(elementId), variables });
  }

  completeUserTask(elementId: string, variables?: Variables): EngineCommand[] {
    return this.send({ type: 'userTaskCompleted', feiId: this.fei(elementId), variables });
  }

  message(
    name: string,
    variables?: Variables,
    extra: { messageId?: string; correlationKey?: string } = {},
  ): EngineCommand[] {
    return this.send({ type: 'messageReceived', name, variables, ...extra });
  }

  /** Advances the clock by `ms` and fires every due timer in due order. */
  advance(ms: number): EngineCommand[] {
    this.now += ms;
    const out: EngineCommand[] = [];
    for (;;) {
      const due = Object.values(this.state.timers)
        .filter((t) => t.dueAt <= this.now)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) return out;
      out.push(...this.send({ type: 'timerFired', timerId: due.id }));
    }
  }

  commandsOf<T extends EngineCommand['type']>(
    type: T,
    from: EngineCommand[] = this.all,
  ): Extract<EngineCommand, { type: T }>[] {
    return from.filter((c): c is Extract<EngineCommand, { type: T }> => c.type === type);
  }
}

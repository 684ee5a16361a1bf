/**
 * A tiny fluent builder for process IR in engine tests (the BPMN compiler is tested apart).
 * Each element method adds the element and, when a cursor is set, a flow from the cursor to
 * it; the new element becomes the cursor. `from(id)` moves the cursor, `connect(id)` links
 * the cursor to an existing element, `when(expr)` / `otherwise()` qualify the next flow.
 *
 *   proc().start('s').serviceTask('t', { type: 'noop' }).end('e').build()
 */
import type {
  BoundaryEventIR,
  ConditionDef,
  ElementIR,
  EventTrigger,
  FlowIR,
  LoopIR,
  Mapping,
  MessageDef,
  ProcessIR,
  TimerDef,
} from '../../../src/model/bpmn/ir';

export type Common = { name?: string; inputs?: Mapping[]; outputs?: Mapping[] };
type Io = Record<string, string>;

/** `{ target: 'source' }` → mappings (FEEL sources). */
export function io(map: Io): Mapping[] {
  return Object.entries(map).map(([target, source]) => ({ target, source }));
}

export class ProcBuilder {
  private readonly elements: Record<string, ElementIR> = {};
  private readonly flows: Record<string, FlowIR> = {};
  private cursor: string | undefined;
  private nextCondition: string | undefined;
  private nextDefault = false;

  constructor(
    private readonly processId = 'proc',
    private readonly parentId: string | null = null,
    private readonly root?: ProcBuilder,
  ) {}

  private get top(): ProcBuilder {
    return this.root ?? this;
  }

  private add(el: Partial<ElementIR> & Pick<ElementIR, 'id' | 'type'>, opts: Common = {}): this {
    const full = {
      bpmnType: `bpmn:${el.type[0].toUpperCase()}${el.type.slice(1)}`,
      parentId: this.parentId,
      incoming: [],
      outgoing: [],
      inputs: opts.inputs ?? [],
      outputs: opts.outputs ?? [],
      boundaryEvents: [],
      ...(opts.name !== undefined ? { name: opts.name } : {}),
      ...el,
    } as ElementIR;
    this.top.elements[el.id] = full;
    if (this.cursor !== undefined && el.type !== 'boundaryEvent') this.link(this.cursor, el.id);
    this.cursor = el.id;
    return this;
  }

  private link(from: string, to: string): void {
    const id = `${from}->${to}`;
    const flow: FlowIR = { id, sourceId: from, targetId: to };
    if (this.nextCondition !== undefined) flow.condition = this.nextCondition;
    this.top.flows[id] = flow;
    if (this.nextDefault) this.top.elements[from].defaultFlow = id;
    this.nextCondition = undefined;
    this.nextDefault = false;
  }

  /** Clears the cursor: the next element gets no incoming flow. */
  detached(): this {
    this.cursor = undefined;
    return this;
  }
  from(id: string): this {
    this.cursor = id;
    return this;
  }
  when(condition: string): this {
    this.nextCondition = condition;
    return this;
  }
  otherwise(): this {
    this.nextDefault = true;
    return this;
  }
  connect(to: string): this {
    if (this.cursor === undefined) throw new Error('connect without cursor');
    this.link(this.cursor, to);
    this.cursor = to;
    return this;
  }

  start(id: string, opts: Common = {}): this {
    this.cursor = undefined;
    return this.add({ id, type: 'startEvent', eventKind: 'none' }, opts);
  }
  end(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'endEvent', eventKind: 'none' }, opts);
  }
  terminate(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'endEvent', eventKind: 'terminate' }, opts);
  }
  errorEnd(id: string, errorCode: string, opts: Common = {}): this {
    return this.add({ id, type: 'endEvent', eventKind: 'error', errorCode }, opts);
  }
  task(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'task' }, opts);
  }
  manualTask(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'manualTask' }, opts);
  }
  throwEvent(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'intermediateThrowEvent' }, opts);
  }
  serviceTask(
    id: string,
    opts: Common & {
      type: string;
      headers?: Record<string, string>;
      retries?: number;
      taskQueue?: string;
    },
  ): this {
    return this.add(
      {
        id,
        type: 'serviceTask',
        taskType: opts.type,
        retries: opts.retries ?? 3,
        headers: opts.headers ?? {},
        ...(opts.taskQueue ? { taskQueue: opts.taskQueue } : {}),
      },
      opts,
    );
  }
  sendTask(id: string, opts: Common & { type: string }): this {
    return this.add({ id, type: 'sendTask', taskType: opts.type, retries: 3, headers: {} }, opts);
  }
  script(id: string, expression: string, resultVariable: string, opts: Common = {}): this {
    return this.add({ id, type: 'scriptTask', expression, resultVariable }, opts);
  }
  userTask(id: string, opts: Common & { assignee?: string; formKey?: string } = {}): this {
    return this.add(
      {
        id,
        type: 'userTask',
        ...(opts.assignee ? { assignee: opts.assignee } : {}),
        ...(opts.formKey ? { formKey: opts.formKey } : {}),
      },
      opts,
    );
  }
  receiveTask(id: string, message: MessageDef, opts: Common = {}): this {
    return this.add({ id, type: 'receiveTask', message }, opts);
  }
  timerCatch(
    id: string,
    timer: Partial<TimerDef> & { expression: string },
    opts: Common = {},
  ): this {
    return this.add(
      {
        id,
        type: 'intermediateCatchEvent',
        eventKind: 'timer',
        timer: { kind: 'duration', isFeel: false, ...timer },
      },
      opts,
    );
  }
  messageCatch(id: string, message: MessageDef, opts: Common = {}): this {
    return this.add({ id, type: 'intermediateCatchEvent', eventKind: 'message', message }, opts);
  }
  exclusive(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'exclusiveGateway' }, opts);
  }
  parallel(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'parallelGateway' }, opts);
  }
  inclusive(id: string, opts: Common & { upstream?: Record<string, string[]> } = {}): this {
    return this.add({ id, type: 'inclusiveGateway', upstream: opts.upstream ?? {} }, opts);
  }
  eventGateway(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'eventBasedGateway' }, opts);
  }
  callActivity(
    id: string,
    opts: Common & {
      processId: string;
      processIdIsFeel?: boolean;
      propagateAllChildVariables?: boolean;
      propagateAllParentVariables?: boolean;
    },
  ): this {
    return this.add(
      {
        id,
        type: 'callActivity',
        processId: opts.processId,
        processIdIsFeel: opts.processIdIsFeel ?? false,
        propagateAllChildVariables: opts.propagateAllChildVariables ?? true,
        propagateAllParentVariables: opts.propagateAllParentVariables ?? true,
      },
      opts,
    );
  }
  /** An embedded subprocess; `body` builds its content (its first start event is the start). */
  subProcess(id: string, body: (b: ProcBuilder) => void, opts: Common = {}): this {
    const inner = new ProcBuilder(this.processId, id, this.top);
    body(inner);
    const startEventId = Object.values(this.top.elements).find(
      (e) => e.parentId === id && e.type === 'startEvent',
    )?.id;
    if (!startEventId) throw new Error(`subprocess ${id} has no start event`);
    return this.add({ id, type: 'subProcess', startEventId }, opts);
  }
  /** Gives the cursor element loop characteristics (multi-instance or standard loop). */
  looped(loop: LoopIR): this {
    if (this.cursor === undefined) throw new Error('looped without cursor');
    this.top.elements[this.cursor].loop = loop;
    return this;
  }
  /** A boundary event on `host`; becomes the cursor. */
  boundary(
    id: string,
    host: string,
    def:
      | { timer: Partial<TimerDef> & { expression: string }; cancelActivity?: boolean }
      | { message: MessageDef; cancelActivity?: boolean }
      | { error: string | undefined },
    opts: Common = {},
  ): this {
    const hostEl = this.top.elements[host];
    const base = {
      id,
      type: 'boundaryEvent' as const,
      attachedTo: host,
      parentId: hostEl.parentId,
    };
    let el: Partial<BoundaryEventIR>;
    if ('timer' in def) {
      el = {
        ...base,
        eventKind: 'timer',
        cancelActivity: def.cancelActivity ?? true,
        timer: { kind: 'duration', isFeel: false, ...def.timer },
      };
    } else if ('message' in def) {
      el = {
        ...base,
        eventKind: 'message',
        cancelActivity: def.cancelActivity ?? true,
        message: def.message,
      };
    } else {
      el = {
        ...base,
        eventKind: 'error',
        cancelActivity: true,
        ...(def.error !== undefined ? { errorCode: def.error } : {}),
      };
    }
    this.cursor = undefined;
    this.add(el as BoundaryEventIR, opts);
    hostEl.boundaryEvents.push(id);
    return this;
  }

  /**
   * An event subprocess in the current scope (no flows); `body` builds its content, whose
   * start event gets the trigger's kind. The cursor is cleared.
   */
  eventSubProcess(
    id: string,
    trigger: EventTrigger,
    body: (b: ProcBuilder) => void,
    opts: Common & { interrupting?: boolean } = {},
  ): this {
    const inner = new ProcBuilder(this.processId, id, this.top);
    body(inner);
    const start = Object.values(this.top.elements).find(
      (e) => e.parentId === id && e.type === 'startEvent',
    );
    if (!start || start.type !== 'startEvent')
      throw new Error(`event subprocess ${id} has no start`);
    start.eventKind = trigger.kind;
    this.add(
      {
        id,
        type: 'eventSubProcess',
        bpmnType: 'bpmn:SubProcess',
        startEventId: start.id,
        interrupting: opts.interrupting ?? true,
        trigger,
      },
      opts,
    );
    this.cursor = undefined;
    return this;
  }
  escalationThrow(id: string, escalationCode: string, opts: Common = {}): this {
    return this.add(
      { id, type: 'intermediateThrowEvent', eventKind: 'escalation', escalationCode },
      opts,
    );
  }
  escalationEnd(id: string, escalationCode: string, opts: Common = {}): this {
    return this.add({ id, type: 'endEvent', eventKind: 'escalation', escalationCode }, opts);
  }
  signalThrow(id: string, signal: string, opts: Common = {}): this {
    return this.add({ id, type: 'intermediateThrowEvent', eventKind: 'signal', signal }, opts);
  }
  signalEnd(id: string, signal: string, opts: Common = {}): this {
    return this.add({ id, type: 'endEvent', eventKind: 'signal', signal }, opts);
  }
  conditionalCatch(id: string, condition: ConditionDef, opts: Common = {}): this {
    return this.add(
      { id, type: 'intermediateCatchEvent', eventKind: 'conditional', condition },
      opts,
    );
  }
  /** An escalation or conditional boundary event on `host`; becomes the cursor. */
  eventBoundary(
    id: string,
    host: string,
    def: { escalation: string | undefined } | { condition: ConditionDef },
    cancelActivity = true,
  ): this {
    const hostEl = this.top.elements[host];
    const el: Partial<BoundaryEventIR> = {
      id,
      type: 'boundaryEvent',
      attachedTo: host,
      parentId: hostEl.parentId,
      cancelActivity,
      ...('escalation' in def
        ? {
            eventKind: 'escalation' as const,
            ...(def.escalation !== undefined ? { escalationCode: def.escalation } : {}),
          }
        : { eventKind: 'conditional' as const, condition: def.condition }),
    };
    this.cursor = undefined;
    this.add(el as BoundaryEventIR);
    hostEl.boundaryEvents.push(id);
    return this;
  }
  /** Adds any element (extensions in builder-extra.ts); linked from the cursor as usual. */
  element(el: Partial<ElementIR> & Pick<ElementIR, 'id' | 'type'>, opts: Common = {}): this {
    return this.add(el, opts);
  }
  get(id: string): ElementIR /* an element added so far */ {
    return this.top.elements[id];
  }
  /** A builder for the content of the scope element `id` (subprocess kinds). */
  inner(id: string): ProcBuilder {
    return new ProcBuilder(this.processId, id, this.top);
  }
  flowList(): FlowIR[] /* all flows so far */ {
    return Object.values(this.top.flows);
  }
  all(): ElementIR[] /* all elements so far */ {
    return Object.values(this.top.elements);
  }

  build(): ProcessIR {
    const elements = this.top.elements;
    for (const el of Object.values(elements)) {
      el.incoming = [];
      el.outgoing = [];
    }
    for (const f of Object.values(this.top.flows)) {
      elements[f.sourceId].outgoing.push(f.id);
      elements[f.targetId].incoming.push(f.id);
    }
    const startEventId = Object.values(elements).find(
      (e) => e.parentId === null && e.type === 'startEvent',
    )?.id;
    if (!startEventId) throw new Error('no start event');
    return {
      kind: 'bpmn',
      processId: this.processId,
      startEventId,
      elements: JSON.parse(JSON.stringify(elements)) as Record<string, ElementIR>,
      flows: JSON.parse(JSON.stringify(this.top.flows)) as Record<string, FlowIR>,
      mandatory: [],
      parameters: [],
    };
  }
}

export function proc(processId = 'proc'): ProcBuilder {
  return new ProcBuilder(processId);
}

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
  CompensationDef,
  ElementIR,
  FlowIR,
  Mapping,
  MessageDef,
  ProcessIR,
  TimerDef,
} from '../../../src/model/bpmn/ir';

type Common = { name?: string; inputs?: Mapping[]; outputs?: Mapping[] };
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

  /** A link throw event jumping to the link catch `targetId` (named `name`). */
  linkThrow(id: string, name: string, targetId: string, opts: Common = {}): this {
    return this.add(
      { id, type: 'intermediateThrowEvent', eventKind: 'link', link: { name, targetId } },
      opts,
    );
  }
  /** A link catch event (no incoming flow: the cursor is cleared first). */
  linkCatch(id: string, name: string, opts: Common = {}): this {
    this.cursor = undefined;
    return this.add(
      { id, type: 'intermediateCatchEvent', eventKind: 'link', linkName: name },
      opts,
    );
  }
  complex(id: string, opts: Common & { activationCondition?: string } = {}): this {
    return this.add(
      {
        id,
        type: 'complexGateway',
        upstream: {},
        ...(opts.activationCondition !== undefined
          ? { activationCondition: opts.activationCondition }
          : {}),
      },
      opts,
    );
  }
  /** A compensation boundary on `host` with its handler, a script task setting `undone.<host>`-style variables. */
  compensation(id: string, host: string, handlerId: string): this {
    const hostEl = this.top.elements[host];
    this.cursor = undefined;
    this.add({
      id,
      type: 'boundaryEvent',
      attachedTo: host,
      parentId: hostEl.parentId,
      eventKind: 'compensate',
      cancelActivity: false,
      handlerId,
    } as BoundaryEventIR);
    hostEl.boundaryEvents.push(id);
    this.cursor = undefined;
    return this;
  }
  /** Marks `id` as a compensation handler (`isForCompensation`); clears the cursor. */
  handler(id: string): this {
    this.top.elements[id].isForCompensation = true;
    this.cursor = undefined;
    return this;
  }
  compensateThrow(id: string, def: Partial<CompensationDef> = {}, opts: Common = {}): this {
    return this.add(
      {
        id,
        type: 'intermediateThrowEvent',
        eventKind: 'compensate',
        compensation: { waitForCompletion: true, ...def },
      },
      opts,
    );
  }
  compensateEnd(id: string, def: Partial<CompensationDef> = {}, opts: Common = {}): this {
    return this.add(
      {
        id,
        type: 'endEvent',
        eventKind: 'compensate',
        compensation: { waitForCompletion: true, ...def },
      },
      opts,
    );
  }

  cancelEnd(id: string, opts: Common = {}): this {
    return this.add({ id, type: 'endEvent', eventKind: 'cancel' }, opts);
  }
  /** A cancel boundary on the transaction `host` (marks it a transaction); becomes the cursor. */
  cancelBoundary(id: string, host: string): this {
    const hostEl = this.top.elements[host];
    if (hostEl.type === 'subProcess') hostEl.transaction = true;
    this.cursor = undefined;
    this.add({
      id,
      type: 'boundaryEvent',
      attachedTo: host,
      parentId: hostEl.parentId,
      eventKind: 'cancel',
      cancelActivity: true,
    } as BoundaryEventIR);
    hostEl.boundaryEvents.push(id);
    return this;
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

/**
 * Builder methods for link events, the complex gateway, compensation, transactions, the
 * ad-hoc subprocess, signal catch / boundary and escalation boundary events, added to `ProcBuilder` (builder.ts) through its public `element` / `get`
 * / `inner` hooks so the core builder stays small. Import this module (for its effect) in the
 * tests that use them.
 */
import type { BoundaryEventIR, CompensationDef } from '../../../src/model/bpmn/ir';
import { ProcBuilder } from './builder';
import type { Common } from './builder';

type AdHocOptions = Common & {
  activeElements?: string;
  completionCondition?: string;
  cancelRemainingInstances?: boolean;
  ordering?: 'parallel' | 'sequential';
};

declare module './builder' {
  interface ProcBuilder {
    /** A link throw event jumping to the link catch `targetId` (named `name`). */
    linkThrow(id: string, name: string, targetId: string, opts?: Common): this;
    /** A link catch event (no incoming flow: the cursor is cleared first). */
    linkCatch(id: string, name: string, opts?: Common): this;
    complex(id: string, opts?: Common & { activationCondition?: string }): this;
    /** A compensation boundary on `host` associated with the handler `handlerId`; clears the cursor. */
    compensation(id: string, host: string, handlerId: string): this;
    /** Marks `id` as a compensation handler (`isForCompensation`); clears the cursor. */
    handler(id: string): this;
    compensateThrow(id: string, def?: Partial<CompensationDef>, opts?: Common): this;
    compensateEnd(id: string, def?: Partial<CompensationDef>, opts?: Common): this;
    /** An ad-hoc subprocess; elements of `body` without incoming flows are activatable. */
    adHoc(id: string, body: (b: ProcBuilder) => void, opts?: AdHocOptions): this;
    cancelEnd(id: string, opts?: Common): this;
    /** A cancel boundary on the transaction `host` (marks it a transaction); becomes the cursor. */
    cancelBoundary(id: string, host: string): this;
    /** An intermediate signal catch event waiting for `signal`. */
    signalCatch(id: string, signal: string, opts?: Common): this;
    /** A signal boundary on `host` (interrupting unless `cancelActivity` is false); the cursor. */
    signalBoundary(id: string, host: string, signal: string, cancelActivity?: boolean): this;
    /** An escalation boundary on `host` (code undefined: catch-all); becomes the cursor. */
    escalationBoundary(id: string, host: string, code?: string, cancelActivity?: boolean): this;
  }
}

const proto = ProcBuilder.prototype;

proto.linkThrow = function (id, name, targetId, opts = {}) {
  return this.element(
    { id, type: 'intermediateThrowEvent', eventKind: 'link', link: { name, targetId } },
    opts,
  );
};

proto.linkCatch = function (id, name, opts = {}) {
  return this.detached().element(
    { id, type: 'intermediateCatchEvent', eventKind: 'link', linkName: name },
    opts,
  );
};

proto.complex = function (id, opts = {}) {
  const condition = opts.activationCondition;
  return this.element(
    {
      id,
      type: 'complexGateway',
      upstream: {},
      ...(condition !== undefined ? { activationCondition: condition } : {}),
    },
    opts,
  );
};

/** Attaches a boundary event element to `host` without a flow into it. */
function attach(b: ProcBuilder, host: string, el: Partial<BoundaryEventIR>): ProcBuilder {
  const hostEl = b.get(host);
  b.detached().element({
    type: 'boundaryEvent',
    attachedTo: host,
    parentId: hostEl.parentId,
    ...el,
  } as BoundaryEventIR);
  hostEl.boundaryEvents.push(el.id as string);
  return b;
}

proto.compensation = function (id, host, handlerId) {
  attach(this, host, { id, eventKind: 'compensate', cancelActivity: false, handlerId });
  return this.detached();
};

proto.handler = function (id) {
  this.get(id).isForCompensation = true;
  return this.detached();
};

proto.compensateThrow = function (id, def = {}, opts = {}) {
  return this.element(
    {
      id,
      type: 'intermediateThrowEvent',
      eventKind: 'compensate',
      compensation: { waitForCompletion: true, ...def },
    },
    opts,
  );
};

proto.compensateEnd = function (id, def = {}, opts = {}) {
  return this.element(
    {
      id,
      type: 'endEvent',
      eventKind: 'compensate',
      compensation: { waitForCompletion: true, ...def },
    },
    opts,
  );
};

proto.adHoc = function (id, body, opts = {}) {
  body(this.inner(id));
  const targets = new Set(this.flowList().map((f) => f.targetId));
  const activatable = this.all()
    .filter((e) => e.parentId === id && e.type !== 'boundaryEvent' && !targets.has(e.id))
    .map((e) => e.id);
  return this.element(
    {
      id,
      type: 'adHocSubProcess',
      ...(opts.activeElements !== undefined ? { activeElements: opts.activeElements } : {}),
      ...(opts.completionCondition !== undefined
        ? { completionCondition: opts.completionCondition }
        : {}),
      cancelRemainingInstances: opts.cancelRemainingInstances ?? true,
      ordering: opts.ordering ?? 'parallel',
      activatable,
    },
    opts,
  );
};

proto.cancelEnd = function (id, opts = {}) {
  return this.element({ id, type: 'endEvent', eventKind: 'cancel' }, opts);
};

proto.cancelBoundary = function (id, host) {
  const hostEl = this.get(host);
  if (hostEl.type === 'subProcess') hostEl.transaction = true;
  return attach(this, host, { id, eventKind: 'cancel', cancelActivity: true }) as typeof this;
};

proto.signalCatch = function (id, signal, opts = {}) {
  return this.element({ id, type: 'intermediateCatchEvent', eventKind: 'signal', signal }, opts);
};

proto.signalBoundary = function (id, host, signal, cancelActivity = true) {
  return attach(this, host, { id, eventKind: 'signal', signal, cancelActivity }) as typeof this;
};

proto.escalationBoundary = function (id, host, code, cancelActivity = true) {
  const escalation = code !== undefined ? { escalationCode: code } : {};
  return attach(this, host, {
    id,
    eventKind: 'escalation',
    cancelActivity,
    ...escalation,
  }) as typeof this;
};

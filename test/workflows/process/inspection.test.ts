/**
 * What the driver publishes as search attributes (workflows/process/inspection.ts and
 * revisions.ts), on engine states from the real reducer: which waits `WaymarkActiveElements`
 * lists, and which rules a run follows given the attributes it started with.
 */
import { TypedSearchAttributes } from '@temporalio/common';
import { activeElements } from '../../../src/engine';
import type { EngineState } from '../../../src/engine/types';
import type { ProcessIR } from '../../../src/model/bpmn/ir';
import {
  processStartSearchAttributes,
  WaymarkActiveElements,
  WaymarkIncident,
  WaymarkKind,
} from '../../../src/temporal/search-attributes';
import { attributesKey, waitingElementIds } from '../../../workflows/process/inspection';
import { publishRules } from '../../../workflows/process/revisions';
import type { ProcessWorkflowInput } from '../../../workflows/messages';
import { proc } from '../../engine/support/builder';
import { Sim } from '../../engine/support/sim';

/** The ids listed while a fresh instance of `ir` waits, under current or older rules. */
function listed(ir: ProcessIR, listTimers = false): string[] {
  const sim = new Sim(ir);
  return waitingElementIds(ir, activeElements(ir, sim.state), listTimers);
}

describe('waitingElementIds', () => {
  it('leaves a timer catch out: the Web UI shows it as a started timer', () => {
    const ir = proc().start('s').timerCatch('wait', { expression: 'PT1S' }).end('e').build();
    expect(listed(ir)).toEqual([]);
  });

  it('lists a timer catch under the older rules (runs started without the attributes)', () => {
    const ir = proc().start('s').timerCatch('wait', { expression: 'PT1S' }).end('e').build();
    expect(listed(ir, true)).toEqual(['wait']);
  });

  it('leaves a service task out: the Web UI shows it as a pending activity', () => {
    const ir = proc().start('s').serviceTask('work', { type: 'noop' }).end('e').build();
    expect(listed(ir)).toEqual([]);
  });

  it('lists user tasks and message waits, also with a boundary timer on them', () => {
    const ir = proc()
      .start('s')
      .parallel('fork')
      .userTask('approve')
      .end('e1')
      .from('fork')
      .messageCatch('paid', { name: 'payment' })
      .end('e2')
      .boundary('late', 'approve', { timer: { expression: 'PT1H' } })
      .end('e3')
      .build();
    expect(listed(ir)).toEqual(['approve', 'paid']);
  });

  it('lists an event-based gateway with a message option, not one that waits for timers only', () => {
    const mixed = proc()
      .start('s')
      .eventGateway('g')
      .messageCatch('paid', { name: 'payment' })
      .end('ok')
      .from('g')
      .timerCatch('timeout', { expression: 'PT10M' })
      .end('expired')
      .build();
    expect(listed(mixed)).toEqual(['g']);
    const timersOnly = proc()
      .start('s')
      .eventGateway('g')
      .timerCatch('soon', { expression: 'PT1M' })
      .end('a')
      .from('g')
      .timerCatch('later', { expression: 'PT10M' })
      .end('b')
      .build();
    expect(listed(timersOnly)).toEqual([]);
  });

  it('lists an element parked at an incident, service task or not', () => {
    const ir = proc().start('s').serviceTask('work', { type: 'noop' }).end('e').build();
    const sim = new Sim(ir);
    sim.send({ type: 'taskFailed', feiId: sim.fei('work'), message: 'boom' });
    expect(Object.keys(sim.state.incidents)).toHaveLength(1);
    expect(waitingElementIds(ir, activeElements(ir, sim.state))).toEqual(['work']);
  });
});

describe('publishRules', () => {
  const ir = proc().start('s').end('e').build();
  const input: ProcessWorkflowInput = {
    kind: 'bpmn',
    definition: { id: 'd1', key: 'k', version: 1 },
    ir,
    variables: {},
  };
  const resume = {} as EngineState;
  const kind = { key: WaymarkKind, value: 'bpmn' };

  it('a start with the process attributes: they count as published, timers are not listed', () => {
    const rules = publishRules(
      input,
      new TypedSearchAttributes([kind, ...processStartSearchAttributes()]),
    );
    expect(rules).toEqual({ published: attributesKey([], false), listTimers: false });
  });

  it('a start without them (older code): nothing published yet, timers listed', () => {
    expect(publishRules(input, new TypedSearchAttributes([kind]))).toEqual({
      published: '',
      listTimers: true,
    });
  });

  it('a continuation by this code starts from the attributes it carries over', () => {
    const carried = new TypedSearchAttributes([
      kind,
      { key: WaymarkActiveElements, value: ['b', 'a'] },
      { key: WaymarkIncident, value: true },
    ]);
    expect(publishRules({ ...input, resume, publishedAtStart: true }, carried)).toEqual({
      published: attributesKey(['a', 'b'], true),
      listTimers: false,
    });
  });

  it('a continuation by older code keeps the older rules although it carries the attributes', () => {
    const carried = new TypedSearchAttributes([kind, ...processStartSearchAttributes()]);
    expect(publishRules({ ...input, resume }, carried)).toEqual({
      published: '',
      listTimers: true,
    });
  });
});

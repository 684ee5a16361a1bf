/**
 * Process-level message, signal and timer start events (BPMN 2.0 §10.5.2): compiled into
 * `ProcessIR.startEvents` next to the none start, and an instance started at one of them
 * (`startAt`) begins there.
 */
import { startInstance } from '../../../src/engine';
import type { ProcessIR } from '../../../src/model/bpmn/ir';
import { compileFixture } from './fixtures';

async function eventStarts(): Promise<ProcessIR> {
  const result = await compileFixture('event-starts');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.ir;
}

describe('process start events with a trigger', () => {
  it('lists the message, signal and timer starts and keeps the none start', async () => {
    // given the fixture with one start of each kind, when compiled
    const ir = await eventStarts();
    // then the none start is where requested instances begin, and the others are listed
    expect(ir.startEventId).toBe('Start_None');
    expect(ir.startEvents).toEqual([
      { elementId: 'Start_Message', kind: 'message', message: { name: 'order-placed' } },
      { elementId: 'Start_Signal', kind: 'signal', signal: 'go-signal' },
      {
        elementId: 'Start_Timer',
        kind: 'timer',
        timer: { kind: 'cycle', expression: 'R/PT5S', isFeel: false },
      },
    ]);
  });

  it.each([
    ['Start_Message', 'Task_FromMessage'],
    ['Start_Signal', 'Task_FromSignal'],
    [undefined, 'Task_FromNone'],
  ])('begins at %s when started there', async (startAt, task) => {
    // given the compiled fixture, when an instance starts at the start event
    const ir = await eventStarts();
    const init = { instanceId: 'wf1', variables: { x: 1 }, now: 0 };
    const { state } = startInstance(ir, startAt ? { ...init, startAt } : init);
    // then its trail runs from that start, through its own task, to the end
    expect(state.trail.map((t) => t.elementId)).toEqual([startAt ?? 'Start_None', task, 'End_1']);
    expect(state.status).toBe('COMPLETED');
  });
});

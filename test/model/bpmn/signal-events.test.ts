/**
 * Signal catch events (BPMN 2.0 §10.5.4): an intermediate signal catch (here raced by an
 * event-based gateway) and signal boundaries, interrupting and not, compile with their signal
 * names, and an instance of the compiled model waits for them.
 */
import { startInstance, step } from '../../../src/engine';
import type { ProcessIR } from '../../../src/model/bpmn/ir';
import { compileFixture } from './fixtures';

async function compiled(): Promise<ProcessIR> {
  const result = await compileFixture('signal-events');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.ir;
}

describe('signal catch events', () => {
  it('compile with their signal names', async () => {
    const ir = await compiled();
    expect(ir.elements.Catch_Go).toMatchObject({
      type: 'intermediateCatchEvent',
      eventKind: 'signal',
      signal: 'go',
    });
    expect(ir.elements.Boundary_Stop).toMatchObject({
      type: 'boundaryEvent',
      eventKind: 'signal',
      signal: 'stop',
      cancelActivity: true,
    });
    expect(ir.elements.Boundary_Nudge).toMatchObject({ signal: 'nudge', cancelActivity: false });
  });

  it('an instance waits for them, and the gateway’s signal wins over the timer', async () => {
    // given an instance at the event-based gateway
    const ir = await compiled();
    const { state } = startInstance(ir, { instanceId: 'wf1', variables: {}, now: 0 });
    expect(state.signals?.map((s) => s.name)).toEqual(['go']);
    // when the signal arrives, then the user task waits with both signal boundaries open
    step(ir, state, { type: 'signalReceived', name: 'go', now: 1 });
    expect(state.signals?.map((s) => s.name).sort()).toEqual(['nudge', 'stop']);
    step(ir, state, { type: 'signalReceived', name: 'stop', now: 2 });
    expect(state.status).toBe('COMPLETED');
    expect(state.trail.map((t) => t.elementId)).toEqual([
      'Start',
      'Gateway',
      'Catch_Go',
      'Boundary_Stop',
      'End_Stopped',
    ]);
  });
});

import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('call-activity', () => {
  it('starts the child with all visible variables and propagates all child variables', () => {
    const ir = proc()
      .start('s')
      .callActivity('call', { processId: 'child-proc', inputs: io({ x: 'a + 1' }) })
      .end('e')
      .build();
    const sim = new Sim(ir, { a: 1 });
    expect(sim.last).toEqual([
      {
        type: 'startChild',
        feiId: 'wf1/call/1',
        elementId: 'call',
        processId: 'child-proc',
        variables: { a: 1, x: 2 },
      },
    ]);
    sim.send({ type: 'childCompleted', feiId: 'wf1/call/1', variables: { r: 'done' } });
    expect(sim.vars()).toEqual({ a: 1, r: 'done' });
  });

  it('FEEL process id, only inputs when propagateAllParentVariables is false, only outputs when propagateAllChildVariables is false', () => {
    const ir = proc()
      .start('s')
      .callActivity('call', {
        processId: '"proc-" + kind',
        processIdIsFeel: true,
        propagateAllParentVariables: false,
        propagateAllChildVariables: false,
        inputs: io({ only: 'kind' }),
        outputs: io({ picked: 'r1' }),
      })
      .end('e')
      .build();
    const sim = new Sim(ir, { kind: 'b', secret: 1 });
    expect(sim.last[0]).toMatchObject({ processId: 'proc-b', variables: { only: 'b' } });
    sim.send({ type: 'childCompleted', feiId: 'wf1/call/1', variables: { r1: 1, r2: 2 } });
    expect(sim.vars()).toEqual({ kind: 'b', secret: 1, picked: 1 });
  });

  it('a failed child is a child incident; retry starts it again', () => {
    const sim = new Sim(
      proc().start('s').callActivity('call', { processId: 'c' }).end('e').build(),
    );
    sim.send({ type: 'childFailed', feiId: 'wf1/call/1', message: 'child blew up' });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ kind: 'child', message: 'child blew up' });
    const cmds = sim.send({ type: 'incidentRetried', incidentId: incident.id });
    expect(cmds[0]).toMatchObject({ type: 'startChild', feiId: 'wf1/call/1' });
  });
});

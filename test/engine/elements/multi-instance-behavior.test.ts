/** Multi-instance behaviour events (BPMN 2.0 §10.3.8 `behavior`): src/engine/loop-events.ts. */
import type {
  BehaviorThrowIR,
  LoopBehaviorIR,
  MultiInstanceIR,
} from '../../../src/model/bpmn/ir-loop';
import '../support/builder-extra';
import { proc } from '../support/builder';
import { Sim } from '../support/sim';

const escalate = (code: string): BehaviorThrowIR => ({ kind: 'escalation', escalationCode: code });

const mi = (behavior: LoopBehaviorIR, spec: Partial<MultiInstanceIR> = {}): MultiInstanceIR => ({
  kind: 'multiInstance',
  sequential: false,
  loopCardinality: '3',
  behavior,
  ...spec,
});

/** A service task over three instances with `behavior`, and a boundary `b` on its body. */
function withBoundary(behavior: LoopBehaviorIR, boundary: (p: ReturnType<typeof proc>) => void) {
  const p = proc().start('s').serviceTask('t', { type: 'work' }).looped(mi(behavior)).end('e');
  boundary(p);
  return p.end('caught').build();
}

/** The incidents once the first of three plain inner instances with `behavior` completed. */
function incidentsAfterFirstCompletion(behavior: LoopBehaviorIR) {
  const ir = proc()
    .start('s')
    .serviceTask('t', { type: 'work' })
    .looped(mi(behavior))
    .end('e')
    .build();
  const sim = new Sim(ir);
  const [f1] = sim.commandsOf('scheduleTask').map((c) => c.feiId);
  sim.send({ type: 'taskCompleted', feiId: f1 });
  return Object.values(sim.state.incidents);
}

function completeAll(sim: Sim): string[] {
  const feis = sim.commandsOf('scheduleTask').map((c) => c.feiId);
  for (const feiId of feis) sim.send({ type: 'taskCompleted', feiId });
  return feis;
}

describe('multi-instance behaviour events', () => {
  it('None: every completing instance throws; a non-interrupting boundary on the body catches each', () => {
    const ir = withBoundary({ mode: 'None', events: [{ event: escalate('DONE') }] }, (p) =>
      p.escalationBoundary('b', 't', 'DONE', false),
    );
    const sim = new Sim(ir);
    completeAll(sim);
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.trail().filter((id) => id === 'b')).toHaveLength(3);
    expect(sim.trail().filter((id) => id === 'caught')).toHaveLength(3);
    expect(sim.trail().slice(-2)).toEqual(['t', 'e']);
  });

  it('the body completing in the step its last boundary path ends still takes its flow', () => {
    // the root scope and the body's scope empty in one step: the flow out of the body must be
    // entered before the root scope is found empty
    const behavior: LoopBehaviorIR = { mode: 'None', events: [{ event: escalate('DONE') }] };
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'work' })
      .looped(mi(behavior))
      .userTask('next')
      .end('e')
      .escalationBoundary('b', 't', 'DONE', false)
      .end('caught')
      .build();
    const sim = new Sim(ir);
    completeAll(sim);
    expect(sim.state.status).toBe('RUNNING');
    expect(Object.values(sim.state.userTasks).map((t) => t.elementId)).toEqual(['next']);
  });

  it('One: only the first completion throws; the signal carries no variables', () => {
    const ir = withBoundary(
      { mode: 'One', events: [{ event: { kind: 'signal', signal: 'firstDone' } }] },
      (p) => p.signalBoundary('b', 't', 'firstDone', false),
    );
    const sim = new Sim(ir);
    completeAll(sim);
    const broadcasts = sim.commandsOf('broadcastSignal');
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0].name).toBe('firstDone');
    expect(broadcasts[0].variables).toEqual({});
    expect(sim.vars()).toEqual({});
    expect(sim.trail().filter((id) => id === 'b')).toHaveLength(1);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('Complex: the event whose condition holds is thrown; interrupting, it cancels the rest', () => {
    const behavior: LoopBehaviorIR = {
      mode: 'Complex',
      events: [
        { condition: 'numberOfCompletedInstances = 5', event: escalate('NEVER') },
        { condition: 'numberOfCompletedInstances = 2', event: escalate('TWO') },
      ],
    };
    const ir = withBoundary(behavior, (p) => p.escalationBoundary('b', 't', undefined, true));
    const sim = new Sim(ir);
    const [f1, f2, f3] = sim.commandsOf('scheduleTask').map((c) => c.feiId);
    sim.send({ type: 'taskCompleted', feiId: f1 });
    expect(sim.trail()).not.toContain('b');
    sim.send({ type: 'taskCompleted', feiId: f2 });
    expect(sim.commandsOf('cancelWork', sim.last).map((c) => c.feiId)).toEqual([f3]);
    expect(sim.trail()).toEqual(['s', 't', 't', 'b', 'caught']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('instances cancelled by the completion condition throw nothing', () => {
    const behavior: LoopBehaviorIR = { mode: 'None', events: [{ event: escalate('DONE') }] };
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'work' })
      .looped(mi(behavior, { completionCondition: 'numberOfCompletedInstances >= 1' }))
      .end('e')
      .escalationBoundary('b', 't', 'DONE', false)
      .end('caught')
      .build();
    const sim = new Sim(ir);
    const [f1] = sim.commandsOf('scheduleTask').map((c) => c.feiId);
    sim.send({ type: 'taskCompleted', feiId: f1 });
    expect(sim.trail().filter((id) => id === 'b')).toHaveLength(1);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an uncaught error thrown by the body is an error incident on the body', () => {
    const behavior: LoopBehaviorIR = {
      mode: 'One',
      events: [{ event: { kind: 'error', errorCode: 'PARTIAL' } }],
    };
    const incidents = incidentsAfterFirstCompletion(behavior);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ elementId: 't', kind: 'error' });
    expect(incidents[0].flowElementInstanceId).toBe('wf1/t~body/1');
    expect(incidents[0].message).toContain("unhandled BPMN error 'PARTIAL'");
  });

  it('a Complex condition that fails parks the completion in an expression incident', () => {
    const behavior: LoopBehaviorIR = {
      mode: 'Complex',
      events: [{ condition: 'numberOfCompletedInstances >', event: escalate('X') }],
    };
    const incidents = incidentsAfterFirstCompletion(behavior);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].message).toContain('complexBehaviorDefinition condition');
  });
});

/** Complex gateway (BPMN 2.0 §13.3.5): see src/engine/complex-join.ts and elements/complex-gateway.ts. */
import { proc } from '../support/builder';
import '../support/builder-extra';
import { Sim } from '../support/sim';

/** fork → three user tasks → complex join (condition) → script → end. */
function twoOfThree(condition = 'activationCount >= 2') {
  return proc()
    .start('s')
    .parallel('fork')
    .userTask('a')
    .complex('join', { activationCondition: condition })
    .script('after', 'if fired = null then 1 else fired + 1', 'fired')
    .end('e')
    .from('fork')
    .userTask('b')
    .connect('join')
    .from('fork')
    .userTask('c')
    .connect('join')
    .build();
}

describe('complex-gateway', () => {
  it('fires when the activation condition holds, then consumes the late token without firing', () => {
    const sim = new Sim(twoOfThree());
    // given one token arrived: the condition (2 of 3) does not hold yet
    sim.completeUserTask('b');
    expect(sim.trail()).toEqual(['s', 'fork', 'b']);
    // when the second arrives, the gateway fires once
    sim.completeUserTask('a');
    expect(sim.trail()).toEqual(['s', 'fork', 'b', 'a', 'join', 'after', 'e']);
    expect(sim.vars()).toEqual({ fired: 1 });
    // and waits for reset: the third token is still expected
    expect(sim.state.complex).toEqual({ 'wf1/root|join': { consumed: ['a->join', 'b->join'] } });
    expect(sim.state.status).toBe('RUNNING');
    // when it arrives it is consumed without firing again, and the instance completes
    sim.roundTrip().completeUserTask('c');
    expect(sim.trail()).toEqual(['s', 'fork', 'b', 'a', 'join', 'after', 'e', 'c']);
    expect(sim.vars()).toEqual({ fired: 1 });
    expect(sim.state.complex).toBeUndefined();
    expect(sim.state.joins).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a discriminator (first token) fires once; reset happens when no token can come any more', () => {
    // given a fork where only one branch is taken besides a fixed one
    const ir = proc()
      .start('s')
      .inclusive('fork')
      .when('true')
      .script('a', '"a"', 'ra')
      .complex('join', { activationCondition: 'activationCount >= 1' })
      .end('e')
      .from('fork')
      .when('false')
      .script('b', '"b"', 'rb')
      .connect('join')
      .from('fork')
      .when('true')
      .userTask('c')
      .connect('join')
      .build();
    const sim = new Sim(ir);
    // then the first token fires the gateway, the flow from b never gets a token
    expect(sim.trail()).toEqual(['s', 'fork', 'a', 'join', 'e']);
    expect(sim.state.complex).toBeDefined();
    sim.completeUserTask('c');
    expect(sim.trail()).toEqual(['s', 'fork', 'a', 'join', 'e', 'c']);
    expect(sim.state.complex).toBeUndefined();
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('the condition can read per-flow counts and variables', () => {
    const sim = new Sim(twoOfThree('activationCounts["c->join"] = 1 or activationCount >= limit'), {
      limit: 3,
    });
    sim.completeUserTask('a');
    sim.completeUserTask('b');
    expect(sim.trail()).not.toContain('join');
    sim.completeUserTask('c');
    expect(sim.trail()).toEqual(['s', 'fork', 'a', 'b', 'c', 'join', 'after', 'e']);
    expect(sim.state.complex).toBeUndefined();
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('fires on the first token of a parallel fork; the slow branch only resets it', () => {
    // given a discriminator after a parallel fork
    const ir = proc()
      .start('s')
      .parallel('fork')
      .userTask('a')
      .complex('join', { activationCondition: 'activationCount >= 1' })
      .script('after', 'if fired = null then 1 else fired + 1', 'fired')
      .end('e')
      .from('fork')
      .userTask('b')
      .connect('join')
      .build();
    const sim = new Sim(ir);
    sim.completeUserTask('a');
    expect(sim.vars()).toEqual({ fired: 1 });
    sim.completeUserTask('b');
    // b's token resets the gateway (consumed, no firing)
    expect(sim.vars()).toEqual({ fired: 1 });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('diverging, it takes every true flow, else the default', () => {
    const ir = proc()
      .start('s')
      .complex('split')
      .when('x > 1')
      .script('big', '"big"', 'r1')
      .end('e1')
      .from('split')
      .when('x > 5')
      .script('huge', '"huge"', 'r2')
      .end('e2')
      .from('split')
      .otherwise()
      .script('small', '"small"', 'r3')
      .end('e3')
      .build();
    expect(new Sim(ir, { x: 9 }).trail()).toEqual(['s', 'split', 'big', 'huge', 'e1', 'e2']);
    expect(new Sim(ir, { x: 0 }).trail()).toEqual(['s', 'split', 'small', 'e3']);
  });
});

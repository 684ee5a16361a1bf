import { proc } from '../support/builder';
import { Sim, T0 } from '../support/sim';

describe('intermediate-catch-event (timer)', () => {
  it.each([
    [{ expression: 'PT30S' }, T0 + 30_000],
    [{ expression: 'P1DT2H' }, T0 + 26 * 3600_000],
    [{ kind: 'date' as const, expression: '2024-03-01T12:00:00Z' }, Date.UTC(2024, 2, 1, 12)],
    [{ kind: 'date' as const, expression: '2024-03-01T12:00:00' }, Date.UTC(2024, 2, 1, 12)],
    [{ expression: 'wait', isFeel: true }, T0 + 5000],
    [{ expression: 'duration("PT1M")', isFeel: true }, T0 + 60_000],
    [
      { kind: 'date' as const, expression: 'date and time("2024-01-02T00:00:00Z")', isFeel: true },
      Date.UTC(2024, 0, 2),
    ],
    [{ kind: 'date' as const, expression: 'now() + duration("PT2S")', isFeel: true }, T0 + 2000],
  ])('%j is due at the right time', (timer, dueAt) => {
    const ir = proc().start('s').timerCatch('t', timer).end('e').build();
    const sim = new Sim(ir, { wait: 'PT5S' });
    const [cmd] = sim.commandsOf('startTimer');
    expect(cmd.dueAt).toBe(dueAt);
    sim.now = dueAt;
    sim.send({ type: 'timerFired', timerId: cmd.timerId });
    expect(sim.trail()).toEqual(['s', 't', 'e']);
  });

  it('an invalid timer expression is an expression incident', () => {
    const sim = new Sim(proc().start('s').timerCatch('t', { expression: 'soon' }).end('e').build());
    expect(Object.values(sim.state.incidents)[0]).toMatchObject({
      kind: 'expression',
      elementId: 't',
    });
  });

  it('ignores an unknown timer id', () => {
    const sim = new Sim(proc().start('s').timerCatch('t', { expression: 'PT1S' }).end('e').build());
    expect(sim.send({ type: 'timerFired', timerId: 'nope' })).toEqual([]);
  });
});

/** Ad-hoc subprocess (BPMN 2.0 §10.3.5, Camunda 8.7 zeebe:adHoc): see src/engine/elements/ad-hoc-sub-process.ts. */
import { proc } from '../support/builder';
import '../support/builder-extra';
import type { ProcBuilder } from '../support/builder';
import { Sim } from '../support/sim';

type Options = Parameters<ProcBuilder['adHoc']>[2];

/** s → ad-hoc { A → A2, B, C (user tasks, A2 a script) } → after → e. */
function model(opts: Options) {
  return proc()
    .start('s')
    .adHoc(
      'ah',
      (b) =>
        b
          .detached()
          .userTask('A')
          .script('A2', '"a2"', 'a2')
          .detached()
          .userTask('B')
          .detached()
          .userTask('C'),
      opts,
    )
    .script('after', '"after"', 'after')
    .end('e')
    .build();
}

describe('ad-hoc-sub-process', () => {
  it('compiles the activatable elements: those without incoming flows', () => {
    const ir = model({});
    expect(ir.elements.ah).toEqual(expect.objectContaining({ activatable: ['A', 'B', 'C'] }));
  });

  it('parallel: starts the listed elements at once, completes when their paths ended', () => {
    const sim = new Sim(model({ activeElements: 'todo' }), { todo: ['C', 'A'] });
    expect(sim.active().sort()).toEqual(['A', 'C', 'ah']);
    sim.completeUserTask('A');
    sim.roundTrip().completeUserTask('C');
    expect(sim.trail()).toEqual(['s', 'A', 'A2', 'C', 'ah', 'after', 'e']);
    expect(sim.state.adHoc).toBeUndefined();
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('sequential: one element at a time, in list order', () => {
    const sim = new Sim(model({ activeElements: 'todo', ordering: 'sequential' }), {
      todo: ['B', 'A'],
    });
    expect(sim.active()).toEqual(['ah', 'B']);
    sim.completeUserTask('B');
    expect(sim.active()).toEqual(['ah', 'A']);
    sim.completeUserTask('A');
    expect(sim.trail()).toEqual(['s', 'B', 'A', 'A2', 'ah', 'after', 'e']);
  });

  it('the completion condition ends it early and cancels the remaining elements', () => {
    const sim = new Sim(
      model({ activeElements: '["A", "B", "C"]', completionCondition: 'enough = true' }),
    );
    sim.completeUserTask('B', { enough: true });
    expect(sim.trail()).toEqual(['s', 'B', 'ah', 'after', 'e']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('without cancelRemainingInstances it waits for the active ones but starts no more', () => {
    const sim = new Sim(
      model({
        activeElements: '["B", "C", "A"]',
        ordering: 'sequential',
        completionCondition: 'enough = true',
        cancelRemainingInstances: false,
      }),
    );
    sim.completeUserTask('B', { enough: true });
    expect(sim.trail()).toEqual(['s', 'B', 'ah', 'after', 'e']);
  });

  it('an empty list completes it; an unknown element id is an incident', () => {
    expect(new Sim(model({ activeElements: '[]' })).trail()).toEqual(['s', 'ah', 'after', 'e']);
    const sim = new Sim(model({ activeElements: '["A", "Nope"]' }));
    expect(Object.values(sim.state.incidents).map((i) => i.message)).toEqual([
      expect.stringContaining('activatable: A, B, C'),
    ]);
  });
});

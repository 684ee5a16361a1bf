/**
 * User-task fields beyond the element: due / follow-up date and priority evaluated as the task
 * opens (a bad one is an expression incident), and `userTaskUpdated` changing an open task.
 */
import { openUserTasks } from '../../src/engine';
import type { UserTaskIR } from '../../src/model/bpmn/ir';
import { proc } from './support/builder';
import { Sim, T0 } from './support/sim';

function model(fields: Partial<UserTaskIR>) {
  const ir = proc().start('s').userTask('t').end('e').build();
  Object.assign(ir.elements.t, fields);
  return ir;
}

describe('user task fields', () => {
  it('evaluates dates (FEEL or ISO) and priority when the task opens', () => {
    // given due = now + 1 day (FEEL), follow-up a static date, priority from a variable
    const sim = new Sim(
      model({
        dueDate: 'now() + duration("P1D")',
        followUpDate: '"2024-02-01T09:00:00+01:00"',
        priority: 'base + 5',
      }),
      { base: 60 },
    );
    // then the open task carries them, dates as UTC ISO
    expect(openUserTasks(sim.state)[0]).toEqual(
      expect.objectContaining({
        dueDate: new Date(T0 + 86_400_000).toISOString(),
        followUpDate: '2024-02-01T08:00:00.000Z',
        priority: 65,
      }),
    );
  });

  it('null leaves a field unset; a non-date or out-of-range priority is an incident', () => {
    expect(openUserTasks(new Sim(model({ dueDate: 'missing' })).state)[0].dueDate).toBeUndefined();
    const bad = new Sim(model({ dueDate: '"soon"' }));
    expect(openUserTasks(bad.state)).toEqual([]);
    expect(Object.values(bad.state.incidents)[0]).toMatchObject({
      kind: 'expression',
      elementId: 't',
      message: expect.stringContaining('dueDate'),
    });
    const prio = new Sim(model({ priority: '101' }));
    expect(Object.values(prio.state.incidents)[0].message).toContain('priority');
  });

  it('userTaskUpdated assigns, re-dates and clears; ignored once the task is done', () => {
    const sim = new Sim(model({}));
    const feiId = 'wf1/t/1';
    sim.send({ type: 'userTaskUpdated', feiId, changes: { assignee: 'ada', priority: 9 } });
    sim.send({ type: 'userTaskUpdated', feiId, changes: { dueDate: '2024-03-01T00:00:00.000Z' } });
    expect(openUserTasks(sim.state)[0]).toEqual(
      expect.objectContaining({
        assignee: 'ada',
        priority: 9,
        dueDate: '2024-03-01T00:00:00.000Z',
      }),
    );
    sim.send({ type: 'userTaskUpdated', feiId, changes: { assignee: null, dueDate: null } });
    const task = openUserTasks(sim.state)[0];
    expect(task.assignee).toBeUndefined();
    expect(task.dueDate).toBeUndefined();
    sim.completeUserTask('t', {});
    sim.send({ type: 'userTaskUpdated', feiId, changes: { assignee: 'bob' } });
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.trail()).toEqual(['s', 't', 'e']);
  });
});

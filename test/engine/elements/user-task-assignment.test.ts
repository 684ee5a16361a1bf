/**
 * User task assignment and schedule as FEEL (src/engine/elements/user-task-assignment.ts):
 * `=boss` assigns the value of `boss`; a value of the wrong type is an incident; IR compiled
 * before `expressions` existed keeps its `=` values literally (running instances unchanged).
 */
import { openUserTasks } from '../../../src/engine';
import type { UserTaskIR } from '../../../src/model/bpmn/ir';
import { proc } from '../support/builder';
import { Sim } from '../support/sim';

function approval(fields: Partial<UserTaskIR>) {
  const ir = proc().start('s').userTask('approve').end('e').build();
  Object.assign(ir.elements.approve as UserTaskIR, fields);
  return ir;
}

describe('user-task assignment and schedule', () => {
  it('evaluates assignee, candidate groups and users, due and follow-up dates', () => {
    // given every assignment attribute as an expression, and the schedule as FEEL
    // (user-task-extras.ts compiles a static date to its FEEL string literal)
    const ir = approval({
      followUpDate: '"2030-01-30T09:00:00Z"',
      dueDate: 'date and time("2030-01-31T17:00:00Z")',
      expressions: {
        assignee: 'boss',
        candidateGroups: 'groups',
        candidateUsers: '"ann, bob"',
      },
    });
    const sim = new Sim(ir, { boss: 'ada', groups: ['finance', 'audit'] });
    // then the open task carries their values
    expect(openUserTasks(sim.state)).toEqual([
      expect.objectContaining({
        assignee: 'ada',
        candidateGroups: 'finance,audit',
        candidateUsers: 'ann, bob',
        dueDate: '2030-01-31T17:00:00.000Z',
        followUpDate: '2030-01-30T09:00:00.000Z',
      }),
    ]);
  });

  it('an assignee that is not a string is an incident naming the element; retry re-evaluates', () => {
    // given assignee "=boss" and no variable boss
    const sim = new Sim(approval({ expressions: { assignee: 'boss' } }));
    // then no task opens, and the incident says why
    expect(openUserTasks(sim.state)).toEqual([]);
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ kind: 'expression', elementId: 'approve' });
    expect(incident.message).toBe(
      `element 'approve': assignee expression "boss" evaluated to null, not a string`,
    );
    // when retried, it is evaluated again
    sim.send({ type: 'incidentRetried', incidentId: incident.id });
    expect(Object.values(sim.state.incidents)).toHaveLength(1);
  });

  it('candidate groups must be strings', () => {
    const sim = new Sim(approval({ expressions: { candidateGroups: '[1, 2]' } }));
    const [incident] = Object.values(sim.state.incidents);
    expect(incident.message).toContain('not a list of strings');
  });

  it('IR compiled before expressions keeps "=boss" literally', () => {
    const sim = new Sim(approval({ assignee: '=boss' }), { boss: 'ada' });
    expect(openUserTasks(sim.state)).toEqual([expect.objectContaining({ assignee: '=boss' })]);
  });
});

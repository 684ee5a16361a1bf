/**
 * FEEL where Camunda 8 allows it (`=expr`): task type and retries, user task assignment and
 * schedule, called process id. The compiler keeps them as FEEL source for the engine to
 * evaluate when the element starts; static values stay as written.
 */
import { compileBpmn } from '../../../src/model/bpmn';
import type { JobTaskIR, UserTaskIR } from '../../../src/model/bpmn/ir';
import { compileFixture, readFixture } from './fixtures';

describe('FEEL in task definitions, assignments and called elements', () => {
  it('keeps each expression as FEEL source and static values as written', async () => {
    const result = await compileFixture('feel-places');
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.processes?.map((p) => p.processId)).toEqual(['feel-places', 'feel-places-child']);
    const task = result.ir.elements.Task_Typed as JobTaskIR;
    expect(task).toMatchObject({
      taskType: 'taskKind',
      taskTypeIsFeel: true,
      retriesExpression: 'attempts',
      headers: { note: 'for ${boss}' },
    });
    const user = result.ir.elements.User_Approve as UserTaskIR;
    expect(user.assignee).toBeUndefined();
    // The schedule is FEEL in the IR (a static date → its FEEL string literal).
    expect(user).toMatchObject({
      dueDate: 'due',
      followUpDate: '"2030-01-30T09:00:00Z"',
      expressions: { assignee: 'boss', candidateGroups: 'groups' },
    });
    expect(result.ir.elements.Call_Dynamic).toMatchObject({
      processId: '"feel-places-" + childSuffix',
      processIdIsFeel: true,
    });
  });

  it('reports FEEL syntax errors in task types, retries and schedules', async () => {
    const xml = readFixture('feel-places')
      .replace(
        '<zeebe:taskDefinition type="=taskKind" retries="=attempts"',
        '<zeebe:taskDefinition type="=taskKind +" retries="=(attempts"',
      )
      .replace('<zeebe:taskSchedule dueDate="=due"', '<zeebe:taskSchedule dueDate="=due +"');
    const result = await compileBpmn(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.rule, p.elementId, p.message.split('"')[0]])).toEqual([
      ['feel-syntax', 'Task_Typed', 'The FEEL task type '],
      ['feel-syntax', 'Task_Typed', 'The FEEL retries '],
      ['feel-syntax', 'User_Approve', 'The FEEL dueDate '],
    ]);
  });

  it('still refuses static retries that are not a positive whole number', async () => {
    const xml = readFixture('feel-places').replace(' retries="=attempts" />', ' retries="0" />');
    const result = await compileBpmn(xml);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        expect.objectContaining({ rule: 'service-task-type', elementId: 'Task_Typed' }),
      ]);
  });
});

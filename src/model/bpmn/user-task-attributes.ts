/**
 * The user task attributes Camunda 8 reads from `zeebe:assignmentDefinition` (assignee,
 * candidateGroups, candidateUsers): each is a
 * static value or, with a `=` prefix, a FEEL expression the engine evaluates when the task
 * opens (`=boss` is the variable `boss`, not the text "=boss"). Static values go to the IR
 * field of the same name, expressions to `expressions`. The schedule (`zeebe:taskSchedule`) is
 * read by `user-task-extras.ts`.
 */
import type { FeelExpression, UserTaskAttribute, UserTaskIR } from './ir';
import type { ModdleElement } from './moddle-types';
import { readSource } from './feel-source';
import { extension } from './zeebe';

type Attributes = Pick<UserTaskIR, UserTaskAttribute | 'expressions'>;

/** The raw attribute values of a user task, as written (the schedule too, for the rules). */
export function rawUserTaskAttributes(
  el: ModdleElement,
): Array<[UserTaskAttribute | 'dueDate' | 'followUpDate', string | undefined]> {
  const assignment = extension(el, 'zeebe:AssignmentDefinition');
  const schedule = extension(el, 'zeebe:TaskSchedule');
  const read = (owner: ModdleElement | undefined, name: string): string | undefined => {
    const value: unknown = owner ? Reflect.get(owner, name) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  return [
    ['assignee', read(assignment, 'assignee')],
    ['candidateGroups', read(assignment, 'candidateGroups')],
    ['candidateUsers', read(assignment, 'candidateUsers')],
    ['dueDate', read(schedule, 'dueDate')],
    ['followUpDate', read(schedule, 'followUpDate')],
  ];
}

/** The IR fields for a user task's assignment and schedule. */
export function userTaskAttributes(el: ModdleElement): Attributes {
  const out: Attributes = {};
  const expressions: Partial<Record<UserTaskAttribute, FeelExpression>> = {};
  for (const [name, raw] of rawUserTaskAttributes(el)) {
    // The schedule is always FEEL in the IR (user-task-extras.ts).
    if (name === 'dueDate' || name === 'followUpDate') continue;
    if (raw === undefined || raw.trim() === '') continue;
    const source = readSource(raw);
    if (source.isFeel) expressions[name] = source.text;
    else out[name] = source.text.trim();
  }
  return Object.keys(expressions).length > 0 ? { ...out, expressions } : out;
}

/**
 * A user task's assignment when it opens (BPMN 2.0 §10.3.3 "User Task" leaves
 * the performer to the engine; Camunda 8 `zeebe:assignmentDefinition`):
 * static values as written, `=expr` ones evaluated over the variables the task sees — `=boss`
 * assigns the value of `boss`. As in Zeebe, an expression that gives the wrong type is an
 * `expression` incident naming the element and attribute: assignee needs
 * a string, candidateGroups and candidateUsers
 * a list of strings or a comma-separated string (kept comma-separated, as static ones are).
 */
import type { UserTaskAttribute, UserTaskIR } from '../../model/bpmn/ir';
import { evaluateFeel } from '../feel';
import type { EpochMs, Variables } from '../types';

export type Assignment = Partial<Record<UserTaskAttribute, string>>;

const LISTS: ReadonlySet<UserTaskAttribute> = new Set(['candidateGroups', 'candidateUsers']);
const ATTRIBUTES: readonly UserTaskAttribute[] = ['assignee', 'candidateGroups', 'candidateUsers'];

/** The task's attributes, or the reason one of its expressions cannot be used. */
export function userTaskAssignment(
  el: UserTaskIR,
  variables: Variables,
  now: EpochMs,
): { ok: true; value: Assignment } | { ok: false; error: string } {
  const value: Assignment = {};
  for (const name of ATTRIBUTES) {
    const expression = el.expressions?.[name];
    if (expression === undefined) {
      if (el[name] !== undefined) value[name] = el[name];
      continue;
    }
    const r = evaluateFeel(expression, variables, { now });
    if (!r.ok) return { ok: false, error: `${name}: ${r.error}` };
    const text = asText(r.value, LISTS.has(name));
    if (text === undefined)
      return {
        ok: false,
        error: `${name} expression "${expression}" evaluated to ${JSON.stringify(r.value)}, not ${LISTS.has(name) ? 'a list of strings' : 'a string'}`,
      };
    value[name] = text;
  }
  return { ok: true, value };
}

function asText(value: unknown, list: boolean): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (list && Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.map((v: string) => v.trim()).join(',');
  return undefined;
}

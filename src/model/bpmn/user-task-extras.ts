/**
 * The Camunda 8 user-task extensions beyond assignment: the form — linked by
 * `zeebe:formDefinition formId` (a deployed form of kind `form`) or embedded as the process's
 * `zeebe:userTaskForm` that `formKey="camunda-forms:bpmn:<id>"` names — the schedule
 * (`zeebe:taskSchedule dueDate / followUpDate`) and `zeebe:priorityDefinition priority`, the
 * latter three as FEEL (a static value becomes its FEEL literal) evaluated when the task opens.
 */
import type { UserTaskIR } from './ir';
import { toFeel } from './feel-source';
import type { ModdleElement } from './moddle-types';
import { extension } from './zeebe';

const EMBEDDED_PREFIX = 'camunda-forms:bpmn:';

type Extras = Pick<UserTaskIR, 'formId' | 'formJson' | 'dueDate' | 'followUpDate' | 'priority'>;

/** The form, schedule and priority of a `bpmn:UserTask`. */
export function userTaskExtras(el: ModdleElement): Extras {
  const form = extension(el, 'zeebe:FormDefinition');
  const schedule = extension(el, 'zeebe:TaskSchedule');
  const priority = extension(el, 'zeebe:PriorityDefinition')?.priority;
  const out: Extras = {};
  if (form?.formId?.trim()) out.formId = form.formId.trim();
  const embedded = embeddedForm(el, form?.formKey);
  if (embedded !== undefined) out.formJson = embedded;
  const feel = (raw: string | undefined) => (raw?.trim() ? toFeel(raw) : undefined);
  const due = feel(schedule?.dueDate);
  const followUp = feel(schedule?.followUpDate);
  const prio = feel(priority);
  if (due !== undefined) out.dueDate = due;
  if (followUp !== undefined) out.followUpDate = followUp;
  if (prio !== undefined) out.priority = prio;
  return out;
}

/** The body of the process's `zeebe:userTaskForm` that `formKey` names, if any. */
function embeddedForm(el: ModdleElement, formKey: string | undefined): string | undefined {
  if (!formKey?.startsWith(EMBEDDED_PREFIX)) return undefined;
  const id = formKey.slice(EMBEDDED_PREFIX.length);
  let process: ModdleElement | undefined = el;
  while (process && process.$type !== 'bpmn:Process') process = process.$parent;
  const forms = process?.extensionElements?.values ?? [];
  return forms.find((f) => f.$type === 'zeebe:UserTaskForm' && f.id === id)?.body;
}

/**
 * What people do with an open user task besides completing it (Camunda 8 REST v2 shapes):
 * claim or assign it (`POST …/assignment {assignee, allowOverride?}`, 409 when someone else
 * holds it), give it back (`DELETE …/assignee`), change its due date, follow-up date or
 * priority (`PATCH`), and fetch its form (`GET …/form`: the embedded `zeebe:userTaskForm`, or
 * the deployed form of kind `form` its `formId` links, latest deployed version).
 */
import { Router } from 'express';
import type { UserTaskChanges } from '../../../workflows/messages';
import { assignUserTaskUpdate, updateUserTaskUpdate } from '../../../workflows/messages';
import type { UserTaskIR } from '../../model/bpmn/ir';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { taskInstance, taskRejection, unknownTask } from '../user-task-access';
import { assignmentSchema, userTaskChangesSchema } from '../user-task-schemas';

export function userTaskActionsRouter(deps: ApiDeps): Router {
  const router = Router();

  async function assign(feiId: string, assignee: string | null, allowOverride?: boolean) {
    const { workflowId, handle } = await taskInstance(deps, feiId);
    try {
      const task = await handle.executeUpdate(assignUserTaskUpdate, {
        args: [
          { flowElementInstanceId: feiId, assignee, ...(allowOverride ? { allowOverride } : {}) },
        ],
      });
      return { instanceId: workflowId, ...task };
    } catch (err) {
      throw taskRejection(err, feiId) ?? err;
    }
  }

  router.post('/user-tasks/:flowElementInstanceId/assignment', async (req, res) => {
    const body = parseOr400(assignmentSchema, jsonBody(req), 'body');
    res.json(await assign(req.params.flowElementInstanceId, body.assignee, body.allowOverride));
  });

  router.delete('/user-tasks/:flowElementInstanceId/assignee', async (req, res) => {
    res.json(await assign(req.params.flowElementInstanceId, null));
  });

  router.patch('/user-tasks/:flowElementInstanceId', async (req, res) => {
    const changes: UserTaskChanges = parseOr400(userTaskChangesSchema, jsonBody(req), 'body');
    const feiId = req.params.flowElementInstanceId;
    const { workflowId, handle } = await taskInstance(deps, feiId);
    try {
      const task = await handle.executeUpdate(updateUserTaskUpdate, {
        args: [{ flowElementInstanceId: feiId, changes: normalized(changes) }],
      });
      res.json({ instanceId: workflowId, ...task });
    } catch (err) {
      throw taskRejection(err, feiId) ?? err;
    }
  });

  router.get('/user-tasks/:flowElementInstanceId/form', async (req, res) => {
    const feiId = req.params.flowElementInstanceId;
    const { fields } = await taskInstance(deps, feiId);
    const elementId = feiId.split('/').slice(-2)[0];
    const { id, version } = fields.definition;
    const compiled = id ? await deps.registry.definitions.compiledVersion(id, version) : undefined;
    const el = (compiled?.compiled as { elements?: Record<string, UserTaskIR> } | undefined)
      ?.elements?.[elementId];
    if (el?.type !== 'userTask') throw unknownTask(feiId);
    res.json(await formOf(deps, el, feiId));
  });

  return router;
}

/** Dates as the engine stores them (UTC ISO strings). */
function normalized(changes: UserTaskChanges): UserTaskChanges {
  const out: UserTaskChanges = { ...changes };
  for (const f of ['dueDate', 'followUpDate'] as const) {
    const v = changes[f];
    if (typeof v === 'string') out[f] = new Date(Date.parse(v)).toISOString();
  }
  return out;
}

async function formOf(deps: ApiDeps, el: UserTaskIR, feiId: string): Promise<unknown> {
  const noForm = (detail: string) => new HttpProblem(404, detail, { type: 'form-not-found' });
  if (el.formJson !== undefined) {
    try {
      return JSON.parse(el.formJson) as unknown;
    } catch {
      throw noForm(`the embedded form of user task '${feiId}' is not valid JSON`);
    }
  }
  if (el.formId === undefined) throw noForm(`user task '${feiId}' has no form`);
  const def = await deps.registry.definitions.getDefinition(el.formId);
  const form =
    def?.kind === 'form' ? await deps.registry.definitions.compiledVersion(def.id) : undefined;
  if (!form) throw noForm(`form '${el.formId}' of user task '${feiId}' is not deployed`);
  return form.compiled;
}

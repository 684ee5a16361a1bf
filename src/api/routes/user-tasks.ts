/**
 * User tasks across instances: list the open ones (visibility lists running Waymark
 * workflows, each is queried) and complete one by its flowElementInstanceId. The owning
 * workflow id is the feiId without its last two segments (`<workflowId>/<elementId>/<n>`).
 */
import { Router } from 'express';
import { completeUserTaskUpdate } from '../../../workflows/messages';
import type { ApiDeps } from '../deps';
import { describeInstance, queryView, requireRunning, updateRejection } from '../instance-access';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { completeUserTaskSchema, listUserTasksQuerySchema } from '../schemas';
import { listPage, literal, waymarkOnly } from '../temporal-views';
import type { InstanceListItem } from '../temporal-views';

/** How many instances are queried at once, and at most in one listing. */
const concurrency = 8;
const maxInstances = 2000;

/** `<workflowId>/<elementId>/<n>` → workflowId, or undefined when the id has another shape. */
export function workflowIdOf(feiId: string): string | undefined {
  const parts = feiId.split('/');
  if (
    parts.length < 3 ||
    !/^\d+$/.test(parts[parts.length - 1]) ||
    parts.slice(0, -2).join('/') === ''
  )
    return undefined;
  return parts.slice(0, -2).join('/');
}

export function userTasksRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  router.get('/user-tasks', async (req, res) => {
    const q = parseOr400(listUserTasksQuerySchema, req.query, 'query');
    const clauses = [waymarkOnly, 'ExecutionStatus = "Running"'];
    if (q.definition !== undefined) {
      const def = await deps.registry.definitions.getDefinition(q.definition);
      clauses.push(
        def
          ? `WaymarkDefinitionId = ${literal(def.id)}`
          : `WorkflowType = ${literal(q.definition)}`,
      );
    }
    const instances: InstanceListItem[] = [];
    let token: string | undefined;
    do {
      const page = await listPage(client, clauses.join(' AND '), 500, token);
      instances.push(...page.items);
      token = page.nextPageToken;
    } while (token && instances.length < maxInstances);

    const tasks: Record<string, unknown>[] = [];
    const unavailable: string[] = [];
    for (let i = 0; i < instances.length; i += concurrency) {
      const batch = instances.slice(i, i + concurrency);
      const views = await Promise.all(
        batch.map((inst) =>
          queryView(client, client.workflow.getHandle(inst.workflowId), timeoutMs),
        ),
      );
      views.forEach(({ view }, j) => {
        const inst = batch[j];
        if (!view) {
          unavailable.push(inst.workflowId);
          return;
        }
        for (const task of view.userTasks) {
          if (q.assignee !== undefined && task.assignee !== q.assignee) continue;
          if (
            q.candidateGroup !== undefined &&
            !(task.candidateGroups ?? '')
              .split(',')
              .map((g) => g.trim())
              .includes(q.candidateGroup)
          )
            continue;
          tasks.push({
            ...task,
            instanceId: inst.workflowId,
            definition: inst.definition,
            businessKey: inst.businessKey,
          });
        }
      });
    }
    res.json({
      items: tasks,
      ...(unavailable.length > 0 ? { unavailableInstances: unavailable } : {}),
    });
  });

  router.post('/user-tasks/:flowElementInstanceId/complete', async (req, res) => {
    const body = parseOr400(completeUserTaskSchema, jsonBody(req), 'body');
    const feiId = req.params.flowElementInstanceId;
    const workflowId = workflowIdOf(feiId);
    const unknownTask = () =>
      new HttpProblem(404, `user task '${feiId}' not found`, { type: 'user-task-not-found' });
    if (!workflowId) throw unknownTask();
    const { handle, description } = await describeInstance(client, workflowId).catch(
      (err: unknown) => {
        throw err instanceof HttpProblem && err.status === 404 ? unknownTask() : err;
      },
    );
    requireRunning(workflowId, description);
    try {
      const out = await handle.executeUpdate(completeUserTaskUpdate, {
        args: [{ flowElementInstanceId: feiId, variables: body.variables }],
      });
      res.json({ instanceId: workflowId, ...out });
    } catch (err) {
      const rejection = updateRejection(err);
      if (rejection === undefined) throw err;
      // Known but finished (in the trail) → 409; never seen → 404.
      const { view } = await queryView(client, handle, timeoutMs);
      const seen = view?.trail.some((t) => t.flowElementInstanceId === feiId) ?? true;
      if (!seen) throw new HttpProblem(404, rejection, { type: 'user-task-not-found' });
      throw new HttpProblem(409, rejection, { type: 'user-task-not-open' });
    }
  });

  return router;
}

/**
 * User tasks across instances: list the open ones (visibility lists running Waymark
 * workflows, each is queried), filtered, sorted and paged (user-task-list.ts), and complete
 * one by its flowElementInstanceId — naming the `user` completing it makes a task assigned to
 * someone else answer 409. Assignment, changes and forms: user-task-actions.ts.
 */
import { Router } from 'express';
import { completeUserTaskUpdate } from '../../../workflows/messages';
import type { ApiDeps } from '../deps';
import { queryView, updateRejection } from '../instance-access';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { completeUserTaskSchema, listUserTasksQuerySchema } from '../schemas';
import { listPage, literal, waymarkOnly } from '../temporal-views';
import type { InstanceListItem } from '../temporal-views';
import { taskInstance, taskRejection } from '../user-task-access';
import { matches, pageOf, type ListedUserTask, type UserTaskQuery } from '../user-task-list';

export { workflowIdOf } from '../user-task-access';

/** How many instances are queried at once, and at most in one listing. */
const concurrency = 8;
const maxInstances = 2000;

export function userTasksRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  /** The running instances the query may find tasks in. */
  async function instancesFor(q: UserTaskQuery): Promise<InstanceListItem[]> {
    const clauses = [waymarkOnly, 'ExecutionStatus = "Running"'];
    if (q.instance !== undefined) clauses.push(`WorkflowId = ${literal(q.instance)}`);
    // Only instances whose earliest open due date has passed (workflows/process/due-dates.ts).
    if (q.overdue === 'true')
      clauses.push(`WaymarkUserTaskDue < ${literal(new Date().toISOString())}`);
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
    return instances;
  }

  router.get('/user-tasks', async (req, res) => {
    const q = parseOr400(listUserTasksQuerySchema, req.query, 'query');
    const instances = await instancesFor(q);
    const now = Date.now();
    const tasks: ListedUserTask[] = [];
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
          if (!matches(task, q, now)) continue;
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
      ...pageOf(tasks, q),
      ...(unavailable.length > 0 ? { unavailableInstances: unavailable } : {}),
    });
  });

  router.post('/user-tasks/:flowElementInstanceId/complete', async (req, res) => {
    const body = parseOr400(completeUserTaskSchema, jsonBody(req), 'body');
    const feiId = req.params.flowElementInstanceId;
    const { workflowId, handle } = await taskInstance(deps, feiId);
    try {
      const out = await handle.executeUpdate(completeUserTaskUpdate, {
        args: [
          {
            flowElementInstanceId: feiId,
            variables: body.variables,
            ...(body.user !== undefined ? { user: body.user } : {}),
          },
        ],
      });
      res.json({ instanceId: workflowId, ...out });
    } catch (err) {
      const assigned = taskRejection(err, feiId);
      if (assigned?.extra.type === 'user-task-assigned') throw assigned;
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

/**
 * OpenAPI paths of instances and user tasks (routes/instances.ts, instance-variables.ts,
 * user-tasks.ts): start, list, read, cancel, change variables, deliver a message, retry an
 * incident, list and complete user tasks.
 */
import { assignmentSchema, userTaskChangesSchema } from '../user-task-schemas';
import {
  completeUserTaskSchema,
  listInstancesQuerySchema,
  listUserTasksQuerySchema,
  messageSchema,
  startInstanceSchema,
  updateVariablesSchema,
} from '../schemas';
import type { Json } from './common';
import {
  bodyErrors,
  errors,
  idempotencyKey,
  jsonBody,
  ok,
  pathParam,
  problemResponse,
  queryParams,
} from './common';

const instanceId = pathParam('id', 'Instance id (= Temporal workflow id)');
const notRunning = problemResponse('The instance is not running');

/** The answer of every start (`startResponse` in start/start-workflow.ts). */
export const startResponse: Json = {
  type: 'object',
  properties: {
    instanceId: { type: 'string' },
    workflowId: { type: 'string' },
    runId: { type: 'string' },
    definition: {
      type: 'object',
      properties: { id: { type: 'string' }, key: { type: 'string' }, version: { type: 'integer' } },
    },
    links: {
      type: 'object',
      properties: { self: { type: 'string' }, temporalUi: { type: 'string' } },
    },
  },
};

export function instancePaths(): Json {
  return {
    '/definitions/{idOrKey}/instances': {
      parameters: [pathParam('idOrKey', 'Definition id (uuid) or key'), idempotencyKey],
      post: {
        summary: 'Start an instance (latest deployed version unless `version`)',
        requestBody: jsonBody(startInstanceSchema, false),
        responses: {
          '201': ok('Started (`Location`: the instance)', startResponse),
          '400': problemResponse(
            'Invalid body, missing mandatory fields or integration inputs, Idempotency-Key too long',
          ),
          '401': errors['401'],
          '404': problemResponse('Unknown definition or version'),
          '409': problemResponse(
            'Disabled, draft version, or an instance with this business key is running',
          ),
          ...bodyErrors,
          '422': problemResponse('Starting this kind is not supported'),
        },
      },
    },
    '/instances': {
      get: {
        summary: 'List instances (Temporal visibility), paged by `nextPageToken`',
        parameters: queryParams(listInstancesQuerySchema),
        responses: {
          '200': ok('`{items, nextPageToken?}`'),
          '400': problemResponse('Invalid query or nextPageToken'),
          '401': errors['401'],
        },
      },
    },
    '/instances/{id}': {
      parameters: [instanceId],
      get: {
        summary: 'Status, variables, active elements, incidents, user tasks, trail, state, result',
        responses: { '200': ok('Instance'), '401': errors['401'], '404': errors['404'] },
      },
    },
    '/instances/{id}/cancel': {
      parameters: [instanceId],
      post: {
        summary: 'Cancel',
        responses: {
          '202': ok('Cancel requested'),
          '401': errors['401'],
          '404': errors['404'],
          '409': notRunning,
        },
      },
    },
    '/instances/{id}/variables': {
      parameters: [instanceId],
      patch: {
        summary:
          "Create or overwrite root-scope variables of a running BPMN instance (an operator's change)",
        requestBody: jsonBody(updateVariablesSchema),
        responses: {
          '200': ok('The root-scope variables after the change', {
            type: 'object',
            properties: { instanceId: { type: 'string' }, variables: { type: 'object' } },
          }),
          '400': problemResponse(
            'Invalid body: `variables` missing, not an object, empty, or a reserved name (`errors`)',
          ),
          '401': errors['401'],
          '404': errors['404'],
          '409': problemResponse('The instance is closed, or not a BPMN process'),
          ...bodyErrors,
          '413': problemResponse(
            'Body over WAYMARK_BODY_LIMIT, or the variables (sent, or after the change) over the payload budget: `size`, `limit`',
          ),
        },
      },
    },
    '/instances/{id}/messages': {
      parameters: [instanceId],
      post: {
        summary: 'Deliver a message (buffered until a receive task or catch event waits for it)',
        requestBody: jsonBody(messageSchema),
        responses: { '202': ok('Accepted'), ...errors, '409': notRunning, ...bodyErrors },
      },
    },
    '/instances/{id}/incidents/{incidentId}/retry': {
      parameters: [instanceId, pathParam('incidentId', 'Incident id')],
      post: {
        summary: 'Retry the element of an incident',
        responses: {
          '200': ok('Retried'),
          '401': errors['401'],
          '404': problemResponse('Unknown instance, or unknown or resolved incident'),
          '409': notRunning,
        },
      },
    },
    '/user-tasks': {
      get: {
        summary: 'Open user tasks across running instances',
        parameters: queryParams(listUserTasksQuerySchema),
        responses: {
          '200': ok('`{items, unavailableInstances?}`'),
          '400': errors['400'],
          '401': errors['401'],
        },
      },
    },
    '/user-tasks/{flowElementInstanceId}/complete': {
      parameters: [pathParam('flowElementInstanceId', '<workflowId>/<elementId>/<n>')],
      post: {
        summary: 'Complete a user task',
        requestBody: jsonBody(completeUserTaskSchema, false),
        responses: {
          '200': ok('Completed'),
          ...errors,
          '409': problemResponse(
            'Already completed, assigned to someone other than `user`, or the instance is not running',
          ),
          ...bodyErrors,
        },
      },
    },
    ...userTaskActionPaths(),
  };
}

const taskId = pathParam('flowElementInstanceId', '<workflowId>/<elementId>/<n>');
const taskErrors = {
  '401': problemResponse('Missing or wrong credentials'),
  '404': problemResponse('Unknown user task'),
  '409': problemResponse('Completed, assigned to someone else, or the instance is not running'),
};

/** Assignment, changes and the form of a user task (routes/user-task-actions.ts). */
function userTaskActionPaths(): Json {
  return {
    '/user-tasks/{flowElementInstanceId}/assignment': {
      parameters: [taskId],
      post: {
        summary:
          'Claim or assign a user task (409 when someone else holds it, unless allowOverride)',
        requestBody: jsonBody(assignmentSchema),
        responses: { '200': ok('The task'), ...taskErrors, ...bodyErrors },
      },
    },
    '/user-tasks/{flowElementInstanceId}/assignee': {
      parameters: [taskId],
      delete: {
        summary: 'Unassign a user task',
        responses: { '200': ok('The task'), ...taskErrors },
      },
    },
    '/user-tasks/{flowElementInstanceId}': {
      parameters: [taskId],
      patch: {
        summary: 'Change due date, follow-up date (ISO-8601, null clears) or priority (0–100)',
        requestBody: jsonBody(userTaskChangesSchema),
        responses: { '200': ok('The task'), ...taskErrors, ...bodyErrors },
      },
    },
    '/user-tasks/{flowElementInstanceId}/form': {
      parameters: [taskId],
      get: {
        summary: 'The Camunda form (JSON) of a user task: embedded, or linked by formId',
        responses: {
          '200': ok('The form JSON'),
          ...taskErrors,
          '404': problemResponse('Unknown user task, or it has no (deployed) form'),
        },
      },
    },
  };
}

/**
 * Builds every activity the Waymark worker registers, from injected dependencies. Service-task
 * activities are registered under their task type (the Web UI shows `http`, not `runTask`);
 * internal activities use the `waymark.` prefix, which no task type may take.
 */
import { createAiTask, type AiConfig } from './ai-task';
import { echo, fail, noop, raiseBpmnError } from './builtin-tasks';
import { createCallbackTask, type CallbackTaskDeps } from './callback-task';
import { createHttpTask, type HttpTaskLimits } from './http-task';
import { createResolveDefinition, type DefinitionLookup } from './resolve-definition';
import { createWebhookActivities, type WebhookDeliveryDeps } from './webhook-delivery';

export interface ActivityDeps {
  http: HttpTaskLimits;
  lookupDefinition: DefinitionLookup;
  /** Webhook subscriptions (the registry); without them no delivery activities are registered. */
  webhooks?: WebhookDeliveryDeps;
  /** Public URL and secret for the `callback` task type; without them it is not registered. */
  callback?: CallbackTaskDeps;
  /** The `ai` activity of integration workflows (absent: ai nodes fail as not configured). */
  ai?: AiConfig;
}

/** Name of the internal activity that resolves a called definition. */
export const RESOLVE_DEFINITION_ACTIVITY = 'waymark.resolveDefinition';

/** Task types with a built-in handler on the default queue. */
export const builtinTaskTypes = [
  'noop',
  'echo',
  'bpmn-error',
  'fail',
  'http',
  'io.camunda:http-json:1',
  'callback',
  // Runs an integration workflow as a child workflow (workflows/process/integration-task.ts).
  'integration',
] as const;

/** The activity map for `Worker.create({ activities })`. */
export function createActivities(
  deps: ActivityDeps,
): Record<string, (...args: never[]) => Promise<unknown>> {
  const http = createHttpTask(deps.http);
  return {
    noop,
    echo,
    'bpmn-error': raiseBpmnError,
    fail,
    http,
    'io.camunda:http-json:1': http,
    ...(deps.callback ? { callback: createCallbackTask(deps.callback) } : {}),
    ai: createAiTask(
      deps.ai ?? { model: 'gpt-4o-mini', timeoutMs: 60_000, maxResponseBytes: 5 * 1024 * 1024 },
    ),
    [RESOLVE_DEFINITION_ACTIVITY]: createResolveDefinition(deps.lookupDefinition),
    ...(deps.webhooks ? createWebhookActivities(deps.webhooks) : {}),
  };
}

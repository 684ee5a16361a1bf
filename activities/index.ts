/**
 * Builds every activity the Waymark worker registers, from injected dependencies. Service-task
 * activities are registered under their task type (the Web UI shows `http`, not `runTask`);
 * internal activities use the `waymark.` prefix, which no task type may take. The names live
 * in src/model/task-types.ts, the one list the compiler checks models against.
 */
import {
  createPublishMessage,
  createStartFromMailbox,
  mailboxSubscribe,
  type MessageStarts,
} from './mailbox';
import { createAiTask, type AiConfig } from './ai-task';
import { createBroadcastSignal, type Broadcast } from './broadcast-signal';
import { echo, fail, noop, raiseBpmnError } from './builtin-tasks';
import { createCallbackTask, type CallbackTaskDeps } from './callback-task';
import { createEvaluateDecision, type DecisionLookup } from './evaluate-decision';
import { createHttpTask, type HttpTaskLimits } from './http-task';
import { createResolveDefinition, type DefinitionLookup } from './resolve-definition';
import type { Outbound } from './outbound';
import type { SecretStore } from './secrets';
import { createWebhookActivities, type WebhookDeliveryDeps } from './webhook-delivery';
import { INTERNAL_ACTIVITIES } from '../src/model/task-types';

export interface ActivityDeps {
  /** The outbound address policy every activity that calls out goes through. */
  outbound: Outbound;
  http: HttpTaskLimits;
  lookupDefinition: DefinitionLookup;
  /** Decisions for business rule tasks (the registry); without it they fail as not configured. */
  lookupDecision?: DecisionLookup;
  /** Webhook subscriptions (the registry); without them no delivery activities are registered. */
  webhooks?: WebhookDeliveryDeps;
  /** Public URL and secret for the `callback` task type; without them it is not registered. */
  callback?: CallbackTaskDeps;
  /** The `ai` activity of integration workflows (absent: ai nodes fail as not configured). */
  ai?: AiConfig;
  /** Secrets for `{{secrets.NAME}}` references in http and callback tasks. */
  secrets?: SecretStore;
  /** Signal broadcasts beyond the instance (signal throw/end events); absent: they fail. */
  broadcastSignal?: Broadcast;
  /** Message start events a thrown message starts (the registry); without it, none. */
  messageStarts?: MessageStarts;
}

/** The activity map for `Worker.create({ activities })`. */
export function createActivities(
  deps: ActivityDeps,
): Record<string, (...args: never[]) => Promise<unknown>> {
  const http = createHttpTask(deps.http, deps.outbound, deps.secrets);
  return {
    noop,
    echo,
    'bpmn-error': raiseBpmnError,
    fail,
    http,
    'io.camunda:http-json:1': http,
    ...(deps.callback
      ? { callback: createCallbackTask(deps.callback, deps.outbound, deps.secrets) }
      : {}),
    ai: createAiTask(
      deps.ai ?? { model: 'gpt-4o-mini', timeoutMs: 60_000, maxResponseBytes: 5 * 1024 * 1024 },
      deps.outbound,
    ),
    [INTERNAL_ACTIVITIES.resolveDefinition]: createResolveDefinition(deps.lookupDefinition),
    [INTERNAL_ACTIVITIES.evaluateDecision]: createEvaluateDecision(deps.lookupDecision),
    [INTERNAL_ACTIVITIES.broadcastSignal]: createBroadcastSignal(deps.broadcastSignal),
    [INTERNAL_ACTIVITIES.mailboxSubscribe]: mailboxSubscribe,
    [INTERNAL_ACTIVITIES.publishMessage]: createPublishMessage(deps.messageStarts),
    [INTERNAL_ACTIVITIES.startFromMailbox]: createStartFromMailbox(deps.messageStarts),
    ...(deps.webhooks ? createWebhookActivities(deps.webhooks, deps.outbound) : {}),
  };
}

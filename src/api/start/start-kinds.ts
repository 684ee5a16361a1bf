/**
 * What a start looks like per definition kind, as a map kind → how to start it (the way
 * `json-kinds.ts` maps kinds for compiling): which start variables the version accepts, the
 * workflow input, the search attributes, the static summary, whether a finished instance's
 * workflow id may be reused, and the 409 detail when the id is taken. `start-workflow.ts`
 * is the one start path; it asks this table for everything that differs between kinds.
 *
 * The inputs, attributes and summaries are what running instances and the recorded
 * histories were started with: keep them byte for byte (key order included).
 */
import type { SearchAttributePair } from '@temporalio/common';
import { runLimits } from './start-budget';
import type { ProcessIR } from '../../model/bpmn/ir';
import type { IntegrationIR } from '../../model/integration/ir';
import type { StateMachineIR } from '../../model/state-machine';
import type { CompiledVersion, Definition, DefinitionKind } from '../../registry';
import {
  startSearchAttributes,
  WaymarkBusinessKey,
  WaymarkCaseId,
  WaymarkState,
} from '../../temporal/search-attributes';
import {
  DRIVER_REVISION,
  type IntegrationWorkflowInput,
  type ProcessWorkflowInput,
  type StateMachineWorkflowInput,
  type WebhookEventName,
} from '../../../workflows/messages';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import { checkIntegrationInputs, checkMandatory } from './start-checks';

/** One instance about to start: the pinned version and what it starts with. */
export interface StartContext {
  def: Definition;
  version: CompiledVersion;
  variables: Record<string, unknown>;
  /** Also the workflow id's suffix. */
  businessKey?: string;
  /** The case a run belongs to (`POST /workflows/run`). */
  caseId?: string;
  /** BPMN: the message, signal or timer start event an event-started instance begins at. */
  startAt?: string;
  /** The publication that started a message-started instance (key-release.ts). */
  startedByMessage?: string;
}

export type WaymarkWorkflowInput =
  ProcessWorkflowInput | IntegrationWorkflowInput | StateMachineWorkflowInput;

export interface StartKind {
  /** 400 naming every start variable the version refuses; `variablesPath` prefixes paths. */
  checkVariables(version: CompiledVersion, variables: Record<string, unknown>, path?: string): void;
  input(deps: ApiDeps, start: StartContext): Promise<WaymarkWorkflowInput>;
  searchAttributes(start: StartContext): SearchAttributePair[];
  staticSummary(start: StartContext): string;
  /** `REJECT_DUPLICATE`: a finished instance's workflow id is never started again. */
  workflowIdReusePolicy?: 'REJECT_DUPLICATE';
  /** The 409 detail when an instance holds the workflow id. */
  duplicate(workflowId: string, businessKey?: string): string;
}

/** The definition part of every input (`name` only when the definition has one). */
function definitionRef({ def, version }: StartContext) {
  return {
    id: def.id,
    key: def.key,
    version: version.version,
    ...(def.name ? { name: def.name } : {}),
  };
}

const businessKeyAttribute = (businessKey?: string): SearchAttributePair[] =>
  businessKey ? [{ key: WaymarkBusinessKey, value: businessKey }] : [];

const caseAttribute = (caseId?: string): SearchAttributePair[] =>
  caseId ? [{ key: WaymarkCaseId, value: caseId }] : [];

/** Processes and integration workflows: `<name> v<version>[ · <business key>]`. */
function versionSummary({ def, version, businessKey }: StartContext): string {
  return `${def.name ?? def.key} v${version.version}${businessKey ? ` · ${businessKey}` : ''}`;
}

/** BPMN processes and integration workflows tag runs with their case; state machines do not. */
function caseTaggedAttributes(start: StartContext): SearchAttributePair[] {
  return [
    ...startSearchAttributes(start.def.kind, { id: start.def.id, version: start.version.version }),
    ...businessKeyAttribute(start.businessKey),
    ...caseAttribute(start.caseId),
  ];
}

const alreadyRunning = (workflowId: string, businessKey?: string) =>
  `an instance with business key '${businessKey}' is already running (${workflowId})`;

/**
 * A BPMN instance's input, given the webhook events subscribed at start (`notify`): the API's
 * starts and the schedules of timer start events (src/api/schedules) build it here.
 */
export function processInput(
  config: ApiDeps['config'],
  start: StartContext,
  notify: WebhookEventName[],
): ProcessWorkflowInput {
  const { businessKey, caseId, startAt, startedByMessage } = start;
  return {
    kind: 'bpmn',
    definition: definitionRef(start),
    ir: start.version.compiled as ProcessIR,
    variables: start.variables,
    revision: DRIVER_REVISION,
    ...(Object.keys(config.taskQueues).length > 0 ? { taskQueues: config.taskQueues } : {}),
    ...(config.WAYMARK_BUILTIN_ACTIVITY_MODE === 'remote' ? { builtinActivityMode: 'remote' } : {}),
    ...(businessKey ? { businessKey } : {}),
    ...(caseId ? { caseId } : {}),
    ...(startAt ? { startAt } : {}),
    ...(startedByMessage ? { startedByMessage } : {}),
    ...(notify.length > 0 ? { notify } : {}),
    ...runLimits(config),
  };
}

const bpmn: StartKind = {
  checkVariables(version, variables, path) {
    checkMandatory((version.compiled as ProcessIR).mandatory ?? [], variables, path);
  },
  async input(deps, start) {
    // Webhook subscriptions at start decide whether the instance notifies (workflows/notify.ts).
    return processInput(deps.config, start, await deps.registry.webhooks.subscribedEvents());
  },
  searchAttributes: caseTaggedAttributes,
  staticSummary: versionSummary,
  duplicate: alreadyRunning,
};

const integration: StartKind = {
  checkVariables(version, variables) {
    checkIntegrationInputs(version.compiled as IntegrationIR, variables);
  },
  async input(_deps, start) {
    const { businessKey } = start;
    return {
      kind: 'integration',
      definition: definitionRef(start),
      ir: start.version.compiled as IntegrationIR,
      variables: start.variables,
      ...(businessKey ? { businessKey } : {}),
    };
  },
  searchAttributes: caseTaggedAttributes,
  staticSummary: versionSummary,
  duplicate: alreadyRunning,
};

const stateMachine: StartKind = {
  checkVariables() {
    // A state machine's instance data is free-form: its conditions read what is there.
  },
  async input(deps, start) {
    const { businessKey } = start;
    return {
      kind: 'state-machine',
      definition: definitionRef(start),
      ir: start.version.compiled as StateMachineIR,
      variables: start.variables,
      enabled: start.def.enabled,
      revision: DRIVER_REVISION,
      ...(businessKey ? { businessKey } : {}),
      ...runLimits(deps.config, false),
    };
  },
  searchAttributes({ def, version, businessKey }) {
    const ir = version.compiled as StateMachineIR;
    return [
      ...startSearchAttributes('state-machine', { id: def.id, version: version.version }),
      { key: WaymarkState, value: ir.initialState },
      ...businessKeyAttribute(businessKey),
    ];
  },
  staticSummary({ def, version, businessKey }) {
    const ir = version.compiled as StateMachineIR;
    const mode = ir.instanceMode === 'PER_RUN' ? 'run' : 'record';
    return `${def.name ?? def.key} v${version.version} · state machine (${mode} ${businessKey ?? '–'})`;
  },
  // One instance per record or run, ever: a finished record is not restarted.
  workflowIdReusePolicy: 'REJECT_DUPLICATE',
  duplicate: (workflowId) => `an instance ${workflowId} exists already`,
};

/** Kinds that start instances (a form does not). */
export const startKinds: Partial<Record<DefinitionKind, StartKind>> = {
  bpmn,
  integration,
  'state-machine': stateMachine,
};

/** The kind's entry; 422 for a kind that cannot be started (yet). */
export function startKindOf(def: Definition): StartKind {
  const kind = Object.hasOwn(startKinds, def.kind) ? startKinds[def.kind] : undefined;
  if (!kind)
    throw new HttpProblem(422, `starting ${def.kind} definitions is not supported yet`, {
      type: 'kind-not-supported',
    });
  return kind;
}

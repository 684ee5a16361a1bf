/**
 * A BPMN service or send task of type `integration` (task headers `workflow` = the integration
 * key, `resultKey`): the driver runs it as a **child workflow** instead of an activity. The
 * integration definition is resolved (latest deployed version, compiled IR into the child's
 * input), the child gets the integration's declared inputs — from the task's variables (scope
 * chain + `zeebe:input` mappings) or from task headers of the same name (`${…}` placeholders
 * already resolved) — and its output is stored at `resultKey` (merged when there is none).
 * A send task delivers that output as a message to the receive task that follows it instead.
 * Failure of the child → a `taskFailed` event → an incident; retrying it runs a new child.
 */
import {
  ActivityFailure,
  ChildWorkflowFailure,
  isCancellation,
  type CancellationScope,
} from '@temporalio/workflow';
import type { EngineEvent, Variables } from '../../src/engine/types';
import { coerceInput } from '../../src/model/integration/inputs';
import type { IntegrationIR } from '../../src/model/integration/ir';
import type { ProcessIR } from '../../src/model/bpmn/ir';
import { executeDefinition } from '../children';
import { deepestMessage } from '../failures';
import { now } from '../lifecycle';
import type { IntegrationWorkflowInput } from '../messages';
import { resolveDefinition } from '../resolve-definition';
import type { ScheduleTask } from './types';

/** The task type that runs an integration workflow. */
export const INTEGRATION_TASK_TYPE = 'integration';

/** The child's inputs: declared inputs from headers (priority) or the task's variables. */
export function integrationInputs(ir: IntegrationIR, cmd: ScheduleTask): Variables {
  const out: Variables = {};
  for (const [name, decl] of Object.entries(ir.inputs)) {
    const header = cmd.headers[name];
    if (header !== undefined) out[name] = coerceInput(decl.type, header);
    else if (cmd.variables[name] !== undefined) out[name] = cmd.variables[name];
  }
  return out;
}

/**
 * Runs the integration child for `cmd` and returns the events to feed the engine, in order:
 * the task's completion (and, for a send task, the message for the following receive task),
 * or its failure. Cancellation rejects.
 */
export async function runIntegrationTask(
  scope: CancellationScope,
  ir: ProcessIR,
  cmd: ScheduleTask,
): Promise<EngineEvent[]> {
  const key = cmd.headers.workflow;
  const resultKey = cmd.headers.resultKey;
  let output: Variables;
  try {
    output = await scope.run(async () => {
      if (!key) throw new MissingHeader(`task '${cmd.elementId}' has no 'workflow' task header`);
      const { definition, ir: child } = await resolveDefinition(key, 'integration');
      const input: IntegrationWorkflowInput = {
        kind: 'integration',
        definition,
        ir: child,
        variables: integrationInputs(child, cmd),
      };
      const result = await executeDefinition<IntegrationWorkflowInput, Variables | undefined>(
        definition,
        {
          kind: 'integration',
          input,
          summary: ` (integration) · called by ${cmd.name ?? cmd.elementId}`,
        },
      );
      return result ?? {};
    });
  } catch (err) {
    if (isCancellation(err)) throw err;
    if (
      err instanceof MissingHeader ||
      err instanceof ActivityFailure ||
      err instanceof ChildWorkflowFailure
    ) {
      return [{ type: 'taskFailed', feiId: cmd.feiId, message: deepestMessage(err), now: now() }];
    }
    throw err;
  }
  return completionEvents(ir, cmd, resultKey ? { [resultKey]: output } : output);
}

/**
 * The events a finished integration task settles with: its completion — or, for a send task
 * followed by a receive task, an empty completion and its output as the message that receive
 * task waits for (instance-addressed: no correlation key; deduped by the send task's feiId).
 */
function completionEvents(ir: ProcessIR, cmd: ScheduleTask, variables: Variables): EngineEvent[] {
  const receive =
    ir.elements[cmd.elementId]?.type === 'sendTask'
      ? followingReceiveTask(ir, cmd.elementId)
      : undefined;
  if (!receive) return [{ type: 'taskCompleted', feiId: cmd.feiId, variables, now: now() }];
  return [
    { type: 'taskCompleted', feiId: cmd.feiId, variables: {}, now: now() },
    {
      type: 'messageReceived',
      name: receive,
      messageId: `${cmd.feiId}/output`,
      variables,
      now: now(),
    },
  ];
}

/** The message name of the receive task right after `elementId`, if there is one. */
export function followingReceiveTask(ir: ProcessIR, elementId: string): string | undefined {
  const el = ir.elements[elementId];
  if (!el || el.outgoing.length !== 1) return undefined;
  const target = ir.elements[ir.flows[el.outgoing[0]!]?.targetId ?? ''];
  return target?.type === 'receiveTask' ? target.message.name : undefined;
}

class MissingHeader extends Error {}

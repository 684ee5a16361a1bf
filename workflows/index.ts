/**
 * The one workflow Waymark registers: a dynamic workflow (default export) that every
 * definition key resolves to, so the Temporal Web UI's Type column shows the user's own key.
 * It dispatches on the kind of definition in its input. Export nothing else from this module:
 * any named export would shadow a definition key of the same name.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import { runIntegration } from './integration';
import type {
  IntegrationWorkflowInput,
  NotifyWorkflowInput,
  ProcessWorkflowInput,
  StateMachineWorkflowInput,
} from './messages';
import { runNotify } from './notify';
import { runMailbox } from './mailbox';
import type { MailboxWorkflowInput } from './mailbox/contract';
import { runProcess } from './process';
import { runStateMachine } from './state-machine';

export type WorkflowInput =
  | ProcessWorkflowInput
  | IntegrationWorkflowInput
  | NotifyWorkflowInput
  | StateMachineWorkflowInput
  | MailboxWorkflowInput;

/** Runs any Waymark definition; the workflow type is the definition key. */
export default async function waymark(input: WorkflowInput): Promise<unknown> {
  switch (input?.kind) {
    case 'bpmn':
      return runProcess(input);
    case 'notify':
      return runNotify(input);
    case 'integration':
      return runIntegration(input);
    case 'state-machine':
      return runStateMachine(input);
    case 'mailbox':
      return runMailbox(input);
    default:
      throw ApplicationFailure.nonRetryable(
        `unknown definition kind '${String((input as { kind?: unknown })?.kind)}'`,
        'BadInput',
      );
  }
}

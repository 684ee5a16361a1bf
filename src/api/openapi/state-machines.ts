/**
 * OpenAPI paths of state machines (routes/state-machines.ts): events routed to the instance
 * of a record or run, and MANUAL transitions fired through a Temporal Update.
 */
import { fireTransitionSchema, stateMachineEventSchema } from '../routes/state-machines';
import type { Json } from './common';
import { bodyErrors, errors, jsonBody, ok, pathParam, problemResponse } from './common';

export function stateMachinePaths(): Json {
  return {
    '/state-machines/{code}/events': {
      parameters: [pathParam('code', 'State-machine code (definition key or id)')],
      post: {
        summary: 'Send a trigger to the instance for a record (PER_RECORD) or run (PER_RUN)',
        description:
          'Routed to the instance `<code>:<recordId|runId>`, created by the first event (signal-with-start).',
        requestBody: jsonBody(stateMachineEventSchema),
        responses: {
          '202': ok('Accepted: `{instanceId, workflowId, runId, trigger, event?, links}`'),
          '400': problemResponse(
            'Invalid event (recordId missing for PER_RECORD, runId for PER_RUN, event for ON_EVENT)',
          ),
          '401': errors['401'],
          '404': problemResponse('No such state machine'),
          '409': problemResponse(
            'Disabled, no deployed version, or the instance for this record has finished',
          ),
          ...bodyErrors,
        },
      },
    },
    '/instances/{id}/transitions/{code}': {
      parameters: [pathParam('id', 'Instance id'), pathParam('code', 'MANUAL transition code')],
      post: {
        summary: 'Fire a MANUAL transition (a Temporal Update)',
        requestBody: jsonBody(fireTransitionSchema, false),
        responses: {
          '200': ok('`{instanceId, transition, previousState, state}`'),
          '400': errors['400'],
          '401': errors['401'],
          '404': problemResponse('Unknown instance or transition'),
          '409': problemResponse(
            'Did not fire: not a state machine, not running, disabled, not MANUAL, not allowed from the current state, conditions false, action running or failed',
          ),
          ...bodyErrors,
        },
      },
    },
  };
}

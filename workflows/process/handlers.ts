/**
 * The messages a running BPMN process answers (their definitions: messages.ts): the `instance`
 * query, the `message` and `signalEvent` signals, the `completeUserTask` and `retryIncident` updates (`updateVariables`: variable-handlers.ts) — whose
 * validators reject unknown or finished user tasks and unknown incidents before anything is
 * written — and the callback update and query (callback-handlers.ts). Each handler turns its
 * message into an engine event stamped with workflow time.
 */
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import * as engine from '../../src/engine';
import type { EngineState } from '../../src/engine/types';
import { now } from '../lifecycle';
import {
  childDoneSignal,
  completeUserTaskUpdate,
  escalationSignal,
  instanceQuery,
  messageSignal,
  retryIncidentUpdate,
  signalEventSignal,
} from '../messages';
import { registerCallbackHandlers } from './callback-handlers';
import { mailboxDeliverySignal } from '../mailbox/contract';
import type { RunningProcess } from './types';
import { registerUserTaskHandlers, requireFreeFor } from './user-task-handlers';
import { registerVariableHandlers } from './variable-handlers';

/** A message from the mailbox of a keyed subscription (revision 4; mailbox-link.ts). */
function registerMailboxDelivery(instance: RunningProcess): void {
  setHandler(
    mailboxDeliverySignal,
    (d) => {
      if (!instance.mailboxes?.receive(instance.state, d)) return;
      const { name, correlationKey, variables, messageKey } = d;
      const message = { name, correlationKey, variables, messageId: messageKey, timeToLive: 0 };
      instance.dispatch({ type: 'messageReceived', ...message, now: now() });
    },
    { description: 'A message from the mailbox of one of its keyed subscriptions' },
  );
}

/** Registers every handler of a process, in the order the recorded histories saw them. */
export function registerProcessHandlers(instance: RunningProcess): void {
  setHandler(instanceQuery, () => instance.view(), {
    description:
      'The instance: status, variables, active elements, open user tasks, incidents, trail',
  });
  setHandler(
    messageSignal,
    (m) => instance.dispatch({ type: 'messageReceived', ...m, now: now() }),
    {
      description:
        'Deliver a message {name, messageId?, correlationKey?, variables?} to a waiting catch (buffered otherwise)',
    },
  );
  registerMailboxDelivery(instance);
  setHandler(
    completeUserTaskUpdate,
    (task) => {
      instance.dispatch({
        type: 'userTaskCompleted',
        feiId: task.flowElementInstanceId,
        variables: task.variables,
        now: now(),
      });
      return { completed: task.flowElementInstanceId };
    },
    {
      description: 'Complete an open user task {flowElementInstanceId, variables?}',
      validator: (task) => {
        checkUserTask(instance.state, task.flowElementInstanceId);
        const open = instance.state.userTasks[task.flowElementInstanceId];
        if (task.user !== undefined && open) requireFreeFor(open, task.user);
      },
    },
  );
  setHandler(
    retryIncidentUpdate,
    ({ incidentId }) => {
      instance.dispatch({ type: 'incidentRetried', incidentId, now: now() });
      return { retried: incidentId };
    },
    {
      description: 'Resolve an incident by retrying its element {incidentId}',
      validator: ({ incidentId }) => checkIncident(instance.state, incidentId),
    },
  );
  registerCallbackHandlers(instance);
  registerUserTaskHandlers(instance);
  setHandler(
    escalationSignal,
    (e) =>
      instance.dispatch({
        type: 'childEscalated',
        feiId: e.flowElementInstanceId,
        escalationCode: e.escalationCode,
        now: now(),
      }),
    { description: 'A child process escalated {flowElementInstanceId, escalationCode}' },
  );
  setHandler(childDoneSignal, (done) => instance.childDone?.(done), {
    description: 'A call activity child ended (sent by the child; revision 3)',
  });
  setHandler(
    signalEventSignal,
    (s) =>
      instance.dispatch({
        type: 'signalReceived',
        name: s.name,
        signalKey: s.signalKey,
        ...(s.variables !== undefined ? { variables: s.variables } : {}),
        now: now(),
      }),
    { description: 'A broadcast signal {signalKey, name, variables?} (revision 4)' },
  );
  registerVariableHandlers(instance);
}

/** Rejects completing a user task that is unknown or already completed. */
function checkUserTask(state: EngineState, feiId: string): void {
  const status = engine.userTaskStatus(state, feiId);
  if (status === 'unknown') {
    throw ApplicationFailure.create({
      type: 'UserTaskNotFound',
      message: `no user task ${feiId} in this instance`,
    });
  }
  if (status === 'completed') {
    throw ApplicationFailure.create({
      type: 'UserTaskCompleted',
      message: `user task ${feiId} is already completed`,
    });
  }
}

/** Rejects retrying an incident that is not open. */
function checkIncident(state: EngineState, incidentId: string): void {
  if (!state.incidents[incidentId]) {
    throw ApplicationFailure.create({
      type: 'IncidentNotFound',
      message: `no open incident ${incidentId} in this instance`,
    });
  }
}

/**
 * The driver's side of callback tasks: the `callback` update (its validator answers before
 * anything is written: unknown element instance → CallbackNotFound, another outcome than the
 * first → CallbackConflict, an identical repeat → accepted as a no-op) and the
 * `callbackStatus` query the API asks once an instance has closed. The engine keeps the
 * bookkeeping (`src/engine/callback-waits.ts`), so early callbacks survive continue-as-new.
 */
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import * as engine from '../../src/engine';
import type { EngineState } from '../../src/engine/types';
import { now } from '../lifecycle';
import {
  CALLBACK_CONFLICT,
  CALLBACK_NOT_FOUND,
  callbackStatusQuery,
  callbackUpdate,
  type CallbackUpdateInput,
} from '../messages';
import type { RunningProcess } from './types';

function toEngine(input: CallbackUpdateInput): engine.CallbackInput {
  return {
    feiId: input.flowElementInstanceId,
    attempt: input.attempt,
    outcome: input.outcome,
    ...(input.data !== undefined ? { data: input.data } : {}),
    ...(input.errorMessage !== undefined ? { errorMessage: input.errorMessage } : {}),
    ...(input.errorCode !== undefined ? { errorCode: input.errorCode } : {}),
  };
}

/** Throws the rejection for `unknown` / `conflict`; returns whether the call is a repeat. */
function check(state: EngineState, input: CallbackUpdateInput): boolean {
  const s = engine.callbackStatus(state, toEngine(input));
  if (s.status === 'unknown')
    throw ApplicationFailure.create({ type: CALLBACK_NOT_FOUND, message: s.reason });
  if (s.status === 'conflict')
    throw ApplicationFailure.create({ type: CALLBACK_CONFLICT, message: s.reason });
  return s.status === 'duplicate';
}

/** Registers the callback update and query on the running process. */
export function registerCallbackHandlers(instance: RunningProcess): void {
  setHandler(
    callbackUpdate,
    (input) => {
      // Checked again: another update may have been applied since validation.
      const duplicate = check(instance.state, input);
      if (!duplicate)
        instance.dispatch({ type: 'callbackReceived', ...toEngine(input), now: now() });
      return { flowElementInstanceId: input.flowElementInstanceId, duplicate };
    },
    {
      description:
        'Deliver a callback {flowElementInstanceId, attempt, outcome, data?, errorMessage?, errorCode?} to a callback task',
      validator: (input) => {
        check(instance.state, input);
      },
    },
  );
  setHandler(
    callbackStatusQuery,
    (input) => engine.callbackStatus(instance.state, toEngine(input)),
    {
      description: 'What a callback would do now: accept, duplicate, unknown or conflict',
    },
  );
}

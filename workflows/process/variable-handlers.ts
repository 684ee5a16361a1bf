/**
 * The `updateVariables` update: an operator's change to a running instance's variables. The
 * validator rejects, before anything is written, a `variables` that is not a non-empty object,
 * one holding a reserved name anywhere (`__proto__`, `constructor`, `prototype`) and an
 * instance whose engine has finished; the change itself is an engine event
 * (`variablesUpdated`), so it replays and survives continue-as-new, and the engine re-evaluates
 * the conditional events that watch the changed variables in the same step.
 */
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import * as engine from '../../src/engine';
import { unsafeKeyPath } from '../../src/model/variable-names';
import { now } from '../lifecycle';
import { INSTANCE_CLOSED, updateVariablesUpdate, VARIABLES_REJECTED } from '../messages';
import type { UpdateVariablesInput } from '../messages';
import type { RunningProcess } from './types';

/** Registers the variables update of a process. */
export function registerVariableHandlers(instance: RunningProcess): void {
  setHandler(
    updateVariablesUpdate,
    ({ variables }) => {
      instance.dispatch({ type: 'variablesUpdated', variables, now: now() });
      return { variables: engine.rootVariables(instance.state) };
    },
    {
      description: 'Merge variables into the root scope {variables} (returns the root variables)',
      validator: (input) => {
        checkVariables(input);
        if (instance.state.status !== 'RUNNING') {
          throw ApplicationFailure.create({
            type: INSTANCE_CLOSED,
            message: `the instance is ${instance.state.status}`,
          });
        }
      },
    },
  );
}

function reject(message: string): never {
  throw ApplicationFailure.create({ type: VARIABLES_REJECTED, message });
}

/** Rejects anything but `{variables}` with a non-empty object free of reserved names. */
export function checkVariables(input: unknown): asserts input is UpdateVariablesInput {
  const variables = (input as Partial<UpdateVariablesInput> | null)?.variables;
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables))
    reject('variables must be a JSON object');
  if (Object.keys(variables).length === 0) reject('variables must name at least one variable');
  const reserved = unsafeKeyPath(variables);
  if (reserved !== undefined) reject(`variables.${reserved}: the name is reserved`);
}

/**
 * `waymark.resolveDefinition`: loads the latest deployed version of a definition by key, so a
 * call activity (or an integration task, with kind `integration`) can start its child with the
 * compiled IR in the child's input (replay of the child never depends on the registry again).
 * Call activities accept BPMN processes only; state-machine actions pass `{ anyKind: true }`
 * and start whatever kind the key names. A BPMN run continuing as new passes
 * `{ version }` with the definition id: the pinned version, whatever is deployed now (its IR
 * travels once, not in every continue-as-new input; workflows/process/ir-ref.ts).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { IntegrationIR } from '../src/model/integration/ir';
import type { ProcessIR } from '../src/model/bpmn/ir';

export interface ResolvedDefinition<IR extends ProcessIR | IntegrationIR = ProcessIR> {
  definition: { id: string; key: string; version: number; name?: string };
  ir: IR;
}

/** Looks a definition up; null when the key has no deployed version. */
export type DefinitionLookup = (
  key: string,
  version?: number,
) => Promise<ResolvedDefinition<ProcessIR | IntegrationIR> | null>;

/** Builds the activity over a lookup. */
export function createResolveDefinition(lookup: DefinitionLookup) {
  return async function resolveDefinition(
    key: string,
    kindOrOptions: 'bpmn' | 'integration' | { anyKind?: boolean; version?: number } = 'bpmn',
  ): Promise<ResolvedDefinition<ProcessIR | IntegrationIR>> {
    const kind = typeof kindOrOptions === 'string' ? kindOrOptions : undefined;
    const version = typeof kindOrOptions === 'object' ? kindOrOptions.version : undefined;
    const found = await lookup(key, version);
    if (!found) {
      throw ApplicationFailure.nonRetryable(
        version === undefined
          ? `no deployed definition with key '${key}'`
          : `definition '${key}' has no version ${version}`,
        'DefinitionNotFound',
      );
    }
    if (kind && found.ir.kind !== kind) {
      throw ApplicationFailure.nonRetryable(
        `definition '${key}' is not ${kind === 'bpmn' ? 'a BPMN process' : 'an integration workflow'}`,
        'DefinitionKind',
      );
    }
    return found;
  };
}

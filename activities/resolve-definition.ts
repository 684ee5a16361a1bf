/**
 * `waymark.resolveDefinition`: loads the latest deployed version of a definition by key, so a
 * call activity (or an integration task, with kind `integration`) can start its child with the
 * compiled IR in the child's input (replay of the child never depends on the registry again).
 * Call activities accept BPMN processes only; state-machine actions pass `{ anyKind: true }`
 * and start whatever kind the key names.
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
) => Promise<ResolvedDefinition<ProcessIR | IntegrationIR> | null>;

/** Builds the activity over a lookup. */
export function createResolveDefinition(lookup: DefinitionLookup) {
  return async function resolveDefinition(
    key: string,
    kindOrOptions: 'bpmn' | 'integration' | { anyKind?: boolean } = 'bpmn',
  ): Promise<ResolvedDefinition<ProcessIR | IntegrationIR>> {
    const kind = typeof kindOrOptions === 'string' ? kindOrOptions : undefined;
    const found = await lookup(key);
    if (!found) {
      throw ApplicationFailure.nonRetryable(
        `no deployed definition with key '${key}'`,
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

/**
 * `waymark.resolveDefinition`: loads the latest deployed version of a definition by key, so a
 * call activity can start its child with the compiled IR in the child's input (replay of the
 * child never depends on the registry again). Call activities accept BPMN processes only;
 * state-machine actions pass `{ anyKind: true }` and start whatever kind the key names.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ProcessIR } from '../src/model/ir';

export interface ResolvedDefinition {
  definition: { id: string; key: string; version: number; name?: string };
  ir: ProcessIR;
}

/** Looks a definition up; null when the key has no deployed version. */
export type DefinitionLookup = (key: string) => Promise<ResolvedDefinition | null>;

/** Builds the activity over a lookup. */
export function createResolveDefinition(lookup: DefinitionLookup) {
  return async function resolveDefinition(
    key: string,
    options: { anyKind?: boolean } = {},
  ): Promise<ResolvedDefinition> {
    const found = await lookup(key);
    if (!found) {
      throw ApplicationFailure.nonRetryable(
        `no deployed definition with key '${key}'`,
        'DefinitionNotFound',
      );
    }
    if (!options.anyKind && found.ir.kind !== 'bpmn') {
      throw ApplicationFailure.nonRetryable(
        `definition '${key}' is not a BPMN process`,
        'DefinitionKind',
      );
    }
    return found;
  };
}

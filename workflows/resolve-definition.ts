/**
 * The drivers' one way to look a definition up by key: the `waymark.resolveDefinition`
 * activity (activities/resolve-definition.ts), declared once with the activity's own signature.
 * A call activity wants a BPMN process, an integration task an integration workflow, a
 * state-machine action any kind; the activity checks the kind, so the IR type follows from what
 * was asked for. The arguments sent are those each caller always sent (a call activity sends
 * the key alone), so new histories stay like the recorded ones.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createResolveDefinition, ResolvedDefinition } from '../activities/resolve-definition';
import type { IntegrationIR } from '../src/model/integration/ir';
import type { ProcessIR } from '../src/model/bpmn/ir';
import type { StateMachineIR } from '../src/model/state-machine/ir';
import { INTERNAL_ACTIVITIES } from '../src/model/task-types';

const RESOLVE = INTERNAL_ACTIVITIES.resolveDefinition;

const internal = proxyActivities<{
  [RESOLVE]: ReturnType<typeof createResolveDefinition>;
}>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['DefinitionNotFound', 'DefinitionKind'] },
});

/** What a caller asks for, and the IR it gets. */
interface Wanted {
  bpmn: ProcessIR;
  integration: IntegrationIR;
  any: ProcessIR | IntegrationIR | StateMachineIR;
}

/** A resolved definition whose IR is of the kind asked for. */
export type Resolved<K extends keyof Wanted> = Omit<ResolvedDefinition, 'ir'> & { ir: Wanted[K] };

/**
 * The latest deployed version of the definition `key`, of kind `wanted` (`any`: whatever kind
 * it is). Rejects with an ActivityFailure (DefinitionNotFound / DefinitionKind) otherwise.
 */
export function resolveDefinition<K extends keyof Wanted>(
  key: string,
  wanted: K,
): Promise<Resolved<K>> {
  const resolve = internal[RESOLVE];
  const resolved =
    wanted === 'bpmn'
      ? resolve(key)
      : wanted === 'integration'
        ? resolve(key, 'integration')
        : resolve(key, { anyKind: true });
  // The activity refused any other kind than the one asked for.
  return resolved as Promise<Resolved<K>>;
}

/**
 * The version `version` of the definition `id` (deployed or not), for a BPMN run continuing as
 * new with its IR by reference (process/ir-ref.ts).
 */
export function resolvePinnedProcess(id: string, version: number): Promise<Resolved<'bpmn'>> {
  return internal[RESOLVE](id, { version }) as Promise<Resolved<'bpmn'>>;
}

/**
 * The start events a message publication or a signal broadcast starts instances at: for every
 * enabled BPMN definition with a deployed version, the latest deployed version's first
 * process-level start event `matches` accepts (`ProcessIR.startEvents`).
 */
import type { ProcessIR, ProcessStartIR } from '../model/bpmn/ir';
import type { CompiledVersion, DefinitionSummary } from '../registry';
import type { ApiDeps } from './deps';

export interface EventStartTarget {
  def: DefinitionSummary;
  version: CompiledVersion;
  elementId: string;
}

export async function eventStartTargets(
  deps: ApiDeps,
  matches: (start: ProcessStartIR) => boolean,
): Promise<EventStartTarget[]> {
  const targets: EventStartTarget[] = [];
  for (const def of await deps.registry.definitions.listDefinitions()) {
    if (def.kind !== 'bpmn' || !def.enabled || def.deployedVersion === null) continue;
    const version = await deps.registry.definitions.compiledVersion(def.id);
    const start = (version?.compiled as ProcessIR | undefined)?.startEvents?.find(matches);
    if (version && start) targets.push({ def, version, elementId: start.elementId });
  }
  return targets;
}

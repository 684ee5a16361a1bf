/**
 * The start events a message publication or a signal broadcast starts instances at: for every
 * enabled BPMN definition whose latest deployed version has a process-level `kind` start event
 * named `name` (the registry's `event_starts` index, one indexed lookup), that version and its
 * first such start event (`ProcessIR.startEvents`).
 */
import type { ProcessIR, ProcessStartIR } from '../model/bpmn/ir';
import type { CompiledVersion, Definition } from '../registry';
import type { ApiDeps } from './deps';

export interface EventStartTarget {
  def: Definition;
  version: CompiledVersion;
  elementId: string;
}

function named(kind: 'message' | 'signal', name: string): (s: ProcessStartIR) => boolean {
  return kind === 'message'
    ? (s) => s.kind === 'message' && s.message.name === name
    : (s) => s.kind === 'signal' && s.signal === name;
}

export async function eventStartTargets(
  deps: Pick<ApiDeps, 'registry'>,
  kind: 'message' | 'signal',
  name: string,
): Promise<EventStartTarget[]> {
  const targets: EventStartTarget[] = [];
  const matches = named(kind, name);
  for (const def of await deps.registry.definitions.startedBy(kind, name)) {
    const version = await deps.registry.definitions.compiledVersion(def.id);
    const start = (version?.compiled as ProcessIR | undefined)?.startEvents?.find(matches);
    if (version && start) targets.push({ def, version, elementId: start.elementId });
  }
  return targets;
}

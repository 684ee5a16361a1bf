/**
 * Which messages an instance can ever receive: the names its pinned definition version
 * subscribes to (receive tasks, message catch events, message boundary events, event-based
 * gateway targets, message event-subprocess starts; names are static — the compiler refuses FEEL message names). A message
 * for a name outside that set could only sit in the instance's buffer until it expires, so
 * `POST /instances/{id}/messages` refuses it with 422 naming the message.
 */
import type { ProcessIR } from '../model/bpmn/ir';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';

/** The message names a BPMN IR subscribes to anywhere. */
export function subscribedMessageNames(ir: ProcessIR): Set<string> {
  const names = new Set<string>();
  for (const el of Object.values(ir.elements)) {
    const message = (el as { message?: { name?: string } }).message;
    if (message?.name) names.add(message.name);
    // Event subprocesses started by a message (their start's trigger).
    if (el.type === 'eventSubProcess' && el.trigger.kind === 'message')
      names.add(el.trigger.message.name);
  }
  return names;
}

/**
 * Throws 422 when the instance's definition version (a BPMN process) never subscribes to
 * `name`. Instances whose version the registry no longer has are not checked.
 */
export async function requireSubscribedMessage(
  deps: ApiDeps,
  definition: { id?: string; key: string; version?: number },
  name: string,
): Promise<void> {
  if (!definition.id || definition.version === undefined) return;
  const version = await deps.registry.definitions.compiledVersion(
    definition.id,
    definition.version,
  );
  const ir = version?.compiled as ProcessIR | undefined;
  if (ir?.kind !== 'bpmn') return;
  const names = subscribedMessageNames(ir);
  if (names.has(name)) return;
  const known = [...names].sort();
  const message = `definition ${definition.key} v${definition.version} never subscribes to message '${name}'${known.length ? ` (it subscribes to ${known.map((n) => `'${n}'`).join(', ')})` : ' (it subscribes to none)'}`;
  throw new HttpProblem(422, message, {
    type: 'unknown-message',
    errors: [{ path: 'body.name', message }],
    messageName: name,
  });
}

/**
 * The worker's view of the registry: the latest deployed version of a definition by key, for
 * call activities (or a pinned version, for a process continuing as new). Through `compiledVersion`, like an API start: the source is not read and the
 * IR is parsed once per version, not once per call.
 */
import type { DefinitionLookup } from '../../activities/resolve-definition';
import type { IntegrationIR } from '../model/integration/ir';
import type { ProcessIR } from '../model/bpmn/ir';
import type { Registry } from '../registry';

/** A DefinitionLookup over the registry. */
export function registryLookup(registry: Registry): DefinitionLookup {
  return async (key, pinned) => {
    const definition = await registry.definitions.getDefinition(key);
    if (!definition) return null;
    const version = await registry.definitions.compiledVersion(definition.id, pinned);
    if (!version) return null;
    return {
      definition: {
        id: definition.id,
        key: definition.key,
        version: version.version,
        name: definition.name ?? undefined,
      },
      ir: version.compiled as ProcessIR | IntegrationIR,
    };
  };
}

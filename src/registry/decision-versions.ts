/**
 * Which version of a decision (a `dmn` definition) an evaluation uses: a given version
 * number, the latest deployed version carrying a version tag (Camunda binding `versionTag`),
 * or the latest deployed version (binding `latest`). Shared by the API's evaluate endpoint
 * and the worker's business-rule-task activity, so both resolve a decision alike.
 */
import type { DmnIR } from '../model/dmn/ir';
import type { Definition } from './definition-model';
import type { DefinitionStore } from './definitions-store';

export interface DecisionBinding {
  version?: number;
  versionTag?: string;
}

export type DecisionVersion =
  | { ok: true; definition: Definition; version: number; ir: DmnIR }
  | { ok: false; reason: 'not-found' | 'not-deployed' | 'version-not-found'; message: string };

/** Resolves `key` under `binding` (see the module comment). */
export async function findDecisionVersion(
  store: DefinitionStore,
  key: string,
  binding: DecisionBinding = {},
): Promise<DecisionVersion> {
  const definition = await store.getDefinition(key);
  if (!definition || definition.kind !== 'dmn')
    return { ok: false, reason: 'not-found', message: `no decision with key '${key}'` };
  if (binding.version !== undefined) {
    const v = await store.compiledVersion(definition.id, binding.version);
    if (!v)
      return {
        ok: false,
        reason: 'version-not-found',
        message: `decision '${key}' has no version ${binding.version}`,
      };
    return { ok: true, definition, version: v.version, ir: v.compiled as DmnIR };
  }
  if (binding.versionTag !== undefined) return byTag(store, definition, binding.versionTag);
  const v = await store.compiledVersion(definition.id);
  if (!v)
    return {
      ok: false,
      reason: 'not-deployed',
      message: `decision '${key}' has no deployed version`,
    };
  return { ok: true, definition, version: v.version, ir: v.compiled as DmnIR };
}

async function byTag(
  store: DefinitionStore,
  definition: Definition,
  tag: string,
): Promise<DecisionVersion> {
  const versions = (await store.listVersions(definition.id)).filter((v) => v.status === 'deployed');
  for (const info of versions.reverse()) {
    const v = await store.compiledVersion(definition.id, info.version);
    const ir = v?.compiled as DmnIR | undefined;
    if (v && ir?.versionTag === tag) return { ok: true, definition, version: v.version, ir };
  }
  return {
    ok: false,
    reason: 'version-not-found',
    message: `decision '${definition.key}' has no deployed version tagged '${tag}'`,
  };
}

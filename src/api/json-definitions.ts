/**
 * JSON definition kinds in the definitions API: creating a version from a JSON body (compiled
 * by the kind's entry in `jsonKinds`; 422 with every problem and its path), the extra list
 * fields, copying a definition under a new key, and telling running state-machine instances
 * that their definition was enabled or disabled (a signal to each; instances also adopt the
 * flag carried by every trigger the API sends, so one missed signal heals at the next event).
 */
import { setEnabledSignal } from '../../workflows/messages';
import type { CreateVersionResult, Definition } from '../registry';
import { literal } from './temporal-views';
import type { ApiDeps } from './deps';
import { jsonKinds } from './json-kinds';
import { HttpProblem } from './problem';

/** Compiles `body` as `kind` and stores it as a new version (applying its `enabled` flag). */
export async function createJsonVersion(
  deps: ApiDeps,
  kind: string,
  body: unknown,
  deploy: boolean,
): Promise<CreateVersionResult> {
  const handler = jsonKinds[kind];
  if (!handler)
    throw new HttpProblem(422, `kind '${kind}' is not supported yet`, {
      type: 'kind-not-supported',
    });
  const result = handler.compile(body);
  if (!result.ok) {
    const n = result.problems.length;
    throw new HttpProblem(422, `the definition has ${n} problem${n === 1 ? '' : 's'}`, {
      type: 'invalid-definition',
      errors: result.problems,
    });
  }
  // One transaction: the version and, when the source says so, the enabled flag.
  return deps.registry.definitions.createVersion({
    key: result.key,
    kind: kind as Definition['kind'],
    name: result.name,
    source: `${JSON.stringify(body, null, 2)}\n`,
    sourceType: 'json',
    compiled: result.ir,
    deploy,
    ...(result.enabled !== undefined ? { enabled: result.enabled } : {}),
  });
}

/** The kind's extra list fields (e.g. initialState), from the latest deployed (else latest) version. */
export async function jsonListFields(
  deps: ApiDeps,
  def: Definition & { latestVersion?: number; deployedVersion?: number | null },
): Promise<Record<string, unknown>> {
  const handler = jsonKinds[def.kind];
  if (!handler) return {};
  const v = def.deployedVersion ?? def.latestVersion;
  if (!v) return {};
  const version = await deps.registry.definitions.getVersion(def.id, v);
  return version ? handler.listFields(version.compiled) : {};
}

/** Signals every running instance of a state machine; returns how many were told. */
export async function notifyEnabled(deps: ApiDeps, def: Definition): Promise<number | undefined> {
  if (def.kind !== 'state-machine') return undefined;
  const { client } = deps.temporal;
  const query = `WaymarkDefinitionId = ${literal(def.id)} AND ExecutionStatus = "Running"`;
  let n = 0;
  try {
    for await (const wf of client.workflow.list({ query })) {
      try {
        await client.workflow.getHandle(wf.workflowId).signal(setEnabledSignal, {
          enabled: def.enabled,
        });
        n++;
      } catch (err) {
        deps.logger.warn({ err, workflowId: wf.workflowId }, 'could not signal enabled flag');
      }
    }
  } catch (err) {
    deps.logger.warn({ err, definition: def.key }, 'could not list instances to signal');
  }
  return n;
}

/** Copies the latest deployed (else latest) version of a JSON definition under `key`. */
export async function copyDefinition(
  deps: ApiDeps,
  def: Definition,
  key: string,
): Promise<CreateVersionResult> {
  const handler = jsonKinds[def.kind];
  if (!handler)
    throw new HttpProblem(422, `copying ${def.kind} definitions is not supported yet`, {
      type: 'kind-not-supported',
    });
  if (await deps.registry.definitions.getDefinition(key))
    throw new HttpProblem(409, `a definition with key '${key}' already exists`, {
      type: 'definition-exists',
    });
  const versions = await deps.registry.definitions.listVersions(def.id);
  const pick = versions.filter((v) => v.status === 'deployed').at(-1) ?? versions.at(-1);
  const version = pick && (await deps.registry.definitions.getVersion(def.id, pick.version));
  if (!version)
    throw new HttpProblem(404, `definition '${def.key}' has no versions`, {
      type: 'version-not-found',
    });
  const body = handler.rekey(JSON.parse(version.source) as Record<string, unknown>, key);
  return createJsonVersion(deps, def.kind, body, version.status === 'deployed');
}

/**
 * Variable scopes and Zeebe-style propagation. Reads walk the scope chain from the nearest
 * scope up to the process root (nearer scopes shadow farther ones). Writes go to the nearest
 * scope, starting from a given one, that already holds the top-level name, else to the root.
 * Input mappings build an element's local variables; output mappings turn result variables
 * into writes on the enclosing scope. Mapping targets with a reserved segment (`__proto__`,
 * `constructor`, `prototype`) fail the mapping (an incident), and results never write them.
 */
import type { Mapping } from '../model/bpmn/ir';
import { UNSAFE_NAMES, unsafeSegment } from '../model/variable-names';
import { evaluateFeel, evaluateTemplate } from './feel';
import type { EngineState, EpochMs, Variables } from './types';

/** All variables visible from `scopeId`: the chain merged, nearer scopes winning. */
export function visibleVariables(state: EngineState, scopeId: string): Variables {
  const chain: Variables[] = [];
  let id: string | null = scopeId;
  while (id !== null) {
    const scope: EngineState['scopes'][string] | undefined = state.scopes[id];
    if (!scope) break;
    chain.push(scope.variables);
    id = scope.parentId;
  }
  if (chain.length === 1) return { ...chain[0] };
  const out: Variables = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, chain[i]);
  return out;
}

/** The id of the nearest scope from `scopeId` up that holds `name`, else the root scope. */
export function owningScope(state: EngineState, scopeId: string, name: string): string {
  let id: string | null = scopeId;
  while (id !== null) {
    const scope: EngineState['scopes'][string] | undefined = state.scopes[id];
    if (!scope) break;
    if (Object.prototype.hasOwnProperty.call(scope.variables, name)) return id;
    id = scope.parentId;
  }
  return state.rootScopeId;
}

/**
 * Writes `target` (dotted paths write into nested contexts, copy-on-write) with Zeebe
 * propagation starting at `fromScopeId`.
 */
export function writeVariable(
  state: EngineState,
  fromScopeId: string,
  target: string,
  value: unknown,
): void {
  const path = target.split('.');
  const name = path[0];
  const scope = state.scopes[owningScope(state, fromScopeId, name)];
  scope.variables[name] =
    path.length === 1 ? value : setPath(scope.variables[name], path.slice(1), value);
}

/** Writes every entry of `variables` with propagation from `fromScopeId`. */
export function propagate(state: EngineState, fromScopeId: string, variables: Variables): void {
  for (const [name, value] of Object.entries(variables)) {
    // Reserved names only come from outside the model, where the API and the driver refuse
    // them; never written, so nothing reaches a prototype.
    if (UNSAFE_NAMES.includes(name)) continue;
    writeVariable(state, fromScopeId, name, value);
  }
}

/**
 * Merges `variables` into the root scope as they are (no propagation: a nearer scope holding
 * the same name keeps its own value and shadows the root inside it). Reserved names are skipped,
 * as in {@link propagate}; the driver's validator refuses them before.
 */
export function mergeRootVariables(state: EngineState, variables: Variables): void {
  const root = state.scopes[state.rootScopeId].variables;
  for (const [name, value] of Object.entries(variables)) {
    if (!UNSAFE_NAMES.includes(name)) root[name] = value;
  }
}

/** Sets a local variable (no propagation), dotted paths included. */
export function setLocal(target: Variables, name: string, value: unknown): void {
  const path = name.split('.');
  target[path[0]] = path.length === 1 ? value : setPath(target[path[0]], path.slice(1), value);
}

function setPath(current: unknown, path: string[], value: unknown): Variables {
  const base: Variables = isRecord(current) ? { ...current } : {};
  const [head, ...rest] = path;
  base[head] = rest.length === 0 ? value : setPath(base[head], rest, value);
  return base;
}

function isRecord(v: unknown): v is Variables {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type MappingResult =
  | { ok: true; values: Variables; writes: Array<[target: string, value: unknown]> }
  | { ok: false; error: string };

/**
 * Evaluates mappings in order over `context`; each mapping sees the targets written by the
 * ones before it. Returns the targets (dotted targets as nested contexts).
 */
export function evaluateMappings(
  mappings: Mapping[],
  context: Variables,
  now: EpochMs,
): MappingResult {
  const values: Variables = {};
  const writes: Array<[string, unknown]> = [];
  let ctx = context;
  for (const m of mappings) {
    const reserved = unsafeSegment(m.target);
    if (reserved !== undefined)
      return { ok: false, error: `mapping '${m.target}': the name '${reserved}' is reserved` };
    const r = m.template
      ? evaluateTemplate(m.source, ctx, { now })
      : evaluateFeel(m.source, ctx, { now });
    if (!r.ok) return { ok: false, error: `mapping '${m.target}': ${r.error}` };
    setLocal(values, m.target, r.value);
    writes.push([m.target, r.value]);
    ctx = { ...ctx };
    setLocal(ctx, m.target, r.value);
  }
  return { ok: true, values, writes };
}

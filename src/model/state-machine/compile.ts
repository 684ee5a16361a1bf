/**
 * State-machine definition (JSON) → `StateMachineIR`. Shape problems come from the zod schema,
 * cross-reference problems from the rules; either way every problem is returned at once, each
 * with the JSON `path` it concerns. Nothing throws.
 */
import type { z } from 'zod';
import { conditionList } from './conditions';
import type { StateMachineIR, StateIR } from './ir';
import { rules, type SmProblem } from './rules';
import { stateMachineSchema, type StateMachineDefinition } from './schema';

export type CompileStateMachineResult =
  | { ok: true; ir: StateMachineIR; definition: StateMachineDefinition }
  | { ok: false; problems: SmProblem[] };

/** `states[1].code` from zod's path segments. */
export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function schemaProblems(error: z.ZodError): SmProblem[] {
  return error.issues.map((issue) => ({
    rule: 'schema',
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

/** Validates and compiles a state-machine definition. */
export function compileStateMachine(json: unknown): CompileStateMachineResult {
  const parsed = stateMachineSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  const def = parsed.data;
  const problems = rules.flatMap((r) => r.check(def));
  if (problems.length > 0) return { ok: false, problems };
  const states: Record<string, StateIR> = {};
  for (const s of def.states) {
    states[s.code] = {
      code: s.code,
      ...(s.description !== undefined ? { description: s.description } : {}),
      isFinal: s.isFinal,
      ...(s.timeoutHours !== undefined ? { timeoutHours: s.timeoutHours } : {}),
      ...(s.onTimeoutTransition !== undefined
        ? { onTimeoutTransition: s.onTimeoutTransition }
        : {}),
    };
  }
  const ir: StateMachineIR = {
    kind: 'state-machine',
    code: def.code,
    ...(def.description !== undefined ? { description: def.description } : {}),
    initialState: def.initialState,
    enabled: def.enabled,
    instanceMode: def.instanceMode,
    states,
    stateOrder: def.states.map((s) => s.code),
    transitions: def.transitions.map((t) => ({
      code: t.code,
      ...(t.description !== undefined ? { description: t.description } : {}),
      fromState: t.fromState,
      toState: t.toState,
      triggerType: t.triggerType,
      enabled: t.enabled,
      conditions: conditionList(t.conditions),
      ...(t.pollIntervalSeconds !== undefined
        ? { pollIntervalSeconds: t.pollIntervalSeconds }
        : {}),
      ...(t.eventName !== undefined ? { eventName: t.eventName } : {}),
      ...(t.action !== undefined ? { action: { workflow: t.action.workflow } } : {}),
    })),
  };
  return { ok: true, ir, definition: def };
}

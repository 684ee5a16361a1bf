/**
 * The JSON definition kinds the API accepts, as a small map kind → how to handle it: compile
 * (validate → IR, problems with JSON paths), re-key (for copies), its zod schema (served as
 * JSON Schema at `GET /schemas/{kind}`) and the extra fields the definition list shows. A new
 * JSON kind (e.g. `integration`) is one more entry here.
 */
import type { z } from 'zod';
import { compileIntegration, integrationDefinitionSchema } from '../model/integration';
import type { IntegrationIR } from '../model/integration';
import { compileStateMachine, stateMachineSchema } from '../model/state-machine';
import type { StateMachineIR } from '../model/state-machine';
import { compileForm, formDefinitionSchema, type FormIR } from '../model/form';
import type { ProblemItem } from './problem';

export type JsonCompileResult =
  | {
      ok: true;
      key: string;
      name: string | null;
      ir: unknown;
      /** The definition's enabled flag as the JSON sets it (applied to new versions). */
      enabled?: boolean;
    }
  | { ok: false; problems: ProblemItem[] };

export interface JsonKind {
  compile(body: unknown): JsonCompileResult;
  /** The same definition under another key (copy). */
  rekey(body: Record<string, unknown>, key: string): Record<string, unknown>;
  schema: z.ZodType;
  /** Extra fields for `GET /definitions`, from a version's compiled IR. */
  listFields(ir: unknown): Record<string, unknown>;
}

export const jsonKinds: Record<string, JsonKind> = {
  form: {
    compile(body) {
      const r = compileForm(body);
      if (!r.ok) return { ok: false, problems: r.problems };
      return { ok: true, key: r.ir.id, name: null, ir: r.ir };
    },
    rekey: (body, key) => ({ ...body, id: key }),
    schema: formDefinitionSchema,
    listFields: (ir) => ({ components: (ir as FormIR).components.length }),
  },
  integration: {
    compile(body) {
      const r = compileIntegration(body);
      if (!r.ok)
        return {
          ok: false,
          problems: r.problems.map((p) => ({ path: p.path, message: p.message })),
        };
      return { ok: true, key: r.ir.key, name: r.ir.name ?? null, ir: r.ir };
    },
    rekey: (body, key) => ({ ...body, key }),
    schema: integrationDefinitionSchema,
    listFields(ir) {
      const i = ir as IntegrationIR;
      return { description: i.description ?? null, inputs: Object.keys(i.inputs) };
    },
  },
  'state-machine': {
    compile(body) {
      const r = compileStateMachine(body);
      if (!r.ok)
        return {
          ok: false,
          problems: r.problems.map((p) => ({ path: p.path, rule: p.rule, message: p.message })),
        };
      return {
        ok: true,
        key: r.ir.code,
        name: r.ir.description ?? null,
        ir: r.ir,
        enabled: r.ir.enabled,
      };
    },
    rekey: (body, key) => ({ ...body, code: key }),
    schema: stateMachineSchema,
    listFields(ir) {
      const sm = ir as StateMachineIR;
      return {
        code: sm.code,
        description: sm.description ?? null,
        initialState: sm.initialState,
        instanceMode: sm.instanceMode,
      };
    },
  },
};

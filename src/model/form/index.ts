/**
 * Camunda forms (`kind: 'form'`): the form JSON Camunda Modeler saves (`.form`: `id`,
 * `components`, `schemaVersion`, …), deployed through `POST /definitions` with `"kind": "form"`
 * added, keyed by its `id` — the `formId` a user task's `zeebe:formDefinition` links. The IR is
 * the form JSON as given (without `kind`), served to a UI that renders it with form-js.
 */
import { z } from 'zod';

export const formDefinitionSchema = z
  .object({
    kind: z.literal('form'),
    id: z.string().min(1).describe('The form id user tasks link (zeebe:formDefinition formId)'),
    components: z.array(z.record(z.string(), z.unknown())),
    type: z.string().optional(),
    schemaVersion: z.number().int().optional(),
  })
  .loose();

/** A compiled form: the Camunda form JSON. */
export type FormIR = Record<string, unknown> & { id: string; components: unknown[] };

export type FormCompileResult =
  { ok: true; ir: FormIR } | { ok: false; problems: { path: string; message: string }[] };

/** Validates a form definition; the IR is the form without `kind`. */
export function compileForm(body: unknown): FormCompileResult {
  const parsed = formDefinitionSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: i.path.join('.') || '(root)',
        message: i.message,
      })),
    };
  const { kind: _kind, ...form } = parsed.data;
  return { ok: true, ir: form as FormIR };
}

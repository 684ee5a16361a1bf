/**
 * `waymark deploy --dry-run`: validates a model with the compiler of this checkout, without
 * sending it anywhere — the same compile step `POST /definitions` runs (src/model), so the
 * problems and their element ids are the ones a deploy would answer with.
 */
import { jsonKinds } from '../../../api/json-kinds';
import { compileBpmn } from '../../../model/bpmn';
import type { Problem } from '../client';
import type { ModelFile } from './deploy-files';

export interface Validation {
  ok: boolean;
  key?: string;
  kind?: string;
  problems: NonNullable<Problem['errors']>;
}

function invalid(message: string): Validation {
  return { ok: false, problems: [{ message }] };
}

async function validateXml(file: ModelFile): Promise<Validation> {
  if (file.path.toLowerCase().endsWith('.dmn'))
    return invalid('DMN files are validated by the API only: deploy without --dry-run');
  if (!/<(\w+:)?definitions[\s>]/.test(file.content))
    return invalid('not a BPMN document (no definitions element)');
  const result = await compileBpmn(file.content);
  if (!result.ok) return { ok: false, problems: result.problems };
  const keys = (result.processes ?? [result.ir]).map((ir) => ir.processId);
  return { ok: true, key: keys.join(', '), kind: 'bpmn', problems: [] };
}

function validateJson(file: ModelFile): Validation {
  let body: unknown;
  try {
    body = JSON.parse(file.content);
  } catch (err) {
    return invalid(`not JSON: ${(err as Error).message}`);
  }
  const kindName = (body as { kind?: unknown } | null)?.kind;
  const kind = typeof kindName === 'string' ? jsonKinds[kindName] : undefined;
  if (!kind) return invalid(`kind ${JSON.stringify(kindName)} is not a JSON definition kind`);
  const result = kind.compile(body);
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, key: result.key, kind: kindName as string, problems: [] };
}

/** Compiles the file locally; never throws for a bad model. */
export function validateLocally(file: ModelFile): Promise<Validation> {
  return file.contentType === 'application/json'
    ? Promise.resolve(validateJson(file))
    : validateXml(file);
}

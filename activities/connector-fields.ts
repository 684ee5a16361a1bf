/**
 * Where the `http` task reads its connector fields (`method`, `url`, `headers`,
 * `queryParameters`, `body`, `authentication`, timeouts): from the task's own input mappings
 * (the engine hands a built-in connector its local scope only), else from a task header of the
 * same name — never from a variable the task merely inherits, so a start payload or callback
 * data cannot redirect the request or add headers the model did not map. Header values of the
 * object fields are JSON (`{"accept": "text/plain"}`). Secret references `{{secrets.NAME}}` in
 * any field are resolved here, inside the activity (secrets.ts).
 */
import { badConfig } from './task-config';
import type { SecretStore } from './secrets';
import { UnknownSecretError } from './secrets';
import type { TaskInput } from './task-input';

/** The connector fields the http task reads. */
export const CONNECTOR_FIELDS = [
  'method',
  'url',
  'headers',
  'queryParameters',
  'body',
  'authentication',
  'connectionTimeoutInSeconds',
  'readTimeoutInSeconds',
] as const;

export type ConnectorField = (typeof CONNECTOR_FIELDS)[number];

const OBJECT_FIELDS = new Set<ConnectorField>([
  'headers',
  'queryParameters',
  'body',
  'authentication',
]);

/** The fields from inputs, then headers, with secret references resolved. */
export function connectorFields(
  input: TaskInput,
  secrets: SecretStore | undefined,
): Partial<Record<ConnectorField, unknown>> {
  const out: Partial<Record<ConnectorField, unknown>> = {};
  for (const field of CONNECTOR_FIELDS) {
    const value = field in input.variables ? input.variables[field] : fromHeader(input, field);
    if (value === undefined) continue;
    try {
      out[field] = secrets ? secrets.resolve(value) : value;
    } catch (err) {
      if (err instanceof UnknownSecretError) throw badConfig(input, `${field}: ${err.message}`);
      throw err;
    }
  }
  return out;
}

function fromHeader(input: TaskInput, field: ConnectorField): unknown {
  const raw = input.headers[field];
  if (raw === undefined) return undefined;
  if (!OBJECT_FIELDS.has(field)) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    if (field === 'body') return raw;
    throw badConfig(input, `task header ${field} is not JSON`);
  }
}

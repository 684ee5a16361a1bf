/** A definition by id or key, or the API's 404 `definition-not-found`. */
import type { Definition, Registry } from '../registry';
import { HttpProblem } from './problem';

export async function requireDefinition(registry: Registry, idOrKey: string): Promise<Definition> {
  const def = await registry.definitions.getDefinition(idOrKey);
  if (!def)
    throw new HttpProblem(404, `definition '${idOrKey}' not found`, {
      type: 'definition-not-found',
    });
  return def;
}

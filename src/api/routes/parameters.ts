/**
 * Parameter sets: `POST /parameters {workflowDefinitionId, parameters}` stores custom
 * parameters for one definition, validated against the parameters its latest deployed
 * version (else its latest version) declares; 201 `{parametersId}`.
 */
import { Router } from 'express';
import type { ProcessIR } from '../../model/bpmn/ir';
import type { ApiDeps } from '../deps';
import { checkParameters } from '../parameters-check';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { createParametersSchema } from '../runs-schemas';

/** The IR parameters should be checked against: latest deployed, else latest version. */
export async function declaredParameters(deps: ApiDeps, definitionId: string) {
  const deployed = await deps.registry.definitions.compiledVersion(definitionId);
  if (deployed) return (deployed.compiled as ProcessIR).parameters ?? [];
  const versions = await deps.registry.definitions.listVersions(definitionId);
  const last = versions.at(-1);
  if (!last) return [];
  const v = await deps.registry.definitions.getVersion(definitionId, last.version);
  return (v?.compiled as ProcessIR | undefined)?.parameters ?? [];
}

export function parametersRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post('/parameters', async (req, res) => {
    const body = parseOr400(createParametersSchema, jsonBody(req), 'body');
    const def = await deps.registry.definitions.getDefinition(body.workflowDefinitionId);
    if (!def)
      throw new HttpProblem(404, `definition '${body.workflowDefinitionId}' not found`, {
        type: 'definition-not-found',
      });
    const problems = checkParameters(await declaredParameters(deps, def.id), body.parameters);
    if (problems.length > 0)
      throw new HttpProblem(400, `invalid parameters: ${problems.map((p) => p.path).join(', ')}`, {
        type: 'invalid-parameters',
        errors: problems,
      });
    const set = await deps.registry.parameters.create(def.id, body.parameters);
    res.status(201).json(set);
  });

  return router;
}

/**
 * `POST /decisions/{key}/evaluate`: evaluates a deployed decision (kind `dmn`) over
 * `{variables}` — its latest deployed version, or `version` / `versionTag` — and answers the
 * result, the rules that matched and every decision evaluated (required ones first). An
 * unknown key is 404, a decision with no deployed version 409, a failed evaluation (a hit
 * policy violated, an input outside its input values) 422 naming the decision.
 */
import { Router } from 'express';
import { evaluateDecision } from '../../engine/dmn';
import { findDecisionVersion } from '../../registry/decision-versions';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { evaluateDecisionSchema } from '../decision-schemas';

const STATUS = { 'not-found': 404, 'version-not-found': 404, 'not-deployed': 409 } as const;

export function decisionsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/decisions/:key/evaluate', async (req, res) => {
    const body = parseOr400(evaluateDecisionSchema, jsonBody(req) ?? {}, 'body');
    const found = await findDecisionVersion(deps.registry.definitions, req.params.key, body);
    if (!found.ok)
      throw new HttpProblem(STATUS[found.reason], found.message, {
        type: `decision-${found.reason}`,
      });
    const outcome = evaluateDecision(found.ir, body.variables ?? {}, { now: Date.now() });
    const decision = {
      id: found.definition.id,
      key: found.definition.key,
      name: found.definition.name,
      version: found.version,
      ...(found.ir.versionTag ? { versionTag: found.ir.versionTag } : {}),
    };
    if (!outcome.ok)
      throw new HttpProblem(422, outcome.error, {
        type: 'decision-evaluation-failed',
        decision,
        failedDecisionId: outcome.decisionId,
      });
    res.json({
      decision,
      result: outcome.result,
      matchedRules: outcome.matchedRules,
      evaluatedDecisions: outcome.evaluatedDecisions,
    });
  });
  return router;
}

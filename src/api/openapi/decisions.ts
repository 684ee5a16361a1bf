/**
 * OpenAPI paths of decisions (routes/decisions.ts): evaluating a deployed DMN decision.
 */
import { evaluateDecisionSchema } from '../decision-schemas';
import type { Json } from './common';
import { bodyErrors, errors, jsonBody, ok, pathParam, problemResponse } from './common';

export function decisionPaths(): Json {
  return {
    '/decisions/{key}/evaluate': {
      parameters: [pathParam('key', 'Decision id (the key of a `dmn` definition)')],
      post: {
        summary: 'Evaluate a decision: its latest deployed version, or `version` / `versionTag`',
        requestBody: jsonBody(evaluateDecisionSchema, false),
        responses: {
          '200': ok(
            '`{decision:{id,key,name,version}, result, matchedRules:[{ruleId, ruleIndex, outputs}], evaluatedDecisions}`',
          ),
          '400': errors['400'],
          '401': errors['401'],
          '404': problemResponse('No decision with that key, or no such version'),
          '409': problemResponse('The decision has no deployed version'),
          '422': problemResponse('The evaluation failed (e.g. hit policy UNIQUE with two matches)'),
          ...bodyErrors,
        },
      },
    },
  };
}

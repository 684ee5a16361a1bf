/**
 * Cases: `POST /cases` creates the representation of one end user — or, for a returning user
 * (same externalId, else same personalNumber), answers 200 with their existing case,
 * unchanged, saying so: `reused: true` and `ignoredFields`, the fields sent whose values differ
 * from the stored ones (never silently dropped, never silently overwritten).
 * `GET /cases/{caseId}` reads it; `GET /cases/{caseId}/runs` lists its runs from Temporal
 * visibility (search attribute WaymarkCaseId; eventually consistent, a few hundred ms).
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { listPage, literal, withDeadline } from '../temporal-views';
import { createCaseSchema } from '../runs-schemas';

export function casesRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  const requireCase = async (caseId: string) => {
    const found = await deps.registry.cases.get(caseId);
    if (!found)
      throw new HttpProblem(404, `case '${caseId}' not found`, { type: 'case-not-found' });
    return found;
  };

  router.post('/cases', async (req, res) => {
    const body = parseOr400(createCaseSchema, jsonBody(req), 'body');
    const { case: stored, created } = await deps.registry.cases.createOrReuse(body);
    res
      .status(created ? 201 : 200)
      .location(`${deps.config.publicUrl}/cases/${stored.caseId}`)
      .json(created ? stored : { ...stored, reused: true, ignoredFields: ignored(body, stored) });
  });

  router.get('/cases/:caseId', async (req, res) => {
    res.json(await requireCase(req.params.caseId));
  });

  router.get('/cases/:caseId/runs', async (req, res) => {
    const found = await requireCase(req.params.caseId);
    const page = await withDeadline(client, timeoutMs, () =>
      listPage(client, `WaymarkCaseId = ${literal(found.caseId)}`, 1000),
    );
    res.json({
      caseId: found.caseId,
      items: page.items.map((i) => ({
        runId: i.workflowId,
        status: i.status,
        workflowDefinitionId: i.definition.id,
        definition: i.definition,
        startedAt: i.startedAt,
        ...(i.closedAt ? { closedAt: i.closedAt } : {}),
      })),
    });
  });

  return router;
}

/** The fields of `sent` whose value the stored case does not have (they were not applied). */
function ignored(sent: Record<string, unknown>, stored: object): string[] {
  const have = stored as Record<string, unknown>;
  return Object.keys(sent)
    .filter((k) => sent[k] !== undefined && sent[k] !== have[k])
    .sort();
}

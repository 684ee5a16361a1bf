/**
 * Health checks (open, no auth): `live` says the process answers; `ready` says the registry
 * and the Temporal frontend both answer, each within a deadline — 503 with the failing
 * check otherwise.
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import { withDeadline } from '../temporal-views';

async function check(fn: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function healthRouter(deps: ApiDeps): Router {
  const router = Router();
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/health/ready', async (_req, res) => {
    const { client } = deps.temporal;
    const [registry, temporal] = await Promise.all([
      check(() => deps.registry.ping()),
      check(() => withDeadline(client, timeoutMs, () => client.workflowService.getSystemInfo({}))),
    ]);
    const checks = { registry, temporal };
    if (registry.ok && temporal.ok) {
      res.json({ status: 'ok', checks });
      return;
    }
    const failing = Object.entries(checks)
      .filter(([, c]) => !c.ok)
      .map(([name]) => name);
    throw new HttpProblem(503, `not ready: ${failing.join(', ')} unreachable`, {
      type: 'not-ready',
      checks,
    });
  });

  return router;
}

/**
 * Read-only views of a definition version for the console: `GET /definitions/{idOrKey}/heatmap`
 * (per element: visits, tokens now, incidents and time spent, aggregated from a bounded sample
 * of the version's instances — `heatmap-sample.ts`, `heatmap.ts`) and
 * `GET /definitions/{idOrKey}/versions/{v}/diagram` (a state machine as laid-out BPMN XML —
 * `state-machine-bpmn.ts`).
 */
import { requireDefinition as requireDefinitionIn } from '../require-definition';
import { Router } from 'express';
import { z } from 'zod';
import type { StateMachineIR } from '../../model/state-machine';
import type { Definition, DefinitionVersion } from '../../registry';
import type { ApiDeps } from '../deps';
import { aggregateHeatmap, droppedEntries, machineSample } from '../heatmap';
import { gatherSample } from '../heatmap-sample';
import { HttpProblem, parseOr400 } from '../problem';
import { versionParamSchema } from '../schemas';
import { stateMachineDiagram } from '../state-machine-bpmn';

export const heatmapQuerySchema = z
  .object({
    version: z
      .string()
      .regex(/^[1-9]\d*$/, 'a positive integer')
      .optional()
      .describe('Definition version (default: the latest deployed, else the latest)'),
  })
  .strict();

export function heatmapRouter(deps: ApiDeps): Router {
  const router = Router();
  const { registry, config } = deps;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  const requireDefinition = (idOrKey: string) => requireDefinitionIn(registry, idOrKey);

  async function requireVersion(def: Definition, v?: number): Promise<DefinitionVersion> {
    let version: DefinitionVersion | undefined;
    if (v !== undefined) version = await registry.definitions.getVersion(def.id, v);
    else {
      version = await registry.definitions.latestDeployed(def.id);
      const latest = (await registry.definitions.listVersions(def.id)).at(-1);
      if (!version && latest)
        version = await registry.definitions.getVersion(def.id, latest.version);
    }
    if (!version)
      throw new HttpProblem(404, `definition '${def.key}' has no version ${v ?? ''}`.trim(), {
        type: 'version-not-found',
      });
    return version;
  }

  router.get('/definitions/:idOrKey/heatmap', async (req, res) => {
    const q = parseOr400(heatmapQuerySchema, req.query, 'query');
    const def = await requireDefinition(req.params.idOrKey);
    const version = await requireVersion(def, q.version ? Number(q.version) : undefined);
    const limit = config.WAYMARK_HEATMAP_SAMPLE;
    const gathered = await gatherSample(deps.temporal.client, {
      definitionId: def.id,
      version: version.version,
      limit,
      concurrency: config.WAYMARK_HEATMAP_CONCURRENCY,
      timeoutMs,
    });
    const { total, unreadable } = gathered;
    const samples =
      def.kind === 'state-machine' ? gathered.samples.map(machineSample) : gathered.samples;
    res.json({
      definition: { id: def.id, key: def.key, version: version.version },
      sampled: samples.length,
      total,
      truncated: total > samples.length + unreadable,
      unreadable,
      sampleLimit: limit,
      trailDropped: droppedEntries(samples),
      elements: aggregateHeatmap(samples),
    });
  });

  router.get('/definitions/:idOrKey/versions/:v/diagram', async (req, res) => {
    const parsed = versionParamSchema.safeParse(req.params.v);
    if (!parsed.success)
      throw new HttpProblem(400, `version must be a positive integer, got '${req.params.v}'`, {
        errors: [{ path: 'params.v', message: 'a positive integer' }],
      });
    const def = await requireDefinition(req.params.idOrKey);
    const version = await requireVersion(def, parsed.data);
    if (def.kind !== 'state-machine')
      throw new HttpProblem(
        422,
        `definition '${def.key}' is a ${def.kind}: its source is its diagram`,
        { type: 'kind-not-supported' },
      );
    const diagram = await stateMachineDiagram(version.compiled as StateMachineIR);
    res.json({ definition: { id: def.id, key: def.key, version: version.version }, ...diagram });
  });

  return router;
}

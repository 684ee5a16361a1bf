/**
 * /definitions: upload (BPMN XML → compile → a new version of each of its executable
 * processes, optionally deployed: `bpmn-upload.ts`; or a JSON definition), list with
 * running-instance counts from Temporal visibility, read one with its versions, read or
 * export a version's source, deploy, enable/disable, delete (refused while instances run).
 * Deploy, enable/disable and delete keep timer start schedules in step (schedules/).
 * Model problems are data: a 422 carrying every problem the compiler found.
 */
import { requireDefinition as requireDefinitionIn } from '../require-definition';
import { Router } from 'express';
import type { Request } from 'express';
import type { ApiDeps } from '../deps';
import { createdView, uploadBpmn } from '../bpmn-upload';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import {
  deployQuerySchema,
  exportQuerySchema,
  jsonDefinitionSchema,
  patchDefinitionSchema,
  versionParamSchema,
  versionQuerySchema,
  xmlTypes,
} from '../schemas';
import { countRunning } from '../temporal-views';
import { jsonKinds } from '../json-kinds';
import { createJsonVersion, jsonListFields, notifyEnabled } from '../json-definitions';
import { deployDmn, looksLikeDmn } from '../dmn-definitions';
import type { Definition, DefinitionVersion, VersionInfo } from '../../registry';
import {
  deleteSchedules,
  deploySchedules,
  enabledSchedules,
  withSchedules,
} from '../schedules/definition-schedules';

const mediaTypes = { xml: 'application/xml', json: 'application/json' } as const;

function created(definition: Definition, version: VersionInfo) {
  return {
    id: definition.id,
    key: definition.key,
    kind: definition.kind,
    name: definition.name,
    version: version.version,
    status: version.status,
    enabled: definition.enabled,
    contentHash: version.contentHash,
  };
}

export function definitionsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { registry, config } = deps;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  const requireDefinition = (idOrKey: string) => requireDefinitionIn(registry, idOrKey);

  function versionParam(req: Request): number {
    const parsed = versionParamSchema.safeParse(req.params.v);
    if (!parsed.success)
      throw new HttpProblem(400, `version must be a positive integer, got '${req.params.v}'`);
    return parsed.data;
  }

  async function requireVersion(def: Definition, v: number): Promise<DefinitionVersion> {
    const version = await registry.definitions.getVersion(def.id, v);
    if (!version)
      throw new HttpProblem(404, `definition '${def.key}' has no version ${v}`, {
        type: 'version-not-found',
      });
    return version;
  }

  /** Running instances; null when visibility does not answer in time. */
  async function activeInstances(definitionId: string): Promise<number | null> {
    try {
      return await countRunning(deps.temporal.client, definitionId, timeoutMs);
    } catch (err) {
      deps.logger.warn({ err, definitionId }, 'could not count running instances');
      return null;
    }
  }

  router.post('/definitions', async (req, res) => {
    const deploy = parseOr400(deployQuerySchema, req.query, 'query').deploy === 'true';
    if (req.is(xmlTypes)) {
      const xml = typeof req.body === 'string' ? req.body : '';
      if (xml.trim() === '')
        throw new HttpProblem(400, 'empty BPMN document', { type: 'empty-body' });
      if (looksLikeDmn(xml)) return deployDmn(deps, xml, deploy, res);
      const { results, warnings } = await uploadBpmn(deps, xml, deploy);
      const [first] = results;
      res
        .status(results.some((r) => r.created) ? 201 : 200)
        .location(`${config.publicUrl}/definitions/${first.definition.id}`)
        .json({ ...createdView(first), definitions: results.map(createdView), warnings });
      return;
    }
    if (req.is(['application/json', 'application/*+json'])) {
      const body = parseOr400(jsonDefinitionSchema, jsonBody(req), 'body');
      const kind = jsonKinds[body.kind];
      if (!kind) {
        const detail =
          body.kind === 'bpmn'
            ? 'BPMN definitions are uploaded as XML (Content-Type: application/xml)'
            : `kind '${body.kind}' is not supported yet`;
        throw new HttpProblem(422, detail, { type: 'kind-not-supported' });
      }
      const out = await createJsonVersion(deps, body.kind, jsonBody(req), deploy);
      res
        .status(out.created ? 201 : 200)
        .location(`${config.publicUrl}/definitions/${out.definition.id}`)
        .json({ ...created(out.definition, out.version), created: out.created, warnings: [] });
      return;
    }
    throw new HttpProblem(415, 'send BPMN XML (application/xml or text/xml) or a JSON definition', {
      type: 'unsupported-media-type',
    });
  });

  router.get('/definitions', async (_req, res) => {
    const defs = await registry.definitions.listDefinitions();
    const counts = await Promise.all(defs.map((d) => activeInstances(d.id)));
    const extras = await Promise.all(defs.map((d) => jsonListFields(deps, d)));
    res.json({
      items: defs.map((d, i) => ({ ...d, ...extras[i], activeInstances: counts[i] })),
    });
  });

  router.get('/definitions/:idOrKey', async (req, res) => {
    const def = await requireDefinition(req.params.idOrKey);
    const versions = await registry.definitions.listVersions(def.id);
    const deployed = versions.filter((v) => v.status === 'deployed').at(-1);
    res.json({
      ...def,
      latestVersion: versions.at(-1)?.version ?? 0,
      deployedVersion: deployed?.version ?? null,
      activeInstances: await activeInstances(def.id),
      versions: versions.map(({ definitionId: _d, ...v }) => v),
    });
  });

  router.get('/definitions/:idOrKey/versions/:v', async (req, res) => {
    const { format } = parseOr400(versionQuerySchema, req.query, 'query');
    const def = await requireDefinition(req.params.idOrKey);
    const version = await requireVersion(def, versionParam(req));
    if (format === 'ir') {
      const { source: _s, compiled, definitionId: _d, ...info } = version;
      res.json({ id: def.id, key: def.key, ...info, ir: compiled });
      return;
    }
    res.setHeader('Waymark-Version-Status', version.status);
    res.type(mediaTypes[version.sourceType]).send(version.source);
  });

  router.post('/definitions/:idOrKey/versions/:v/deploy', async (req, res) => {
    const def = await requireDefinition(req.params.idOrKey);
    const v = versionParam(req);
    const scheduled = await deploySchedules(deps, def, v);
    const version = await withSchedules(deps, 'the deploy', scheduled, (onWritten) =>
      registry.definitions.deployVersion(def.id, v, onWritten),
    );
    res.json({ ...created(def, version), deployedAt: version.deployedAt });
  });

  router.patch('/definitions/:idOrKey', async (req, res) => {
    const { enabled } = parseOr400(patchDefinitionSchema, jsonBody(req), 'body');
    const def = await requireDefinition(req.params.idOrKey);
    const scheduled = await enabledSchedules(deps, def);
    const what = enabled ? 'enabling' : 'disabling';
    const updated = await withSchedules(deps, what, scheduled, (onWritten) =>
      registry.definitions.setEnabled(def.id, enabled, onWritten),
    );
    const notified = await notifyEnabled(deps, updated);
    res.json({ ...updated, ...(notified !== undefined ? { notifiedInstances: notified } : {}) });
  });

  router.get('/definitions/:idOrKey/export', async (req, res) => {
    const { version: v } = parseOr400(exportQuerySchema, req.query, 'query');
    const def = await requireDefinition(req.params.idOrKey);
    let version: DefinitionVersion | undefined;
    if (v !== undefined) version = await requireVersion(def, Number(v));
    else {
      version = await registry.definitions.latestDeployed(def.id);
      const latest = (await registry.definitions.listVersions(def.id)).at(-1);
      if (!version && latest) version = await requireVersion(def, latest.version);
    }
    if (!version)
      throw new HttpProblem(404, `definition '${def.key}' has no versions`, {
        type: 'version-not-found',
      });
    const ext = version.sourceType === 'json' ? 'json' : def.kind === 'dmn' ? 'dmn' : 'bpmn';
    res.attachment(`${def.key}.${ext}`);
    res.setHeader('Waymark-Version', String(version.version));
    res.type(mediaTypes[version.sourceType]).send(version.source);
  });

  router.delete('/definitions/:idOrKey', async (req, res) => {
    const def = await requireDefinition(req.params.idOrKey);
    const running = await activeInstances(def.id);
    if (running === null) {
      throw new HttpProblem(
        503,
        'cannot tell whether instances are running (Temporal visibility did not answer)',
      );
    }
    if (running > 0) {
      throw new HttpProblem(409, `definition '${def.key}' has ${running} running instance(s)`, {
        type: 'definition-in-use',
        activeInstances: running,
      });
    }
    const scheduled = await deleteSchedules(deps, def);
    await withSchedules(deps, 'the delete', scheduled, (onWritten) =>
      registry.definitions.deleteDefinition(def.id, onWritten),
    );
    res.status(204).end();
  });

  return router;
}

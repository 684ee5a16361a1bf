/**
 * The Express application: body parsers with the configured limit, auth, logging and
 * metrics, one router per resource, and problem+json for every error. Everything it needs
 * is injected (`ApiDeps`), so tests build it with an in-memory registry and a stub compiler.
 */
import express from 'express';
import { apiKeyAuth } from './auth';
import { callbacksRouter } from './routes/callbacks';
import type { ApiDeps } from './deps';
import { createHttpMetrics, requestLogger } from './observability';
import { errorHandler, notFoundHandler } from './problem';
import { xmlTypes } from './schemas';
import { definitionsRouter } from './routes/definitions';
import { healthRouter } from './routes/health';
import { instancesRouter } from './routes/instances';
import { instanceVariablesRouter } from './routes/instance-variables';
import { copyRouter } from './routes/definition-copy';
import { stateMachinesRouter } from './routes/state-machines';
import { heatmapRouter } from './routes/heatmap';
import { openapiRouter } from './routes/openapi';
import { userTaskActionsRouter } from './routes/user-task-actions';
import { userTasksRouter } from './routes/user-tasks';
import { casesRouter } from './routes/cases';
import { environmentsRouter } from './routes/environments';
import { parametersRouter } from './routes/parameters';
import { webhookStartRouter } from './routes/webhook-start';
import { webhooksRouter } from './routes/webhooks';
import { runsRouter } from './routes/runs';
import { schemasRouter } from './routes/kind-schemas';
import { consoleAssets } from './console';
import { decisionsRouter } from './routes/decisions';
import { signalsRouter } from './routes/signals';
import { messagesRouter } from './routes/messages';
import { codecCors } from './routes/codec-cors';
import { codecRouter } from './routes/codec';

export type { ApiDeps } from './deps';

/** Builds the app; it does not listen. */
export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const metrics = createHttpMetrics({ defaultMetrics: deps.defaultMetrics });

  app.use(requestLogger(deps.logger));
  app.use(metrics.middleware);
  app.use(healthRouter(deps));
  app.use(openapiRouter(deps));
  // Webhook starts carry environment tokens, callbacks signed URLs, not API keys; both check
  // their credential before they read (and parse) a body.
  app.use(webhookStartRouter(deps));
  app.use(callbacksRouter(deps));
  app.use(schemasRouter());
  // The console's files are public; the API calls it makes are authenticated below.
  app.use('/console', consoleAssets());
  // The Web UI's preflight carries no credentials: answered before auth.
  app.use(codecCors(deps.config));
  app.use(apiKeyAuth(deps.config));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Its own body limit (payloads in base64), so it parses before the general one.
  app.use(codecRouter(deps));
  const limit = deps.config.WAYMARK_BODY_LIMIT;
  app.use(express.json({ limit, type: ['application/json', 'application/*+json'] }));
  app.use(express.text({ limit, type: xmlTypes }));

  app.use(definitionsRouter(deps));
  app.use(instancesRouter(deps));
  app.use(instanceVariablesRouter(deps));
  app.use(copyRouter(deps));
  app.use(stateMachinesRouter(deps));
  app.use(heatmapRouter(deps));
  app.use(userTasksRouter(deps));
  app.use(userTaskActionsRouter(deps));
  app.use(casesRouter(deps));
  app.use(parametersRouter(deps));
  app.use(runsRouter(deps));
  app.use(webhooksRouter(deps));
  app.use(environmentsRouter(deps));
  app.use(decisionsRouter(deps));
  app.use(signalsRouter(deps));
  app.use(messagesRouter(deps));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

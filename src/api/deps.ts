/**
 * What the API is built from: configuration, the registry, a Temporal client, the BPMN
 * compiler and a logger. Injected so tests can build the app with their own parts.
 */
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Registry } from '../registry';
import type { CompileBpmn } from './compiler';

export interface ApiDeps {
  config: Config;
  registry: Registry;
  temporal: {
    client: Client;
    /** Deadline for queries and visibility calls that may wait on a worker (default 5 s). */
    timeoutMs?: number;
  };
  compile: CompileBpmn;
  logger: Logger;
  /** Also export Node process metrics on /metrics (production; off in tests). */
  defaultMetrics?: boolean;
}

/**
 * The worker's signal broadcast (`waymark.broadcastSignal`): the API's broadcast
 * (src/api/signals/broadcast.ts) over the worker's registry, configuration and a Temporal
 * client of its own, so a signal thrown in a process reaches other instances and starts
 * signal-started definitions through the same start path as the API. The worker compiles
 * nothing: its `compile` refuses.
 */
import type { Client } from '@temporalio/client';
import pino from 'pino';
import type { Broadcast } from '../../activities/broadcast-signal';
import type { ApiDeps } from '../api/deps';
import { broadcastSignal } from '../api/signals/broadcast';
import type { Config } from '../config';
import type { Registry } from '../registry';

export function workerBroadcast(config: Config, registry: Registry, client: Client): Broadcast {
  const deps: ApiDeps = {
    config,
    registry,
    temporal: { client },
    compile: () => Promise.reject(new Error('the worker compiles no models')),
    logger: pino({ level: config.LOG_LEVEL, name: 'waymark-worker' }),
  };
  return (input) => broadcastSignal(deps, input);
}

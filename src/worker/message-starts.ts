/**
 * The worker's part of message start events: a message thrown by a process (activities/
 * mailbox.ts) starts instances at matching message start events the way the API's publication
 * does (src/api/message-starts.ts), through the API's one start path, with the worker's
 * registry and the activity's client.
 */
import type { Client } from '@temporalio/client';
import pino from 'pino';
import type { MessageStarts } from '../../activities/mailbox';
import type { ApiDeps } from '../api/deps';
import { realCompile } from '../api/compiler';
import { startByMessage } from '../api/message-starts';
import type { Config } from '../config';
import type { Registry } from '../registry';

export function workerMessageStarts(config: Config, registry: Registry): MessageStarts {
  const logger = pino({ level: 'silent' });
  return (client: Client, message) => {
    const deps: ApiDeps = { config, registry, temporal: { client }, compile: realCompile, logger };
    return startByMessage(deps, message);
  };
}

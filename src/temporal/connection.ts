/**
 * Temporal connections for the API (client) and the worker (native connection), from config.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config';

/** A client for starts, signals, updates, queries and visibility. */
export async function connectClient(
  config: Pick<Config, 'temporalAddress' | 'TEMPORAL_NAMESPACE'>,
): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporalAddress });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}

/** The worker's connection. */
export async function connectWorker(
  config: Pick<Config, 'temporalAddress'>,
): Promise<NativeConnection> {
  return NativeConnection.connect({ address: config.temporalAddress });
}

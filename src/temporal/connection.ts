/**
 * Temporal connections for the API (client) and the worker (native connection), from config.
 * Clients carry the payload codec when codec keys are configured (./codec).
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config';
import { codecDataConverter } from './codec/data-converter';

/** A client for starts, signals, updates, queries and visibility. */
export async function connectClient(
  config: Pick<Config, 'temporalAddress' | 'TEMPORAL_NAMESPACE' | 'codecKeys'>,
): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporalAddress });
  return new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: codecDataConverter(config),
  });
}

/** The worker's connection. */
export async function connectWorker(
  config: Pick<Config, 'temporalAddress'>,
): Promise<NativeConnection> {
  return NativeConnection.connect({ address: config.temporalAddress });
}

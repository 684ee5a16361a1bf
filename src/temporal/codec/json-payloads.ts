/**
 * Payloads in the codec server protocol's JSON (proto3 JSON, as the Temporal Web UI and CLI
 * send them): `{ metadata: { key: base64 }, data: base64 }`.
 */
import type { Payload } from '@temporalio/common';

export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

export function payloadsFromJson(payloads: JsonPayload[]): Payload[] {
  return payloads.map((p) => ({
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
    ),
    data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
  }));
}

export function payloadsToJson(payloads: Payload[]): JsonPayload[] {
  return payloads.map((p) => ({
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v ?? new Uint8Array())]),
    ),
    ...(p.data ? { data: b64(p.data) } : {}),
  }));
}

/**
 * Builds a real API server for tests: in-memory registry (a fresh PostgreSQL database in a
 * WAYMARK_TEST_STORE=postgres run), a Temporal client (the test server's when TEMPORAL_ADDRESS
 * is set, else a lazy client to nowhere — enough for routes that never reach Temporal), a
 * compiler (stub unless given), listening on port 0.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import type { Config } from '../../src/config';
import { createApp } from '../../src/api/app';
import type { CompileBpmn, Problem } from '../../src/api/compiler';
import { openRegistry } from '../../src/registry';
import type { Registry, RegistryLocation } from '../../src/registry';
import { createTestDatabase } from '../support/postgres';
import type { ProcessIR } from '../../src/model/bpmn/ir';

/**
 * An in-memory SQLite registry, or a fresh database on the PostgreSQL server of a
 * WAYMARK_TEST_STORE=postgres run (test/support/global-setup.ts).
 */
async function testRegistryLocation(): Promise<RegistryLocation> {
  const adminUrl = process.env.WAYMARK_TEST_POSTGRES_ADMIN_URL;
  return adminUrl
    ? { databaseUrl: await createTestDatabase(adminUrl) }
    : { sqliteFile: ':memory:' };
}

export interface TestApi {
  url: string;
  /** The app behind `url`, for tests that inspect its routes. */
  app: Express;
  registry: Registry;
  client: Client;
  config: Config;
  close(): Promise<void>;
}

/** Whether a real Temporal server is available to this test run. */
export const temporalAddress = process.env.TEMPORAL_ADDRESS;

/**
 * A stand-in compiler: reads the process id/name and `mandatory` property, reports a
 * malformed document (`<!-- MALFORMED -->`) at a position and every `bpmn:complexGateway`
 * as an unsupported element.
 */
export const stubCompile: CompileBpmn = (xml) => {
  const problems: Problem[] = [];
  if (xml.includes('<!-- MALFORMED -->')) {
    return Promise.resolve({
      ok: false,
      problems: [{ rule: 'xml-well-formed', message: 'unclosed tag', line: 3, column: 7 }],
    });
  }
  for (const m of xml.matchAll(/<bpmn:complexGateway id="([^"]+)"/g)) {
    problems.push({
      rule: 'unsupported-element',
      elementId: m[1],
      message: `bpmn:ComplexGateway '${m[1]}' is not supported`,
    });
  }
  const process = /<bpmn:process id="([^"]+)"(?: name="([^"]+)")?/.exec(xml);
  if (!process) problems.push({ rule: 'process-required', message: 'no bpmn:process' });
  if (problems.length > 0 || !process) return Promise.resolve({ ok: false, problems });
  const mandatory =
    /name="mandatory" value="([^"]*)"/.exec(xml)?.[1].split(',').filter(Boolean) ?? [];
  const ir: ProcessIR = {
    kind: 'bpmn',
    processId: process[1],
    ...(process[2] ? { name: process[2] } : {}),
    startEventId: 'start',
    elements: {},
    flows: {},
    mandatory,
    parameters: [],
  };
  return Promise.resolve({ ok: true, ir, warnings: [] });
};

/** A small valid Camunda 8 process (start → user task → end). */
export function processXml(
  id: string,
  opts: { name?: string; mandatory?: string; extra?: string } = {},
): string {
  const props = opts.mandatory
    ? `<bpmn:extensionElements><zeebe:properties><zeebe:property name="mandatory" value="${opts.mandatory}" /></zeebe:properties></bpmn:extensionElements>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}"${opts.name ? ` name="${opts.name}"` : ''} isExecutable="true">
    <bpmn:startEvent id="start">${props}<bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>${opts.extra ?? ''}
  </bpmn:process>
</bpmn:definitions>
`;
}

export async function startTestApi(
  options: {
    env?: Record<string, string>;
    compile?: CompileBpmn;
    timeoutMs?: number;
    /** A Temporal address to reach lazily instead of the test server's (e.g. one nobody serves). */
    temporalAddress?: string;
  } = {},
): Promise<TestApi> {
  const address = options.temporalAddress ?? temporalAddress;
  const config = loadConfig({
    WAYMARK_DATA_DIR: '/tmp/waymark-api-test',
    LOG_LEVEL: 'silent',
    TEMPORAL_ADDRESS: address ?? '127.0.0.1:1',
    ...options.env,
  });
  const registry = await openRegistry(await testRegistryLocation());
  // The test server: connected now. Anything else (nowhere, or an address a test names): lazily.
  const connection =
    temporalAddress && !options.temporalAddress
      ? await Connection.connect({ address: temporalAddress })
      : Connection.lazy({
          address: config.temporalAddress,
          // One attempt: the client's default retries an unreachable server for ~20 s.
          interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 1 }))],
        });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({
    config,
    registry,
    temporal: { client, timeoutMs: options.timeoutMs ?? 1500 },
    compile: options.compile ?? stubCompile,
    logger: pino({ level: 'silent' }),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    registry,
    client,
    config,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      await registry.close();
    },
  };
}

/** POSTs BPMN XML. */
export function postXml(api: TestApi, xml: string, query = ''): Promise<Response> {
  return fetch(`${api.url}/definitions${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: xml,
  });
}

/** Sends JSON. */
export function sendJson(
  api: TestApi,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Expects a problem+json answer with this status; returns its body. */
export async function expectProblem(
  res: Response,
  status: number,
): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  return body;
}

/** A response body as loosely typed JSON (tests index into it freely). */
export type Json = Record<string, any>;

export async function json(res: Response | Promise<Response>): Promise<Json> {
  return (await (await res).json()) as Json;
}

/**
 * Helpers for end-to-end tests: speak HTTP to the stack started by the global setup, deploy
 * fixtures, start instances and wait for them, reading state only through the public API.
 */
import fs from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve(__dirname, '..', 'fixtures');

/** The API base URL from the global setup. */
export function apiUrl(): string {
  const url = process.env.WAYMARK_API_URL;
  if (!url) throw new Error('WAYMARK_API_URL is not set: run through jest with the global setup');
  return url;
}

export interface ApiResponse<T = any> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** One HTTP call; JSON bodies are serialized, strings sent as they are. */
export async function call<T = any>(
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
  }
  const res = await fetch(`${apiUrl()}${urlPath}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: parsed as T,
  };
}

/** Reads a BPMN fixture. */
export function fixture(name: string): string {
  return fs.readFileSync(
    path.join(fixturesDir, 'bpmn', name.endsWith('.bpmn') ? name : `${name}.bpmn`),
    'utf8',
  );
}

/** Deploys BPMN XML (POST /definitions?deploy=true) and returns the response body. */
export async function deployXml(
  xml: string,
  what = 'model',
): Promise<{ id: string; key: string; version: number }> {
  const res = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`deploy ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Deploys a BPMN fixture (POST /definitions?deploy=true) and returns the response body. */
export function deployFixture(name: string): Promise<{ id: string; key: string; version: number }> {
  return deployXml(fixture(name), name);
}

/** Starts an instance and returns its id. */
export async function startInstance(
  key: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await call(
    'POST',
    `/definitions/${encodeURIComponent(key)}/instances`,
    body,
    headers,
  );
  if (res.status !== 201)
    throw new Error(`start ${key}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.instanceId;
}

/** GET /instances/{id}. */
export async function getInstance(id: string): Promise<any> {
  const res = await call('GET', `/instances/${encodeURIComponent(id)}`);
  if (res.status !== 200) throw new Error(`get ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Polls the instance until `done(instance)` holds (default: it is no longer RUNNING and its
 * query answered — a closed instance's query replays on a worker and may time out under load).
 */
export async function waitFor(
  id: string,
  done: (i: any) => boolean = (i) => i.status !== 'RUNNING' && i.queryError === undefined,
  timeoutMs = 30_000,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    last = await getInstance(id);
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `instance ${id} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last, null, 1)}`,
  );
}

/** The element ids of a trail, in order. */
export function trailIds(instance: { trail: { elementId: string }[] }): string[] {
  return instance.trail.map((t) => t.elementId);
}

/** Waits until the instance waits at `elementId`; returns that active element. */
export async function waitAt(id: string, elementId: string, timeoutMs = 30_000): Promise<any> {
  const i = await waitFor(
    id,
    (x) => x.activeElements?.some((a: any) => a.elementId === elementId),
    timeoutMs,
  );
  return i.activeElements.find((a: any) => a.elementId === elementId);
}

/** Sends a message to an instance through the API. */
export async function sendMessage(
  id: string,
  message: {
    name: string;
    messageId?: string;
    variables?: Record<string, unknown>;
    timeToLive?: number;
  },
): Promise<void> {
  const res = await call('POST', `/instances/${encodeURIComponent(id)}/messages`, message);
  if (res.status >= 300)
    throw new Error(`message to ${id}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Waits for the open user task at `elementId` and completes it with `variables`. */
export async function completeUserTask(
  id: string,
  elementId: string,
  variables: Record<string, unknown> = {},
): Promise<void> {
  const inst = await waitFor(id, (i) => i.userTasks?.some((t: any) => t.elementId === elementId));
  const task = inst.userTasks.find((t: any) => t.elementId === elementId);
  const res = await call(
    'POST',
    `/user-tasks/${encodeURIComponent(task.flowElementInstanceId)}/complete`,
    { variables },
  );
  if (res.status !== 200)
    throw new Error(
      `complete ${task.flowElementInstanceId}: ${res.status} ${JSON.stringify(res.body)}`,
    );
}

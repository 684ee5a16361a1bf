/**
 * Configuration: one zod schema over the environment. Every port, URL, folder and key the
 * processes use comes from here; a wrong value stops start-up with a message naming the
 * variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseCodecKeys, type CodecKey } from './temporal/codec/keys';

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z.object({
  /** API port. */
  PORT: port.default(3000),
  /** Interface the API binds to; without API keys only loopback is allowed. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Public base URL of the API (links, callback URLs). Defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** An existing Temporal frontend (host:port). Unset: `npm start` runs a dev server. */
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'expected host:port')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Dev server frontend port (only when Waymark starts the dev server). */
  TEMPORAL_PORT: port.default(7233),
  /** Dev server Web UI port. */
  TEMPORAL_UI_PORT: port.default(8233),
  /** Web UI base URL for links; defaults to the dev server's UI. */
  TEMPORAL_UI_URL: z.url().optional(),
  /** The worker's default task queue. */
  WAYMARK_TASK_QUEUE: z.string().min(1).default('waymark'),
  /**
   * Task type → Temporal task queue for service task types without a built-in handler:
   * `publish-tweet=social,charge-card=payments` (comma list of `type=queue`). A type not in it
   * runs on the queue named exactly as the type; a `taskQueue` task header overrides both.
   */
  WAYMARK_TASK_QUEUES: z
    .string()
    .regex(
      /^\s*([^=,\s]+\s*=\s*[^=,\s]+\s*(,\s*[^=,\s]+\s*=\s*[^=,\s]+\s*)*)?$/,
      'expected type=queue,…',
    )
    .optional(),
  /**
   * How built-in task types that end in bounded time (noop, echo, bpmn-error, fail, http, a
   * business rule task's decision) run when their task has no `waymark.activityMode` header:
   * `local` (Temporal local activities) or `remote` (regular activities).
   */
  WAYMARK_BUILTIN_ACTIVITY_MODE: z.enum(['local', 'remote']).default('local'),
  /** Folder for the registry SQLite file and the dev server's database. */
  WAYMARK_DATA_DIR: z.string().min(1).default('.data'),
  /** A PostgreSQL registry instead of the SQLite file: `postgres://user:pass@host:5432/db` (empty: SQLite). */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/.*)?$/, 'expected postgres://user:password@host:port/database')
    .optional(),
  /** Comma-separated API keys (Bearer). Empty: loopback only. */
  WAYMARK_API_KEYS: z.string().optional(),
  /** Secret for signing callback URLs and the like; generated per data folder when unset. */
  WAYMARK_SECRET: z.string().min(16).optional(),
  /** The signing secret before a rotation: callback URLs signed with it still verify. */
  WAYMARK_PREVIOUS_SECRET: z.string().min(16).optional(),
  /** How long a callback URL stays valid after its request is sent (each request attempt renews it). */
  WAYMARK_CALLBACK_TTL_DAYS: z.coerce.number().positive().default(400),
  /** A JSON file `{"NAME": "value"}` of secrets for `{{secrets.NAME}}` references (worker). */
  WAYMARK_SECRETS_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Deadline for Temporal queries and visibility calls the API makes (a query of a closed
   * instance replays its history on a worker, which takes longer on a busy machine). */
  WAYMARK_TEMPORAL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Request body limit for the API, in bytes: 1.5 MiB, under the payload budget so a start's
   * variables leave room for the compiled model in the same workflow input.
   */
  WAYMARK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1.5 * 1024 * 1024),
  /**
   * The budget of one payload Waymark hands Temporal (start and continue-as-new inputs, activity
   * inputs and results, child inputs), in bytes of JSON: 1.75 MiB, under Temporal's 2 MiB
   * default blob limit with room for the envelope. At most 2 MiB.
   */
  WAYMARK_PAYLOAD_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .max(2 * 1024 * 1024)
    .default(1.75 * 1024 * 1024),
  /**
   * Continue-as-new once a run's history has this many events. Unset: when Temporal suggests it
   * (about 4 MB or 10,240 events by default). For operators who want shorter histories, and tests.
   */
  WAYMARK_CONTINUE_AS_NEW_EVENTS: z.coerce.number().int().min(10).max(40_000).optional(),
  /**
   * The history guard: a run that cannot continue as new parks an incident at this many events,
   * before Temporal's limit of 51,200 terminates it (workflows/lifecycle.ts HISTORY_GUARD).
   */
  WAYMARK_HISTORY_GUARD_EVENTS: z.coerce.number().int().min(40).max(50_000).default(40_000),
  /** Heatmaps (`GET /definitions/{id}/heatmap`): instances read per version, newest first. */
  WAYMARK_HEATMAP_SAMPLE: z.coerce.number().int().min(1).max(2000).default(200),
  /** Heatmaps: instance queries in flight at once. */
  WAYMARK_HEATMAP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Default `timeToLive` (ms) of a message sent to an instance (`POST /instances/{id}/messages`). */
  WAYMARK_MESSAGE_TTL_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(3600 * 1000),
  /** The longest `timeToLive` (ms) `POST /messages/publication` accepts (default 7 days). */
  WAYMARK_MESSAGE_TTL_MAX_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600 * 1000),
  /** Deploy limits of a BPMN model: its XML in bytes, and its flow elements (nodes + flows). */
  WAYMARK_MAX_MODEL_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1.5 * 1024 * 1024),
  WAYMARK_MAX_MODEL_ELEMENTS: z.coerce.number().int().positive().default(10_000),
  /** Shortest interval a static timer cycle may repeat at (refused at deploy below it). */
  WAYMARK_MIN_TIMER_CYCLE_MS: z.coerce.number().int().nonnegative().default(1000),
  /** Outbound HTTP (http task): timeout and response size limit (within the payload budget). */
  WAYMARK_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  WAYMARK_HTTP_MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1.5 * 1024 * 1024),
  /**
   * Comma-separated IPs and CIDRs outbound calls may reach although the address policy denies
   * them (loopback, private, link-local, …; activities/outbound.ts). `npm start` allows
   * loopback when this is unset.
   */
  WAYMARK_OUTBOUND_ALLOW: z.string().optional(),
  /** The `ai` node of integration workflows: an OpenAI-compatible API (e.g. https://api.openai.com/v1). */
  WAYMARK_AI_BASE_URL: z.url().optional(),
  /** Default model for `ai` nodes (a node may name its own). */
  WAYMARK_AI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Bearer key sent to WAYMARK_AI_BASE_URL. */
  WAYMARK_AI_API_KEY: z.string().min(1).optional(),
  /** Timeout of one chat-completions call. */
  WAYMARK_AI_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /**
   * Encryption at rest: `id1:base64key,id2:base64key` (32-byte AES-256 keys). The first key
   * encrypts, all of them decrypt (rotation). Unset (and no keys file): payloads stay plain.
   */
  WAYMARK_CODEC_KEYS: z
    .string()
    .optional()
    .superRefine((list, ctx) => {
      if (list?.trim()) codecKeysIssue(list, ctx);
    }),
  /** A file holding the codec key list in the same format (instead of WAYMARK_CODEC_KEYS). */
  WAYMARK_CODEC_KEYS_FILE: z.string().min(1).optional(),
  /** Origins (comma list) the codec endpoint answers CORS for; default the Web UI's. */
  WAYMARK_CODEC_CORS_ORIGINS: z.string().optional(),
  /**
   * Worker Deployment versioning (src/worker/deployment.ts): the deployment this worker build
   * belongs to and the build's id. Set both or neither; unset, the worker is unversioned.
   */
  WAYMARK_WORKER_DEPLOYMENT: z.string().min(1).optional(),
  WAYMARK_WORKER_BUILD_ID: z.string().min(1).optional(),
  /** What a versioned worker's workflows do when a newer build becomes current. */
  WAYMARK_WORKER_VERSIONING: z.enum(['PINNED', 'AUTO_UPGRADE']).default('PINNED'),
  /** Directory of example definitions deployed by `npm start`. */
  WAYMARK_EXAMPLES_DIR: z.string().default('examples'),
});

export type Config = z.infer<typeof configSchema> & {
  /** Resolved absolute data folder. */
  dataDir: string;
  /** TEMPORAL_ADDRESS or the dev server's address. */
  temporalAddress: string;
  publicUrl: string;
  temporalUiUrl: string;
  apiKeys: string[];
  /** WAYMARK_TASK_QUEUES as a map (empty when unset). */
  taskQueues: Record<string, string>;
  /** The codec keys (WAYMARK_CODEC_KEYS or its file); empty: the codec is off. */
  codecKeys: CodecKey[];
  /** Origins allowed to call the codec endpoint from a browser (the Temporal Web UI). */
  codecCorsOrigins: string[];
};

/** Thrown when the environment does not satisfy the schema; the message names each variable. */
export class ConfigError extends Error {}

/** Reads and validates the configuration from an environment (default: process.env). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? '127.0.0.1' : c.HOST;
  const temporalUiUrl = (c.TEMPORAL_UI_URL ?? `http://127.0.0.1:${c.TEMPORAL_UI_PORT}`).replace(
    /\/$/,
    '',
  );
  return {
    ...c,
    dataDir: path.resolve(c.WAYMARK_DATA_DIR),
    temporalAddress: c.TEMPORAL_ADDRESS ?? `127.0.0.1:${c.TEMPORAL_PORT}`,
    publicUrl: (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, ''),
    temporalUiUrl,
    apiKeys: (c.WAYMARK_API_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    taskQueues: parseTaskQueues(c.WAYMARK_TASK_QUEUES),
    codecKeys: loadCodecKeys(c.WAYMARK_CODEC_KEYS, c.WAYMARK_CODEC_KEYS_FILE),
    codecCorsOrigins: codecOrigins(c.WAYMARK_CODEC_CORS_ORIGINS, c.TEMPORAL_UI_PORT, temporalUiUrl),
  };
}

function codecKeysIssue(list: string, ctx: z.RefinementCtx): void {
  try {
    parseCodecKeys(list);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
}

/** The codec keys from the variable, else from the file; a bad file stops start-up. */
function loadCodecKeys(list: string | undefined, file: string | undefined): CodecKey[] {
  if (list?.trim()) {
    if (file)
      throw new ConfigError(
        'Invalid configuration:\n  WAYMARK_CODEC_KEYS_FILE: set WAYMARK_CODEC_KEYS or the file, not both',
      );
    return parseCodecKeys(list);
  }
  if (!file) return [];
  try {
    return parseCodecKeys(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(
      `Invalid configuration:\n  WAYMARK_CODEC_KEYS_FILE: ${file}: ${(err as Error).message}`,
    );
  }
}

/** The listed origins, else the Web UI's (as configured, and on localhost and 127.0.0.1). */
function codecOrigins(list: string | undefined, uiPort: number, uiUrl: string): string[] {
  const listed = (list ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (listed.length > 0) return listed;
  const defaults = [
    new URL(uiUrl).origin,
    `http://localhost:${uiPort}`,
    `http://127.0.0.1:${uiPort}`,
  ];
  return [...new Set(defaults)];
}

/** `type=queue,…` → `{type: queue}`. */
function parseTaskQueues(list: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (list ?? '').split(',')) {
    const [type, queue] = pair.split('=').map((s) => s.trim());
    if (type && queue) map[type] = queue;
  }
  return map;
}

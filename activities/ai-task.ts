/**
 * The `ai` activity of integration workflows: one OpenAI-compatible chat-completions call
 * (`POST {baseUrl}/chat/completions`). Base URL, default model and API key come from the
 * worker's configuration (`WAYMARK_AI_*`), never from a definition, so a definition cannot send
 * the key elsewhere. With a JSON schema the answer's content must be JSON satisfying it
 * (`response_format: json_schema` asks the model for that); an answer that is not fails the
 * attempt (retried per the node's retries, then the node fails → incident in a BPMN parent).
 * Outbound limits: a timeout and a response size limit.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Outbound } from './outbound';
import { z } from 'zod';

export interface AiConfig {
  /** e.g. `https://api.openai.com/v1`; unset = the `ai` node cannot run. */
  baseUrl?: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface AiTaskInput {
  flowElementInstanceId: string;
  nodeId: string;
  model?: string;
  messages: { role: 'system' | 'user'; content: string }[];
  /** JSON Schema of the expected answer. */
  schema?: Record<string, unknown>;
  temperature?: number;
  timeoutMs?: number;
}

export interface AiTaskResult {
  /** The parsed answer (JSON with a schema or when the content is JSON, else the text). */
  value: unknown;
  model?: string;
}

/** Builds the `ai` activity over the worker's AI configuration. */
export function createAiTask(config: AiConfig, outbound: Outbound) {
  return async function ai(input: AiTaskInput): Promise<AiTaskResult> {
    const at = `node '${input.nodeId}'`;
    if (!config.baseUrl)
      throw ApplicationFailure.nonRetryable(
        `${at}: no AI endpoint configured (set WAYMARK_AI_BASE_URL)`,
        'AiNotConfigured',
      );
    const timeoutMs = Math.min(input.timeoutMs ?? config.timeoutMs, config.timeoutMs);
    const body = {
      model: input.model ?? config.model,
      messages: input.messages,
      ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
      ...(input.schema
        ? {
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'output', schema: input.schema },
            },
          }
        : {}),
    };
    const res = await outbound.request(`${config.baseUrl.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await readText(res.body, config.maxResponseBytes, at);
    if (res.statusCode < 200 || res.statusCode >= 300)
      throw ApplicationFailure.retryable(
        `${at}: AI endpoint answered HTTP ${res.statusCode}: ${text.slice(0, 300)}`,
        'AiHttpStatus',
      );
    const content = messageContent(text, at);
    if (!input.schema) {
      try {
        return { value: JSON.parse(content) as unknown };
      } catch {
        return { value: content };
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(stripFences(content));
    } catch {
      throw ApplicationFailure.retryable(
        `${at}: the AI answer is not JSON: ${content.slice(0, 200)}`,
        'AiOutputInvalid',
      );
    }
    const check = z.fromJSONSchema(input.schema as never).safeParse(parsed);
    if (!check.success) {
      const issues = check.error.issues
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw ApplicationFailure.retryable(
        `${at}: the AI answer does not match the schema: ${issues}`,
        'AiOutputInvalid',
      );
    }
    return { value: parsed };
  };
}

/** Models often wrap JSON in a Markdown code fence. */
function stripFences(content: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content);
  return m ? m[1]! : content;
}

function messageContent(text: string, at: string): string {
  let json: { choices?: { message?: { content?: unknown } }[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw ApplicationFailure.retryable(
      `${at}: the AI endpoint did not answer JSON`,
      'AiBadResponse',
    );
  }
  const content = json.choices?.[0]?.message?.content;
  if (typeof content !== 'string')
    throw ApplicationFailure.retryable(
      `${at}: the AI answer has no choices[0].message.content`,
      'AiBadResponse',
    );
  return content;
}

async function readText(stream: AsyncIterable<Buffer>, max: number, at: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max)
      throw ApplicationFailure.nonRetryable(
        `${at}: AI response larger than ${max} bytes`,
        'AiResponseTooLarge',
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

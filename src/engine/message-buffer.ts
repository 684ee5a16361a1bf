/**
 * The buffer of messages no subscription waits for yet (BPMN 2.0 §10.5.2 leaves buffering to
 * the engine; Camunda 8 buffers a published message for its `timeToLive`). It is bounded: a
 * message carrying `timeToLive` (ms) expires then — 0 means it is never buffered — and at most
 * {@link MESSAGE_BUFFER_LIMITS} messages and bytes of variables are kept, the oldest dropped
 * first. Expired messages are dropped whenever the buffer is read or written, by event time.
 * Messages without `timeToLive` (sent before it existed) never expire.
 */
import { jsonBytes } from './payload-size';
import type { BufferedMessage, EngineState, EpochMs } from './types';

/** At most this many buffered messages, with this many bytes of variables in all. */
export const MESSAGE_BUFFER_LIMITS = { count: 100, bytes: 1024 * 1024 } as const;

/** Drops the messages whose time to live has passed. */
function dropExpired(state: EngineState, now: EpochMs): void {
  const messages = state.messages;
  if (messages.some((m) => m.expiresAt !== undefined && m.expiresAt <= now))
    state.messages = messages.filter((m) => m.expiresAt === undefined || m.expiresAt > now);
}

/**
 * Buffers `message` for `timeToLive` ms (none: no expiry; 0: not at all), then drops the oldest
 * messages while the buffer holds more than the limits allow.
 */
export function bufferMessage(
  state: EngineState,
  message: BufferedMessage,
  now: EpochMs,
  timeToLive?: number,
): void {
  dropExpired(state, now);
  if (timeToLive !== undefined && timeToLive <= 0) return;
  const kept: BufferedMessage = { ...message, bytes: jsonBytes(message.variables) };
  if (timeToLive !== undefined) kept.expiresAt = now + timeToLive;
  state.messages.push(kept);
  const messages = state.messages;
  let bytes = messages.reduce((n, m) => n + (m.bytes ?? jsonBytes(m.variables)), 0);
  while (
    messages.length > 1 &&
    (messages.length > MESSAGE_BUFFER_LIMITS.count || bytes > MESSAGE_BUFFER_LIMITS.bytes)
  ) {
    const dropped = messages.shift() as BufferedMessage;
    bytes -= dropped.bytes ?? jsonBytes(dropped.variables);
  }
}

/** Takes the first live buffered message `matches` accepts, or undefined. */
export function takeBuffered(
  state: EngineState,
  now: EpochMs,
  matches: (m: BufferedMessage) => boolean,
): BufferedMessage | undefined {
  dropExpired(state, now);
  const i = state.messages.findIndex(matches);
  return i >= 0 ? state.messages.splice(i, 1)[0] : undefined;
}

/**
 * Payload budgets: how many bytes a JSON value takes once Temporal's JSON converter has encoded
 * it (UTF-8), and the budget every payload Waymark hands Temporal must fit — start inputs,
 * activity inputs and results, child inputs, continue-as-new inputs. Temporal refuses a payload
 * over 2 MiB (the server's default blob size error limit) with an error that stalls or fails
 * the workflow task; Waymark checks first and answers 413 or parks an incident that names the
 * size. Pure: shared by the API, the worker and the workflow sandbox.
 */

/** Temporal's default per-payload limit (`limit.blobSize.error`): 2 MiB. */
export const TEMPORAL_PAYLOAD_LIMIT = 2 * 1024 * 1024;

/**
 * The default budget of one payload: 1.75 MiB, leaving 256 KiB of Temporal's limit for the
 * envelope (metadata, the other fields of a command, a codec's overhead).
 */
export const DEFAULT_PAYLOAD_LIMIT = 1.75 * 1024 * 1024;

/** UTF-8 length of a string; fast when every character is one byte or the bound suffices. */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Bytes `value` takes as JSON (0 for undefined). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Length(json);
}

/**
 * The size of `value` when it exceeds `limit` bytes as JSON, else undefined. A string of n
 * UTF-16 units takes at most 3n bytes, so small values skip the exact count.
 */
export function overBudget(value: unknown, limit: number): number | undefined {
  const json = JSON.stringify(value);
  if (json === undefined || json.length * 3 <= limit) return undefined;
  const bytes = utf8Length(json);
  return bytes > limit ? bytes : undefined;
}

/** "1.9 MB (1991234 bytes)": a size as the messages state it. */
export function describeBytes(bytes: number): string {
  return `${bytes} bytes (${(bytes / (1024 * 1024)).toFixed(2)} MiB)`;
}

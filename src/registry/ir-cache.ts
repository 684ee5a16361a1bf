/**
 * Parsed, frozen IRs of definition versions, least recently used first, bounded by the length
 * of their JSON text. A version's content never changes once stored, so entries need no
 * invalidation; keys carry the content hash all the same. Entries are frozen because every
 * start of a version shares the one object.
 */

/** How many characters of IR JSON one cache holds at most. */
export const IR_CACHE_CHARS = 32 * 1024 * 1024;

/** Freezes a parsed JSON value and everything in it; returns it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class IrCache {
  private readonly entries = new Map<string, { ir: unknown; chars: number }>();
  private chars = 0;

  constructor(readonly maxChars = IR_CACHE_CHARS) {}

  /** The IR stored under `key`, if any (it becomes the most recently used). */
  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.ir;
  }

  /** Parses, freezes and keeps `json` (unless it alone exceeds the budget); returns the IR. */
  add(key: string, json: string): unknown {
    const ir = deepFreeze(JSON.parse(json) as unknown);
    if (json.length > this.maxChars) return ir;
    const previous = this.entries.get(key); // two concurrent misses for one version
    if (previous) this.chars -= previous.chars;
    this.entries.delete(key);
    this.entries.set(key, { ir, chars: json.length });
    this.chars += json.length;
    for (const [k, e] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= e.chars;
    }
    return ir;
  }

  get size(): number {
    return this.entries.size;
  }
}

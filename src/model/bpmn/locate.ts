/**
 * Finds where an element is declared in the XML (`id="…"`), so problems about an element
 * carry a 1-based line and column even though moddle does not keep positions. The XML is
 * scanned once per compile (`createLocator`): every `id` attribute and every line start are
 * indexed, so placing a thousand problems costs one pass, not a thousand.
 */

/** 1-based line and column of the start tag declaring an id. */
export type Position = { line: number; column: number };

/** A lookup of declared ids in one XML text, built in one pass. */
export function createLocator(xml: string): (id: string) => Position | undefined {
  const offsets = new Map<string, number>();
  const ids = /\sid=(["'])([^"']*)\1/g;
  for (let m = ids.exec(xml); m !== null; m = ids.exec(xml)) {
    if (offsets.has(m[2])) continue; // the first declaration wins, as moddle keeps it
    const tagStart = xml.lastIndexOf('<', m.index);
    offsets.set(m[2], tagStart >= 0 ? tagStart : m.index);
  }
  let lineStarts: number[] | undefined;
  return (id) => {
    const offset = offsets.get(id);
    if (offset === undefined) return undefined;
    lineStarts ??= indexLines(xml);
    return position(lineStarts, offset);
  };
}

/** Offsets at which each line starts (line 1 at 0). */
function indexLines(xml: string): number[] {
  const starts = [0];
  for (let i = xml.indexOf('\n'); i !== -1; i = xml.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line holding `offset` by binary search, and the column in it. */
function position(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

/** Position of the start tag declaring `id`, or undefined when not found (one-off lookups). */
export function locateId(xml: string, id: string): Position | undefined {
  return createLocator(xml)(id);
}

/**
 * Finds where an element is declared in the XML (`id="…"`), so problems about an element
 * carry a 1-based line and column even though moddle does not keep positions.
 */

/** Position of the start tag declaring `id`, or undefined when not found. */
export function locateId(xml: string, id: string): { line: number; column: number } | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\sid=["']${escaped}["']`).exec(xml);
  if (!match) return undefined;
  const tagStart = xml.lastIndexOf('<', match.index);
  const offset = tagStart >= 0 ? tagStart : match.index;
  const before = xml.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

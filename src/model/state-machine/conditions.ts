/** Conditions as written (one FEEL string or a list) → a list of FEEL sources without `=`. */
export function conditionList(conditions: string | string[] | undefined): string[] {
  const list =
    conditions === undefined ? [] : Array.isArray(conditions) ? conditions : [conditions];
  return list.map((c) => (c.trim().startsWith('=') ? c.trim().slice(1).trim() : c.trim()));
}

/**
 * Why some BPMN elements are refused, for the `unsupported-element` rule's messages: the
 * refusal names the element and says what to model instead (README, element support table).
 */

/** Moddle type or event definition type → the explanation appended to the refusal. */
export const UNSUPPORTED_REASONS: Readonly<Record<string, string>> = {
  'bpmn:AdHocSubProcess':
    'ad-hoc subprocesses (Camunda 8.7 zeebe:adHoc) are not supported yet; use an embedded subprocess with an inclusive gateway',
};

/** `; <reason>` for a refused type, or ''. */
export function reasonFor(type: string): string {
  const reason = UNSUPPORTED_REASONS[type];
  return reason ? `: ${reason}` : '';
}

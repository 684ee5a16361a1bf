/**
 * Errors the engine throws (as opposed to incidents, which are data): a definition the
 * engine cannot interpret, such as an unknown element type. They name the element id.
 */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly elementId?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

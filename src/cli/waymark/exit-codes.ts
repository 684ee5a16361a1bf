/**
 * The exit codes `waymark` promises scripts. They are part of its interface: README lists
 * them, and a change here is a breaking change.
 */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** The API refused a request (4xx/5xx), or a model had problems. */
  refused: 1,
  /** Wrong usage: unknown command or option, a malformed `--var`. */
  usage: 2,
  /** The API could not be reached. */
  unreachable: 3,
  /** `watch` / `start --wait`: the instance ended, but not COMPLETED (failed, canceled, terminated). */
  notCompleted: 4,
  /** `watch --timeout`: the instance was still running when the time ran out. */
  timedOut: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI explains in one line and exits with. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
    /** What `--json` prints instead of the message, when there is more to say. */
    readonly data?: unknown,
  ) {
    super(message);
  }
}

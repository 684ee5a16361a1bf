/**
 * The `waymark` CLI entry point (bin/waymark.cjs runs it): parses the command line, runs the
 * command and maps what went wrong to the exit codes in `exit-codes.ts`, saying it on stderr
 * in one line (and, with `--json`, as a JSON error document on stdout).
 */
import { CommanderError } from 'commander';
import { ApiError, ApiUnreachable } from './client';
import { processStreams } from './context';
import type { Streams } from './context';
import { CliFailure, EXIT } from './exit-codes';
import type { ExitCode } from './exit-codes';
import { buildProgram } from './program';

interface Failure {
  code: ExitCode;
  message: string;
  /** The JSON error document; null when the command already printed its result. */
  data: unknown;
}

function failureOf(err: unknown): Failure {
  if (err instanceof CliFailure)
    return {
      code: err.code,
      message: err.message,
      data: err.data === undefined ? { error: err.message } : err.data,
    };
  if (err instanceof ApiError)
    return {
      code: EXIT.refused,
      message: err.message,
      data: { error: { status: err.status, ...err.problem } },
    };
  if (err instanceof ApiUnreachable)
    return { code: EXIT.unreachable, message: err.message, data: { error: err.message } };
  return {
    code: EXIT.refused,
    message: err instanceof Error ? err.message : String(err),
    data: null,
  };
}

/** Runs the CLI with `argv` (user arguments only); resolves with the exit code. */
export async function runCli(
  argv: string[],
  streams: Streams = processStreams,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ExitCode> {
  const program = buildProgram(streams, env);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const failure = failureOf(err);
    streams.stderr(`waymark: ${failure.message}\n`);
    const json = program.opts<{ json?: boolean }>().json === true;
    if (json && failure.data !== null) streams.stdout(`${JSON.stringify(failure.data, null, 2)}\n`);
    return failure.code;
  }
}

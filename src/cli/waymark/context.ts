/**
 * What every command gets: the API client and the output mode. In `--json` mode a command
 * prints exactly one JSON document on stdout (the API's answer, or a summary object), so a
 * script can pipe it to `jq`; otherwise it prints lines meant for a person.
 */
import { ApiClient } from './client';

export interface GlobalOptions {
  api: string;
  apiKey?: string;
  json?: boolean;
}

export interface Output {
  /** One line for a person (ignored in `--json` mode). */
  line(text: string): void;
  /** The command's result: printed as JSON in `--json` mode, else rendered by `human`. */
  result(data: unknown, human: () => string | string[]): void;
}

export interface CliContext {
  client: ApiClient;
  json: boolean;
  out: Output;
}

/** Where output goes (the process streams; tests may collect it instead). */
export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processStreams: Streams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function createContext(options: GlobalOptions, streams: Streams): CliContext {
  const json = options.json === true;
  const client = new ApiClient({ apiUrl: options.api, apiKey: options.apiKey });
  const out: Output = {
    line(text) {
      if (!json) streams.stdout(`${text}\n`);
    },
    result(data, human) {
      if (json) {
        streams.stdout(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const text = human();
      const lines = Array.isArray(text) ? text : [text];
      if (lines.length > 0) streams.stdout(`${lines.join('\n')}\n`);
    },
  };
  return { client, json, out };
}

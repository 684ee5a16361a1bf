/**
 * The `waymark` command tree (commander): global options, then one line per command wiring
 * its arguments to the function in `commands/`. Every command takes `--json`.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createContext } from './context';
import type { CliContext, GlobalOptions, Streams } from './context';
import { deploy } from './commands/deploy';
import { inspect } from './commands/inspect';
import { listDefinitions, listInstances } from './commands/list';
import {
  broadcastSignal,
  cancel,
  publishMessage,
  retryIncidents,
  sendMessage,
  setVariables,
} from './commands/operate';
import { start } from './commands/start';
import { integrationTemplateCommand } from './commands/templates';
import { watch } from './commands/watch';
import { collect } from './vars';

const DEFAULT_API = 'http://127.0.0.1:3000';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

/** `--var` / `--vars` on a command that sends variables. */
function withVars(cmd: Command): Command {
  return cmd
    .option('--var <name=value>', 'a variable (JSON value or string); repeatable', collect, [])
    .option('--vars <json|@file>', 'variables as one JSON object, or @file.json');
}

function withWatch(cmd: Command): Command {
  return cmd
    .option('--interval <ms>', 'poll interval', positiveInt)
    .option('--timeout <seconds>', 'stop waiting after this long (exit 5)', positiveNumber);
}

/** Builds the program; `run(ctx)` actions receive the context built from the global options. */
export function buildProgram(streams: Streams, env: NodeJS.ProcessEnv): Command {
  const program = new Command('waymark')
    .description('Deploy, start, inspect and operate Waymark processes through its HTTP API')
    .addOption(
      new Option('--api <url>', 'API base URL')
        .env('WAYMARK_API_URL')
        .default(env.WAYMARK_API_URL ?? DEFAULT_API),
    )
    .addOption(new Option('--api-key <key>', 'API key (Bearer)').env('WAYMARK_API_KEY'))
    .option('--json', 'print one JSON document (the API answer) instead of text')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
  const ctx = (): CliContext => createContext(program.opts<GlobalOptions>(), streams);

  program
    .command('deploy')
    .description('deploy model files (.bpmn, .dmn, .json); a folder deploys every model in it')
    .argument('<paths...>', 'files or folders')
    .option('--dry-run', "validate locally with this checkout's compiler; send nothing")
    .option('--draft', 'store new versions as drafts instead of deploying them')
    .action((paths: string[], o) => deploy(ctx(), paths, o));

  withWatch(
    withVars(program.command('start').description('start an instance of a definition'))
      .argument('<key>', 'definition key or id')
      .option('--business-key <key>', 'business key (unique among running instances)')
      .option('--version <n>', 'a deployed version instead of the latest', positiveInt)
      .option('--idempotency-key <key>', 'a retry with the same key returns the same instance')
      .option('--wait', 'follow the instance until it closes (exit codes as watch)'),
  ).action((key: string, o) => start(ctx(), key, o));

  const list = program.command('list').description('list definitions or instances');
  list
    .command('definitions')
    .description('every definition')
    .action(() => listDefinitions(ctx()));
  list
    .command('instances')
    .description('instances, newest first')
    .option('--definition <key>', 'of one definition (key or id)')
    .option('--status <status>', 'RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT')
    .option('--business-key <key>', 'with this business key')
    .option('--limit <n>', 'page size', positiveInt)
    .option('--next-page-token <token>', 'the next page of an earlier listing')
    .action((o) => listInstances(ctx(), o));

  program
    .command('inspect')
    .description('status, active elements, incidents, trail, variables')
    .argument('<instance>')
    .action((id: string) => inspect(ctx(), id));
  withWatch(
    program
      .command('watch')
      .description('follow an instance until it closes')
      .argument('<instance>'),
  ).action((id: string, o) => watch(ctx(), id, o));
  program
    .command('cancel')
    .description('cancel a running instance')
    .argument('<instance>')
    .action((id: string) => cancel(ctx(), id));

  const incidents = program.command('incidents').description('resolve incidents');
  incidents
    .command('retry')
    .description('retry one incident, or every open incident of the instance')
    .argument('<instance>')
    .argument('[incident]')
    .action((id: string, incident: string | undefined) => retryIncidents(ctx(), id, incident));

  program
    .command('variables')
    .description('change variables of a running BPMN instance')
    .command('set')
    .description('create or overwrite root-scope variables (values as in start --var)')
    .argument('<instance>')
    .argument('<name=value...>', 'JSON value or string; a dotted name builds an object')
    .action((id: string, pairs: string[]) => setVariables(ctx(), id, pairs));

  const messages = program.command('messages').description('send or publish messages');
  withVars(messages.command('send').description('deliver a message to one instance'))
    .argument('<instance>')
    .argument('<name>')
    .option('--message-id <id>', 'deduplication id')
    .option('--correlation-key <key>', 'correlation key the subscription must match')
    .action((id: string, name: string, o) => sendMessage(ctx(), id, name, o));
  withVars(messages.command('publish').description('publish a message by name and correlation key'))
    .argument('<name>')
    .option('--correlation-key <key>', 'correlation key')
    .option('--ttl <duration>', 'time to live: ISO-8601 duration or milliseconds')
    .option('--message-id <id>', 'deduplication id')
    .action((name: string, o) => publishMessage(ctx(), name, o));

  const signals = program.command('signals').description('broadcast signals');
  withVars(signals.command('broadcast').description('broadcast a signal to every subscription'))
    .argument('<name>')
    .action((name: string, o) => broadcastSignal(ctx(), name, o));
  const templates = program.command('templates').description('Camunda Modeler element templates');
  templates
    .command('integration')
    .description(
      'print an element template for a deployed integration workflow (its inputs as mappings)',
    )
    .argument('<key>', 'integration key')
    .action((key: string) => integrationTemplateCommand(ctx(), key));
  return program;
}

/**
 * `waymark deploy <file|dir>...`: sends each model to `POST /definitions?deploy=true` (or
 * stores a draft with `--draft`) and reports, per file, the definition and version it became
 * or every problem with its element id. `--dry-run` validates locally and sends nothing.
 * Every file is tried; the exit code is 1 when any was refused.
 */
import { ApiError } from '../client';
import type { Problem } from '../client';
import type { CliContext } from '../context';
import { CliFailure, EXIT } from '../exit-codes';
import { modelFiles } from './deploy-files';
import type { ModelFile } from './deploy-files';
import { validateLocally } from './local-validate';

export interface DeployOptions {
  dryRun?: boolean;
  draft?: boolean;
}

interface FileOutcome {
  file: string;
  ok: boolean;
  status?: number;
  key?: string;
  kind?: string;
  version?: number;
  versionStatus?: string;
  created?: boolean;
  /** Every definition the file became, when it holds several (processes, decisions). */
  definitions?: { key: string; version: number; created: boolean }[];
  detail?: string;
  problems: NonNullable<Problem['errors']>;
}

interface Deployed {
  key: string;
  kind: string;
  version: number;
  status: string;
  created: boolean;
  /** A BPMN file with several processes (or a DMN file with several decisions): one each. */
  definitions?: Deployed[];
  decisions?: Deployed[];
}

async function deployOne(ctx: CliContext, file: ModelFile, draft: boolean): Promise<FileOutcome> {
  try {
    const query = draft ? '' : '?deploy=true';
    const body = await ctx.client.request<Deployed>('POST', `/definitions${query}`, {
      body: file.content,
      contentType: file.contentType,
    });
    const { key, kind, version, status: versionStatus, created } = body;
    const all = body.definitions ?? body.decisions ?? [];
    const definitions =
      all.length > 1
        ? all.map((d) => ({ key: d.key, version: d.version, created: d.created }))
        : undefined;
    return {
      file: file.path,
      ok: true,
      key,
      kind,
      version,
      versionStatus,
      created,
      ...(definitions ? { definitions } : {}),
      problems: [],
    };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const { problem } = err;
    const detail = problem.detail ?? problem.title;
    return {
      file: file.path,
      ok: false,
      status: err.status,
      detail,
      problems: problem.errors ?? [],
    };
  }
}

async function checkOne(file: ModelFile): Promise<FileOutcome> {
  const v = await validateLocally(file);
  return { file: file.path, ok: v.ok, key: v.key, kind: v.kind, problems: v.problems };
}

function where(p: FileOutcome['problems'][number]): string {
  return p.elementId ?? p.path ?? '(model)';
}

function render(o: FileOutcome, dryRun: boolean): string[] {
  if (!o.ok) {
    const head = `✗ ${o.file}: ${o.detail ?? 'invalid'}${o.status ? ` (${o.status})` : ''}`;
    return [
      head,
      ...o.problems.map((p) => `    ${where(p)}: ${p.message}${p.rule ? ` [${p.rule}]` : ''}`),
    ];
  }
  if (dryRun) return [`✓ ${o.file}: valid ${o.kind} '${o.key}'`];
  const change = (created?: boolean) => (created ? 'new version' : 'unchanged');
  if (o.definitions)
    return [
      `✓ ${o.file}: ${o.definitions.length} definitions ${o.versionStatus}`,
      ...o.definitions.map((d) => `    ${d.key} v${d.version} (${change(d.created)})`),
    ];
  return [`✓ ${o.file}: ${o.key} v${o.version} ${o.versionStatus} (${change(o.created)})`];
}

/** Runs the command; throws a {@link CliFailure} (exit 1) when any file was refused. */
export async function deploy(ctx: CliContext, targets: string[], options: DeployOptions) {
  const dryRun = options.dryRun === true;
  const files = modelFiles(targets);
  const outcomes: FileOutcome[] = [];
  for (const file of files)
    outcomes.push(
      dryRun ? await checkOne(file) : await deployOne(ctx, file, options.draft === true),
    );
  const ok = outcomes.every((o) => o.ok);
  ctx.out.result({ ok, dryRun, files: outcomes }, () => outcomes.flatMap((o) => render(o, dryRun)));
  if (!ok) {
    const n = outcomes.filter((o) => !o.ok).length;
    throw new CliFailure(`${n} of ${outcomes.length} files refused`, EXIT.refused, null);
  }
}

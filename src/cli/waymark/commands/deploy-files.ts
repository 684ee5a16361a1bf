/**
 * Which files `waymark deploy` sends, and how: every path given, a folder standing for the
 * model files directly in it (`*.bpmn`, `*.dmn`, `*.json`, in name order, not recursive).
 * BPMN and DMN go as XML, everything else as JSON, exactly as `POST /definitions` takes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CliFailure, EXIT } from '../exit-codes';

export const MODEL_EXTENSIONS = ['.bpmn', '.dmn', '.json'] as const;

export interface ModelFile {
  path: string;
  contentType: 'application/xml' | 'application/json';
  content: string;
}

function isModel(file: string): boolean {
  return (MODEL_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function filesOf(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new CliFailure(`${target}: no such file or folder`, EXIT.usage);
  }
  if (!stat.isDirectory()) return [target];
  const files = fs
    .readdirSync(target)
    .filter(isModel)
    .sort()
    .map((f) => path.join(target, f))
    .filter((f) => fs.statSync(f).isFile());
  if (files.length === 0)
    throw new CliFailure(`${target}: no ${MODEL_EXTENSIONS.join(', ')} files in it`, EXIT.usage);
  return files;
}

/** The model files behind the given paths, read. */
export function modelFiles(targets: string[]): ModelFile[] {
  return targets.flatMap(filesOf).map((file) => ({
    path: file,
    contentType:
      path.extname(file).toLowerCase() === '.json' ? 'application/json' : 'application/xml',
    content: fs.readFileSync(file, 'utf8'),
  }));
}

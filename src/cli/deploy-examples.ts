/**
 * Deploys every definition file in a folder through the HTTP API (`POST /definitions?deploy=true`),
 * the same way a user would. An unchanged file deploys as the existing version.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DeployedExample {
  file: string;
  status: number;
  key?: string;
  version?: number;
  problem?: string;
}

/** Deploys `*.bpmn` (XML) and `*.json` files in `dir`, in name order. */
export async function deployExamples(
  apiUrl: string,
  dir: string,
  headers: Record<string, string> = {},
): Promise<DeployedExample[]> {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(bpmn|json)$/.test(f))
    .sort();
  const results: DeployedExample[] = [];
  for (const file of files) {
    const body = fs.readFileSync(path.join(dir, file), 'utf8');
    const res = await fetch(`${apiUrl}/definitions?deploy=true`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': file.endsWith('.json') ? 'application/json' : 'application/xml',
      },
      body,
    });
    const json = (await res.json().catch(() => ({}))) as {
      key?: string;
      version?: number;
      detail?: string;
      title?: string;
    };
    results.push({
      file,
      status: res.status,
      key: json.key,
      version: json.version,
      problem: res.ok ? undefined : (json.detail ?? json.title),
    });
  }
  return results;
}

/**
 * DMN documents in the definitions API: `POST /definitions` with DMN XML (told from BPMN by
 * its DMN namespace) compiles the document and stores one definition of kind `dmn` per
 * decision and decision service (key = its id), all in one transaction: every decision gets
 * its new version, or — on any problem — none does. Each version's source is the whole
 * document; its IR holds the decision and everything it requires. The answer describes the
 * first decision in document order at the top level, as for other kinds, and every one in
 * `decisions`.
 */
import type { Response } from 'express';
import { compileDmn, looksLikeDmn } from '../model/dmn';
import type { CreateVersionResult } from '../registry';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';

export { looksLikeDmn };

function describe(out: CreateVersionResult) {
  return {
    id: out.definition.id,
    key: out.definition.key,
    kind: out.definition.kind,
    name: out.definition.name,
    version: out.version.version,
    status: out.version.status,
    enabled: out.definition.enabled,
    contentHash: out.version.contentHash,
    created: out.created,
  };
}

/** Compiles and stores a DMN document, then answers 201 (200 when nothing changed). */
export async function deployDmn(
  deps: ApiDeps,
  xml: string,
  deploy: boolean,
  res: Response,
): Promise<void> {
  const result = await compileDmn(xml);
  if (!result.ok) {
    const n = result.problems.length;
    throw new HttpProblem(422, `the DMN document has ${n} problem${n === 1 ? '' : 's'}`, {
      type: 'invalid-model',
      errors: result.problems.map((p) => ({
        ...(p.elementId !== undefined ? { elementId: p.elementId } : {}),
        rule: p.rule,
        message: p.message,
      })),
    });
  }
  const outs = await deps.registry.definitions.createVersions(
    result.decisions.map((ir) => ({
      key: ir.decisionId,
      kind: 'dmn' as const,
      name: ir.name ?? null,
      source: xml,
      sourceType: 'xml' as const,
      compiled: ir,
      deploy,
    })),
  );
  const decisions = outs.map(describe);
  const anyCreated = outs.some((o) => o.created);
  res
    .status(anyCreated ? 201 : 200)
    .location(`${deps.config.publicUrl}/definitions/${outs[0].definition.id}`)
    .json({ ...decisions[0], created: anyCreated, decisions, warnings: [] });
}

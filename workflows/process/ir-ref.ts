/**
 * The IR travels once: a run started under driver revision 3 or later hands its successor a
 * reference to the compiled IR — the definition id and version it is pinned to, and a hash of
 * the IR's JSON — instead of the IR itself, so the continue-as-new input holds the state alone
 * (a large model no longer counts against every run's payload budget). The next run loads the
 * version through `waymark.resolveDefinition` (the registry's IR cache serves it) and checks the
 * hash: a version's content never changes, so a mismatch means the registry lost it, and the run
 * fails rather than run another model. Runs of older revisions keep the IR in their input.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { ProcessIR } from '../../src/model/bpmn/ir';
import type { ProcessContinuation, ProcessWorkflowInput } from '../messages';
import { resolvePinnedProcess } from '../resolve-definition';

/** From this driver revision on, continue-as-new passes the IR by reference. */
export const IR_BY_REFERENCE_REVISION = 3;

/** FNV-1a (32 bit) of the IR's JSON, as hex: a cheap, deterministic content check. */
export function irHash(ir: ProcessIR): string {
  const json = JSON.stringify(ir);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `fnv1a32:${h.toString(16).padStart(8, '0')}:${json.length}`;
}

/** The next run's input: by reference from revision 3 on, else (older runs) with the IR. */
export function continuation(
  next: ProcessWorkflowInput,
): ProcessWorkflowInput | ProcessContinuation {
  if ((next.revision ?? 1) < IR_BY_REFERENCE_REVISION) return next;
  const { ir, ...rest } = next;
  return {
    ...rest,
    irRef: { definitionId: next.definition.id, version: next.definition.version, hash: irHash(ir) },
  };
}

/** The input with its IR: as given, or loaded by reference and checked against its hash. */
export async function withIr(
  input: ProcessWorkflowInput | ProcessContinuation,
): Promise<ProcessWorkflowInput> {
  if (!('irRef' in input) || input.irRef === undefined) return input as ProcessWorkflowInput;
  const { irRef, ...rest } = input;
  const { ir } = await resolvePinnedProcess(irRef.definitionId, irRef.version);
  const hash = irHash(ir);
  if (hash !== irRef.hash) {
    throw ApplicationFailure.nonRetryable(
      `definition ${irRef.definitionId} v${irRef.version} no longer has the IR this instance runs (hash ${hash}, expected ${irRef.hash})`,
      'DefinitionChanged',
    );
  }
  return { ...rest, ir };
}

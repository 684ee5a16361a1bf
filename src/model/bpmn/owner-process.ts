/**
 * Which executable process an element belongs to, so that a problem in a file with several
 * processes names the process as well as the element: flow nodes, sequence flows, boundary
 * events and the process itself. Elements outside every executable process (collaborations,
 * messages, non-executable pools) belong to none.
 */
import type { ProcessModel } from './model';
import type { Problem } from './types';

/** Element id → id of the executable process that holds it. */
export function ownerIndex(processes: ProcessModel[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const model of processes) {
    const processId = model.process.id;
    if (!processId) continue;
    owners.set(processId, processId);
    for (const { element } of [...model.nodes, ...model.flows]) {
      if (element.id) owners.set(element.id, processId);
    }
  }
  return owners;
}

/** `problem` with the `processId` of its element, when the element belongs to one. */
export function withProcess(owners: Map<string, string>, problem: Problem): Problem {
  if (problem.processId !== undefined || problem.elementId === undefined) return problem;
  const processId = owners.get(problem.elementId);
  return processId === undefined ? problem : { ...problem, processId };
}

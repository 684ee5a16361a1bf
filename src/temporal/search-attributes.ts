/**
 * Waymark's custom search attributes: their Temporal types (registered when the dev server
 * starts), typed keys for workflows and visibility queries, and the attributes a BPMN process
 * starts with. The dev server's SQLite
 * visibility allows 10 Keyword, 3 KeywordList, 3 Int and 3 Bool custom attributes.
 */
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
} from '@temporalio/common';

export const WaymarkKind = defineSearchAttributeKey('WaymarkKind', SearchAttributeType.KEYWORD);
export const WaymarkDefinitionId = defineSearchAttributeKey(
  'WaymarkDefinitionId',
  SearchAttributeType.KEYWORD,
);
export const WaymarkVersion = defineSearchAttributeKey('WaymarkVersion', SearchAttributeType.INT);
export const WaymarkBusinessKey = defineSearchAttributeKey(
  'WaymarkBusinessKey',
  SearchAttributeType.KEYWORD,
);
export const WaymarkCaseId = defineSearchAttributeKey('WaymarkCaseId', SearchAttributeType.KEYWORD);
export const WaymarkActiveElements = defineSearchAttributeKey(
  'WaymarkActiveElements',
  SearchAttributeType.KEYWORD_LIST,
);
export const WaymarkState = defineSearchAttributeKey('WaymarkState', SearchAttributeType.KEYWORD);
export const WaymarkIncident = defineSearchAttributeKey(
  'WaymarkIncident',
  SearchAttributeType.BOOL,
);
/**
 * The earliest due date of the instance's open user tasks (absent: none has one), so overdue
 * tasks are found by a visibility query (`WaymarkUserTaskDue < now`) instead of asking every
 * instance. Published by processes started under driver revision 3 or later.
 */
export const WaymarkUserTaskDue = defineSearchAttributeKey(
  'WaymarkUserTaskDue',
  SearchAttributeType.DATETIME,
);

/**
 * The signal names the instance has an open subscription for (signal catch, boundary, event
 * subprocess start, event-based gateway target), so a broadcast finds the instances waiting
 * for a signal by a visibility query (`WaymarkSignals = 'name'`). Published by processes
 * started under driver revision 4 or later.
 */
export const WaymarkSignals = defineSearchAttributeKey(
  'WaymarkSignals',
  SearchAttributeType.KEYWORD_LIST,
);

/**
 * The attributes the BPMN driver keeps current (workflows/process/publishing.ts), as every
 * process start sets them: waiting nowhere, no incident. The driver takes them as already
 * published, so an instance that never waits at a listed element nor has an incident upserts
 * nothing — its history has no event a hand-written workflow would not have. Every start of a
 * BPMN workflow (API, call activities, state-machine actions, the benchmark) passes them.
 */
export function processStartSearchAttributes(): SearchAttributePair[] {
  return [
    { key: WaymarkActiveElements, value: [] },
    { key: WaymarkIncident, value: false },
  ];
}

/**
 * What every Waymark start tags an instance with — kind, definition id and version, and for a
 * BPMN process the attributes its driver keeps current — whoever starts it: the API, a call
 * activity, a state-machine action, the benchmark.
 */
export function startSearchAttributes(
  kind: string,
  definition: { id: string; version: number },
): SearchAttributePair[] {
  return [
    { key: WaymarkKind, value: kind },
    { key: WaymarkDefinitionId, value: definition.id },
    { key: WaymarkVersion, value: definition.version },
    ...(kind === 'bpmn' ? processStartSearchAttributes() : []),
  ];
}

/** Name → dev-server type, for `temporal server start-dev --search-attribute Name=Type`. */
export const searchAttributeTypes: Record<string, string> = {
  WaymarkKind: 'Keyword',
  WaymarkDefinitionId: 'Keyword',
  WaymarkVersion: 'Int',
  WaymarkBusinessKey: 'Keyword',
  WaymarkCaseId: 'Keyword',
  WaymarkActiveElements: 'KeywordList',
  WaymarkState: 'Keyword',
  WaymarkIncident: 'Bool',
  WaymarkUserTaskDue: 'Datetime',
  WaymarkSignals: 'KeywordList',
};

/**
 * Waymark's custom search attributes: their Temporal types (registered when the dev server
 * starts) and typed keys for workflows and visibility queries. The dev server's SQLite
 * visibility allows 10 Keyword, 3 KeywordList, 3 Int and 3 Bool custom attributes.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

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
};

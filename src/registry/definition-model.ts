/**
 * What the registry says a definition and a version are — a definition is a stable id + key
 * + kind, each upload of its source a numbered version, first `draft`, then `deployed`, its
 * compiled IR stored next to the source — and how their rows become those values.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DefinitionsTable, DefinitionVersionsTable } from './db';

export type DefinitionKind = 'bpmn' | 'state-machine' | 'integration' | 'form' | 'dmn';
export type VersionStatus = 'draft' | 'deployed';
export type SourceType = 'xml' | 'json';

export interface Definition {
  id: string;
  key: string;
  kind: DefinitionKind;
  name: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A definition with the numbers a listing needs. */
export interface DefinitionSummary extends Definition {
  latestVersion: number;
  deployedVersion: number | null;
}

export interface DefinitionVersion {
  definitionId: string;
  version: number;
  status: VersionStatus;
  source: string;
  sourceType: SourceType;
  /** The compiled IR (parsed JSON). */
  compiled: unknown;
  contentHash: string;
  createdAt: string;
  deployedAt: string | null;
}

/** A version without its (possibly large) source and IR. */
export type VersionInfo = Omit<DefinitionVersion, 'source' | 'compiled'>;

/** A version with its IR but not its source: what a start needs. The IR is frozen (shared). */
export type CompiledVersion = Omit<DefinitionVersion, 'source'>;

export interface CreateVersionInput {
  key: string;
  kind: DefinitionKind;
  name?: string | null;
  source: string;
  sourceType: SourceType;
  compiled: unknown;
  /** Deploy the new version at once. */
  deploy?: boolean;
  /** Enable or disable the definition when a new version is created (unset: leave it). */
  enabled?: boolean;
}

export interface CreateVersionResult {
  definition: Definition;
  version: VersionInfo;
  /** false when the source equals the latest version's: that version is returned instead. */
  created: boolean;
}

/** sha256 of the source text, hex. */
export function contentHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

export function toDefinition(row: Selectable<DefinitionsTable>): Definition {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as DefinitionKind,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersionInfo(
  row: Omit<Selectable<DefinitionVersionsTable>, 'source' | 'compiled'>,
): VersionInfo {
  return {
    definitionId: row.definition_id,
    version: Number(row.version),
    status: row.status as VersionStatus,
    sourceType: row.source_type as SourceType,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    deployedAt: row.deployed_at,
  };
}

export function toVersion(row: Selectable<DefinitionVersionsTable>): DefinitionVersion {
  return {
    ...toVersionInfo(row),
    source: row.source,
    compiled: JSON.parse(row.compiled) as unknown,
  };
}

export const infoColumns = [
  'definition_id',
  'version',
  'status',
  'source_type',
  'content_hash',
  'created_at',
  'deployed_at',
] as const;

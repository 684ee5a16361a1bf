/**
 * Environments: named scopes for webhook-start tokens. A token is shown once, at creation;
 * only its sha256 is stored. Verification hashes the presented token, finds the row by hash
 * and compares hash-to-hash in constant time. An environment may be limited to a list of
 * definition ids (absent = every definition). Deleting an environment revokes its token.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from './db';

export interface EnvironmentsTable {
  id: string;
  name: string;
  token_hash: string;
  definitions: string | null;
  created_at: string;
}

export interface Environment {
  id: string;
  name: string;
  /** Allowed definition ids; undefined = all. */
  definitions?: string[];
  createdAt: string;
}

export interface EnvironmentStore {
  /** Creates an environment; the token is returned here and never again. */
  create(input: { name: string; definitions?: string[] }): Promise<{
    environment: Environment;
    token: string;
  }>;
  list(): Promise<Environment[]>;
  /** false when there was no such environment. */
  delete(id: string): Promise<boolean>;
  /** The environment a token belongs to, if any. */
  verifyToken(token: string): Promise<Environment | undefined>;
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function toEnvironment(row: EnvironmentsTable): Environment {
  return {
    id: row.id,
    name: row.name,
    ...(row.definitions !== null ? { definitions: JSON.parse(row.definitions) as string[] } : {}),
    createdAt: row.created_at,
  };
}

export function createEnvironmentStore(base: Kysely<RegistryDatabase>): EnvironmentStore {
  const db = base.withTables<{ environments: EnvironmentsTable }>();
  return {
    async create(input) {
      const token = `wme_${randomBytes(32).toString('base64url')}`;
      const row: EnvironmentsTable = {
        id: randomUUID(),
        name: input.name,
        token_hash: sha256hex(token),
        definitions: input.definitions ? JSON.stringify(input.definitions) : null,
        created_at: new Date().toISOString(),
      };
      await db.insertInto('environments').values(row).execute();
      return { environment: toEnvironment(row), token };
    },
    async list() {
      const rows = await db.selectFrom('environments').selectAll().orderBy('created_at').execute();
      return rows.map(toEnvironment);
    },
    async delete(id) {
      const r = await db.deleteFrom('environments').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async verifyToken(token) {
      const presented = sha256hex(token);
      const row = await db
        .selectFrom('environments')
        .selectAll()
        .where('token_hash', '=', presented)
        .executeTakeFirst();
      if (!row) return undefined;
      const ok = timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(presented, 'hex'));
      return ok ? toEnvironment(row) : undefined;
    },
  };
}

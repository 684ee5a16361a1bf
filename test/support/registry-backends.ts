/**
 * The registry's two stores for suites that must hold on both: `describe.each(registryBackends)`
 * and, inside, `const backend = useBackend(name)`. SQLite opens `:memory:`; PostgreSQL starts one
 * throwaway server per describe block (test/support/postgres.ts, ~1.5 s) and gives every
 * `open()` a fresh, empty database.
 */
import { openRegistry, type Registry, type RegistryLocation } from '../../src/registry';
import { startPostgres, type PostgresServer } from './postgres';

export type BackendName = 'sqlite' | 'postgres';
export const registryBackends: BackendName[] = ['sqlite', 'postgres'];

export interface Backend {
  name: BackendName;
  /** A new empty database's location. */
  location(): Promise<RegistryLocation>;
  /** A migrated registry on a new empty database. */
  open(): Promise<Registry>;
}

/** Registers the hooks `name` needs in the current describe block and returns the backend. */
export function useBackend(name: BackendName): Backend {
  let server: PostgresServer | undefined;
  if (name === 'postgres') {
    beforeAll(async () => {
      server = await startPostgres();
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });
  }
  const location = async (): Promise<RegistryLocation> => {
    if (name === 'sqlite') return { sqliteFile: ':memory:' };
    if (!server) throw new Error('the PostgreSQL test server did not start');
    return { databaseUrl: await server.createDatabase() };
  };
  return { name, location, open: async () => openRegistry(await location()) };
}

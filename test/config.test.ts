/**
 * Configuration: one zod schema over the environment; a wrong value stops start-up with a
 * message naming the variable, defaults fill the rest.
 */
import { ConfigError, loadConfig } from '../src/config';
import { registryLocation } from '../src/registry';

test('defaults: loopback API on 3000, dev server on 7233/8233, data in .data', () => {
  const c = loadConfig({});
  expect(c.PORT).toBe(3000);
  expect(c.temporalAddress).toBe('127.0.0.1:7233');
  expect(c.temporalUiUrl).toBe('http://127.0.0.1:8233');
  expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  expect(c.dataDir).toMatch(/\.data$/);
  expect(c.apiKeys).toEqual([]);
});

test('the environment overrides: ports, an existing Temporal server, keys', () => {
  const c = loadConfig({
    PORT: '3100',
    TEMPORAL_ADDRESS: 'temporal:7233',
    WAYMARK_API_KEYS: 'a, b ,',
    TEMPORAL_UI_PORT: '8300',
  });
  expect(c.PORT).toBe(3100);
  expect(c.temporalAddress).toBe('temporal:7233');
  expect(c.temporalUiUrl).toBe('http://127.0.0.1:8300');
  expect(c.apiKeys).toEqual(['a', 'b']);
});

test.each([
  ['PORT', 'abc'],
  ['TEMPORAL_PORT', '70000'],
  ['TEMPORAL_ADDRESS', 'no-port'],
  ['LOG_LEVEL', 'loud'],
  ['PUBLIC_URL', 'not a url'],
  ['WAYMARK_TASK_QUEUES', 'publish-tweet'],
  ['DATABASE_URL', 'mysql://localhost/waymark'],
])('a wrong %s stops start-up with a message naming it', (name, value) => {
  expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
});

test('WAYMARK_TASK_QUEUES maps custom task types to queues (empty when unset)', () => {
  expect(loadConfig({}).taskQueues).toEqual({});
  expect(
    loadConfig({ WAYMARK_TASK_QUEUES: 'publish-tweet=social, charge-card = payments' }).taskQueues,
  ).toEqual({ 'publish-tweet': 'social', 'charge-card': 'payments' });
});

test('DATABASE_URL selects a PostgreSQL registry; unset or empty keeps the SQLite file', () => {
  const url = 'postgres://waymark:secret@db:5432/waymark';
  expect(registryLocation(loadConfig({ DATABASE_URL: url }))).toEqual({ databaseUrl: url });
  for (const env of [{}, { DATABASE_URL: '' }])
    expect(registryLocation(loadConfig(env))).toEqual({
      sqliteFile: expect.stringMatching(/registry\.sqlite$/),
    });
});

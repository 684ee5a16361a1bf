/**
 * The runs API stores on both stores (in-memory SQLite, a throwaway PostgreSQL): case identity (externalId, else
 * personalNumber), parameter sets, environment tokens (hashed, revocable) and webhook
 * subscriptions (secret returned once, events aggregated).
 */
import { createHash } from 'node:crypto';
import type { Registry } from '../../src/registry';
import { registryBackends, useBackend } from '../support/registry-backends';

describe.each(registryBackends)('%s registry', (name) => {
  const backend = useBackend(name);

  let registry: Registry;
  beforeEach(async () => {
    registry = await backend.open();
  });
  afterEach(() => registry.close());

  test('cases: a returning user (same externalId, else personalNumber) reuses the case', async () => {
    const a = await registry.cases.createOrReuse({ firstName: 'Ada', personalNumber: 'P1' });
    expect(a.created).toBe(true);
    const again = await registry.cases.createOrReuse({ firstName: 'Other', personalNumber: 'P1' });
    expect(again).toEqual({ case: a.case, created: false });
    const ext = await registry.cases.createOrReuse({ externalId: 'E1', personalNumber: 'P1' });
    expect(ext.created).toBe(true); // externalId wins over personalNumber
    expect((await registry.cases.createOrReuse({ externalId: 'E1' })).case.caseId).toBe(
      ext.case.caseId,
    );
    const anon1 = await registry.cases.createOrReuse({ firstName: 'X' });
    const anon2 = await registry.cases.createOrReuse({ firstName: 'X' });
    expect(anon1.case.caseId).not.toBe(anon2.case.caseId);
    expect(await registry.cases.get(a.case.caseId)).toEqual(a.case);
    expect(await registry.cases.get('nope')).toBeUndefined();
  });

  test('parameter sets are stored per definition', async () => {
    const { definition } = await registry.definitions.createVersion({
      key: 'p',
      kind: 'bpmn',
      source: '<x/>',
      sourceType: 'xml',
      compiled: {},
    });
    const set = await registry.parameters.create(definition.id, { param0: 0, param3: 'text' });
    expect(await registry.parameters.get(set.parametersId)).toEqual(set);
    expect(set.workflowDefinitionId).toBe(definition.id);
  });

  test('environments: only the token hash is stored; verify, list, revoke', async () => {
    const { environment, token } = await registry.environments.create({ name: 'prod' });
    const rows = await registry.db
      .withTables<{ environments: { token_hash: string } }>()
      .selectFrom('environments')
      .select('token_hash')
      .execute();
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect(JSON.stringify(await registry.environments.list())).not.toContain(token);
    expect(await registry.environments.verifyToken(token)).toEqual(environment);
    expect(await registry.environments.verifyToken(`${token}x`)).toBeUndefined();
    expect(await registry.environments.delete(environment.id)).toBe(true);
    expect(await registry.environments.verifyToken(token)).toBeUndefined();
  });

  test('webhooks: secret returned once, events aggregated, per-event lookup', async () => {
    expect(await registry.webhooks.subscribedEvents()).toEqual([]);
    const a = await registry.webhooks.create({ url: 'http://a', events: ['run.failed'] });
    await registry.webhooks.create({ url: 'http://b', events: ['run.completed', 'run.completed'] });
    expect(a.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await registry.webhooks.list())).not.toContain(a.secret);
    expect(await registry.webhooks.subscribedEvents()).toEqual(['run.completed', 'run.failed']);
    expect((await registry.webhooks.forEvent('run.failed')).map((s) => s.url)).toEqual([
      'http://a',
    ]);
    expect((await registry.webhooks.withSecret(a.subscription.id))?.secret).toBe(a.secret);
    expect(await registry.webhooks.delete(a.subscription.id)).toBe(true);
    expect(await registry.webhooks.subscribedEvents()).toEqual(['run.completed']);
  });
});

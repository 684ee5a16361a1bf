/**
 * The callbacks route without a workflow behind it: the signed token is the credential (no
 * API key needed, a bad one is a 401), bodies are validated, unknown outcomes have no route.
 */
import { signCallbackToken } from '../../src/callbacks/signing';
import { expectProblem, sendJson, startTestApi } from './support';
import type { TestApi } from './support';

const secret = 'test-secret-0123456789';
const feiId = 'cb:1/Task_Notify/1';
const claims = {
  flowElementInstanceId: feiId,
  attempt: 1,
  firstRunId: 'run-1',
  expiresAt: Math.ceil(Date.now() / 1000) + 3600,
};

describe('POST /callbacks/{token}/success|error', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      env: { WAYMARK_API_KEYS: 'alpha-key-123', WAYMARK_SECRET: secret },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('needs no API key, but a valid signature: 401 otherwise', async () => {
    const forged = signCallbackToken('another-secret-0123456789', claims);
    const body = await expectProblem(
      await sendJson(api, 'POST', `/callbacks/${forged}/success`, { flowElementInstanceId: feiId }),
      401,
    );
    expect(body.type).toBe('urn:waymark:problem:invalid-callback-token');
    await expectProblem(await sendJson(api, 'POST', '/callbacks/nonsense/error', {}), 401);
  });

  it('401 for an expired token, saying it expired', async () => {
    const expired = signCallbackToken(secret, { ...claims, expiresAt: 1_000_000 });
    const body = await expectProblem(
      await sendJson(api, 'POST', `/callbacks/${expired}/success`, { data: {} }),
      401,
    );
    expect(body.detail).toBe('this callback URL has expired');
  });

  it('401 when the body names another element instance than the URL', async () => {
    const token = signCallbackToken(secret, claims);
    const body = await expectProblem(
      await sendJson(api, 'POST', `/callbacks/${token}/success`, {
        flowElementInstanceId: 'cb:2/Task_Notify/1',
        data: {},
      }),
      401,
    );
    expect(body.detail).toContain('cb:2/Task_Notify/1');
  });

  it('400 for a bad body, 404 for an unknown outcome', async () => {
    const token = signCallbackToken(secret, claims);
    await expectProblem(
      await sendJson(api, 'POST', `/callbacks/${token}/error`, { flowElementInstanceId: feiId }),
      400,
    );
    await expectProblem(
      await sendJson(api, 'POST', `/callbacks/${token}/success`, { data: [1, 2] }),
      400,
    );
    await expectProblem(await sendJson(api, 'POST', `/callbacks/${token}/maybe`, {}), 404);
  });
});

/**
 * The Camunda Modeler element templates in elementTemplates/ (and the one `waymark templates
 * integration` writes): each passes @bpmn-io/element-templates-validator, and a model made
 * with each — the bindings applied as the Modeler applies them — deploys and runs end to end
 * on the real stack: the http template against a REST service, the callback template against
 * a callback service, the integration template against a deployed integration workflow.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { apiUrl, call, startInstance, waitFor } from '../support/api';
import { processFromTemplate } from '../support/apply-template';
import type { ElementTemplate } from '../support/apply-template';
import { ReplayCheck } from '../support/histories';
import { post, useCallbackService } from '../e2e/support/callback-service';

const root = path.resolve(__dirname, '..', '..');
const templatesDir = path.join(root, 'elementTemplates');
const replay = new ReplayCheck();
const callbacks = useCallbackService(replay);

function template(file: string): ElementTemplate {
  return JSON.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8')) as ElementTemplate;
}

async function deployAndRun(xml: string, key: string, variables: Record<string, unknown>) {
  const deployed = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBeLessThan(300);
  const id = await startInstance(key, { variables });
  replay.add(id, `template-${key}`);
  return id;
}

test('every template in elementTemplates/ passes the Zeebe element-template validator', () => {
  const files = fs.readdirSync(templatesDir).filter((f) => f.endsWith('.json'));
  expect(files.sort()).toEqual([
    'waymark-callback.json',
    'waymark-http.json',
    'waymark-integration.json',
  ]);
  for (const file of files) {
    const result = validateZeebe(template(file));
    expect({ file, errors: result.errors ?? [] }).toEqual({ file, errors: [] });
  }
  const ids = files.map((f) => template(f).id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a task made with the http template calls the REST service and maps the response', async () => {
  // Given a REST service answering GET /orders/{id}
  const seen: { url?: string; tenant?: string | string[] }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url, tenant: req.headers['x-tenant'] });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 42, name: 'Ada' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // When a model made with the template runs
    const xml = processFromTemplate('tpl-http', template('waymark-http.json'), {
      url: `="${base}/orders/" + string(orderId)`,
      headers: '={"x-tenant": tenant}',
      queryParameters: '={expand: "lines"}',
      resultExpression: '={orderName: response.body.name, httpStatus: response.status}',
    });
    const id = await deployAndRun(xml, 'tpl-http', { orderId: 42, tenant: 't1' });
    const done = await waitFor(id, undefined, 60_000);

    // Then the request had the mapped URL, header and query, and the response was mapped
    expect(done.status).toBe('COMPLETED');
    expect(done.variables).toMatchObject({ orderName: 'Ada', httpStatus: 200 });
    expect(seen).toEqual([{ url: '/orders/42?expand=lines', tenant: 't1' }]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}, 120_000);

test('a task made with the callback template sends its payload and completes on the callback', async () => {
  const xml = processFromTemplate('tpl-callback', template('waymark-callback.json'), {
    url: `${callbacks.url}/ok/reserve`,
    payload: '={orderId: order.id}',
    timeout: 'PT30S',
  });
  const id = await deployAndRun(xml, 'tpl-callback', { order: { id: 7 } });

  const request = await callbacks.requestFor(id);
  expect(request.body.data).toEqual({ payload: { orderId: 7 } });
  const answer = await post(request.body.responsePath, {
    flowElementInstanceId: request.body.flowElementInstanceId,
    data: { reservationId: 'R-7' },
  });
  expect(answer.status).toBe(200);

  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.reservationId).toBe('R-7');
}, 120_000);

function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin', 'waymark.cjs'), ...args],
      { env: { ...process.env, WAYMARK_API_URL: apiUrl() } },
      (err, stdout) => resolve({ code: err ? Number(err.code) : 0, stdout }),
    );
  });
}

test('`waymark templates integration` writes a valid template whose model runs the integration', async () => {
  // Given a deployed integration with a required input
  const integration = {
    kind: 'integration',
    key: 'tpl-greet',
    name: 'Greet',
    inputs: { name: { type: 'string', required: true, description: 'Who to greet' } },
    nodes: [{ id: 'greet', type: 'transform', set: { greeting: '"Hello " + name' } }],
    output: { greeting: 'greeting' },
  };
  const deployed = await call('POST', '/definitions?deploy=true', integration);
  expect(deployed.status).toBeLessThan(300);

  // When the CLI writes its template
  const written = await cli(['templates', 'integration', 'tpl-greet', '--json']);
  expect(written.code).toBe(0);
  const generated = JSON.parse(written.stdout) as ElementTemplate;
  expect(validateZeebe(generated).errors ?? []).toEqual([]);
  expect(generated.properties.map((p) => p.binding)).toContainEqual({
    type: 'zeebe:input',
    name: 'name',
  });

  // Then a model made with it maps the input and stores the output at the result variable
  const xml = processFromTemplate('tpl-integration', generated, {
    'input.name': '=customer.name',
    resultKey: 'greetingResult',
  });
  const id = await deployAndRun(xml, 'tpl-integration', { customer: { name: 'Ada' } });
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.greetingResult).toEqual({ greeting: 'Hello Ada' });
}, 120_000);

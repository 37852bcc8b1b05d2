import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createServer, DEMO_PASSWORD } from '@ddt/server';
import { ApiPlatform, expectProblem } from './support/api-platform.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

describe('OpenAPI at /docs', () => {
  test('Swagger UI is served by us, with no resource from another host', async () => {
    const page = await api.call(null, { method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    for (const asset of page.body.match(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g) ?? []) {
      const path = asset.replace(/^(src|href)="\.?\/?/, '').replace(/"$/, '');
      const file = await api.call(null, { method: 'GET', url: `/docs/${path}` });
      expect({ path, status: file.statusCode }).toEqual({ path, status: 200 });
    }
  });

  test('the document describes every API route with its schemas and Chinese summaries', async () => {
    const document = (await api.call(null, { method: 'GET', url: '/docs/json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    const operations = Object.entries(
      document.paths as Record<string, Record<string, Record<string, unknown>>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { path, method, operation } of operations.filter((entry) => entry.path.startsWith('/api/'))) {
      const label = `${method.toUpperCase()} ${path}`;
      expect({ label, summary: /[\u4e00-\u9fff]/.test(String(operation.summary)) }).toEqual({
        label,
        summary: true,
      });
      expect({ label, responses: Object.keys(operation.responses as object).length > 0 }).toEqual({
        label,
        responses: true,
      });
      const parameters = (operation.parameters as { in: string }[] | undefined) ?? [];
      if (path.includes('{'))
        expect({ label, params: parameters.some((p) => p.in === 'path') }).toEqual({ label, params: true });
    }
  });
});

describe('headers and request ids', () => {
  test('helmet headers with a CSP that allows no eval and no other origin', async () => {
    const response = await api.call(null, { method: 'GET', url: '/api/programs' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test('the designer pages get eval only while the designer needs it, API responses never', async () => {
    const designerDir = mkdtempSync(join(tmpdir(), 'ddt-designer-'));
    writeFileSync(join(designerDir, 'index.html'), '<!doctype html><title>督导通</title>');
    for (const designerScriptEval of [true, false]) {
      const app = createServer({
        services: api.services,
        sessionSecret: 'csp-test-secret-that-is-long-enough-012345',
        designerDir,
        designerScriptEval,
      });
      const page = await app.inject({ method: 'GET', url: '/tasks/some-task' });
      expect(page.headers['content-type']).toContain('text/html');
      expect(String(page.headers['content-security-policy']).includes("'unsafe-eval'")).toBe(
        designerScriptEval,
      );
      const json = await app.inject({ method: 'GET', url: '/api/programs' });
      expect(json.headers['content-security-policy']).not.toContain('unsafe-eval');
      await app.close();
    }
    const docs = await api.call(null, { method: 'GET', url: '/docs/' });
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  test('CORS is off: a request or preflight from another origin gets no Access-Control header', async () => {
    const preflight = await api.call(null, {
      method: 'OPTIONS',
      url: '/api/tasks',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await api.call('admin', {
      method: 'GET',
      url: '/api/me',
      headers: { origin: 'https://evil.example' },
    });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('a state-changing request from another origin is refused before it does anything', async () => {
    await api.cookie('admin');
    const before = await api.changeCount();
    const response = await api.call('admin', {
      method: 'PATCH',
      url: '/api/schools/s-01',
      payload: { name: '被跨站修改' },
      headers: { origin: 'https://evil.example' },
    });
    expectProblem(response, 403, 'REQ_ERR_ORIGIN');
    expect((await api.store.getSchool('s-01'))?.name).toBe('青山县实验小学');
    expect(await api.changeCount()).toBe(before);
    const sameOrigin = await api.call('admin', {
      method: 'GET',
      url: '/api/me',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(sameOrigin.statusCode).toBe(200);
  });

  test('every response carries a request id, generated unless a sane one is given', async () => {
    const generated = await api.call(null, { method: 'GET', url: '/api/nothing' });
    expectProblem(generated, 404, 'REQ_ERR_NOT_FOUND');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await api.call(null, {
      method: 'GET',
      url: '/api/me',
      headers: { 'x-request-id': 'a b;<script>' },
    });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logs and shutdown', () => {
  test('logs carry request ids and never a cookie or a password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createServer({
      services: api.services,
      sessionSecret: 'log-test-secret-that-is-long-enough-0123',
      logger: { level: 'info', stream, redact: ['req.headers.cookie'] },
    });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.find((entry) => entry.name === 'ddt_session')!.value;
    await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ddt_session=${cookie}` } });
    await app.close();
    const log = lines.join('');
    expect(lines.some((line) => JSON.parse(line).reqId)).toBe(true);
    expect(log).not.toContain(cookie);
    expect(log).not.toContain(DEMO_PASSWORD);
  });

  test('closing finishes a request in flight and then refuses new connections; the scheduler stops cleanly', async () => {
    // The TestPlatform's secret, so the admin's session cookie is valid on this server too.
    const app = createServer({
      services: api.services,
      sessionSecret: 'test-session-secret-that-is-long-enough-123',
    });
    const cookie = await api.cookie('admin');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    api.services.scheduler.start();

    const boundary = '----slow';
    const response = new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/imports/schools',
          headers: {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            cookie,
            connection: 'close',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`);
      setTimeout(() => request.end(`学校标识码\r\n--${boundary}--\r\n`), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = app.close();
    const [status] = await Promise.all([response, closing, api.services.scheduler.stop()]);
    // The upload was still arriving when the server began to close; it was read to its end and answered.
    expect(status).toBe(200);
    await expect(
      new Promise((resolve, reject) => {
        const late = httpRequest({ host: '127.0.0.1', port, path: '/api/me' }, resolve);
        late.on('error', reject);
        late.end();
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Request } from 'playwright-core';
import { useBrowserPlatform } from './browser-platform.js';
import { chooseFile, logIn, openPage, screenshot } from './browser-session.js';
import { generatePng, tinyGif } from './evidence-files.js';

const campaignTitle = '浏览器测试：开学督导印证材料';
const pingjiaFixture = fileURLToPath(new URL('../api/fixtures/pingjia', import.meta.url));
// Chromium reports refused uploads as console errors; these are the refusals the test provokes.
const expectedRefusal = /Failed to load resource: the server responded with a status of (413|415)/;

describe('a school filling in a form with evidence in a real browser', () => {
  const suite = useBrowserPlatform({ extraPrograms: [pingjiaFixture] });
  let taskId: string;

  beforeAll(async () => {
    await suite.platform.api('admin', {
      method: 'POST',
      url: '/api/campaigns',
      payload: { programKey: 'kaixue', title: campaignTitle, targets: { schoolIds: ['s-01'] } },
    });
    const inbox = await suite.platform.api<{ items: { id: string }[] }>('school01', {
      method: 'GET',
      url: '/api/tasks',
    });
    taskId = inbox.items[0]!.id;
  });

  test('a school uploads an evidence photo, sees oversize and wrong-type files refused in Chinese, its draft survives a reload, and it claims the task and gives it back', async () => {
    const { page, problems, offsite } = await openPage(suite.browser, suite.platform.origin);
    const uploads: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/files')) uploads.push(request);
    });
    await page.goto(`${suite.platform.origin}/tasks/${encodeURIComponent(taskId)}`);
    await logIn(page, 'school01');
    const report = page.locator('.formio-component-selfCheckReport');
    await report.waitFor();

    // The component's limits, as the server enforces them, are shown under it.
    await report.locator('.form-text').filter({ hasText: '单个文件不超过 20 MB' }).waitFor();

    // A PNG photo goes to /api/files for this task and component, and is listed with a download link.
    const photo = generatePng();
    const uploaded = page.waitForResponse((response) => response.url().includes('/api/files?'));
    await chooseFile(report, { name: '校舍照片.png', mimeType: 'image/png', buffer: photo });
    const answer = await uploaded;
    expect(answer.status()).toBe(201);
    expect(new URL(answer.url()).searchParams.get('component')).toBe('selfCheckReport');
    const link = report.getByRole('link', { name: '校舍照片.png' });
    await link.waitFor();

    // The link downloads the very bytes for the school; another school gets "not found".
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/files\/f_/);
    const download = await page.request.get(`${suite.platform.origin}${href}`);
    expect(download.status()).toBe(200);
    expect(
      createHash('sha256')
        .update(await download.body())
        .digest('hex'),
    ).toBe(createHash('sha256').update(photo).digest('hex'));
    expect((await suite.platform.rawApi('school02', { method: 'GET', url: href! })).statusCode).toBe(404);

    // A GIF passes the browser's image/* pattern but not the server: its Chinese message shows on the file.
    await chooseFile(report, { name: '动图.gif', mimeType: 'image/gif', buffer: tinyGif });
    await report.getByText(/不支持的文件类型，只接受 \.jpg/).waitFor();

    // Over 20 MB is refused in the browser, in Chinese, before anything is sent.
    const before = uploads.length;
    await chooseFile(report, {
      name: '超大扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(21 * 1024 * 1024, 1),
    });
    await report.getByText(/文件太大，最多 20MB/).waitFor();
    expect(uploads.length).toBe(before);

    // Answers are saved as a draft once the user pauses; a reload restores them with the uploaded photo.
    const draftSaved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/draft') &&
        response.request().postDataJSON()?.data?.selfCheckSummary === '开学准备工作基本就绪。',
    );
    await page.getByLabel('应到教职工数').fill('86');
    await page.getByLabel('自查总体情况').fill('开学准备工作基本就绪。');
    expect((await draftSaved).status()).toBe(200);
    await page.locator('[data-draft-state="saved"]').waitFor();
    await screenshot(page, 'school-evidence-draft', report);
    await page.reload();
    await page.getByText('已恢复上次保存的草稿').waitFor();
    // Form.io sets the draft in one go once the form is built; the uploaded photo's link shows it has.
    await page
      .locator('.formio-component-selfCheckReport')
      .getByRole('link', { name: '校舍照片.png' })
      .waitFor();
    await expect(page.getByLabel('应到教职工数').inputValue()).resolves.toBe('86');
    await expect(page.getByLabel('自查总体情况').inputValue()).resolves.toBe('开学准备工作基本就绪。');

    // A group task can be claimed, so no colleague acts on it meanwhile, and given back.
    await page.getByRole('button', { name: '认领' }).click();
    await page.locator('[data-claim="mine"]').waitFor();
    const claimed = await suite.platform.api<{ items: { claimedBy: string | null }[] }>('school01', {
      method: 'GET',
      url: '/api/tasks',
    });
    expect(claimed.items[0]!.claimedBy).toBe('u-school-01');
    await page.getByRole('button', { name: '放弃认领' }).click();
    await page.locator('[data-claim="open"]').waitFor();

    expect(problems.filter((problem) => !expectedRefusal.test(problem))).toEqual([]);
    expect(offsite).toEqual([]);
  });

  test('a tampered form that lost its size limit still meets the server’s limit, shown in Chinese', async () => {
    // The test program's evidence field takes PDF or JPG files of at most 1 KB.
    await suite.platform.api('admin', {
      method: 'POST',
      url: '/api/campaigns',
      payload: { programKey: 'api-pingjia', title: '浏览器测试：自评', targets: { schoolIds: ['s-02'] } },
    });
    const inbox = await suite.platform.api<{ items: { id: string }[] }>('school02', {
      method: 'GET',
      url: '/api/tasks',
    });
    const { page } = await openPage(suite.browser, suite.platform.origin);
    await page.route('**/api/tasks/*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const strip = (components: Record<string, unknown>[]): void => {
        for (const component of components) {
          if (component.type === 'file') delete component.fileMaxSize;
          if (Array.isArray(component.components)) strip(component.components);
        }
      };
      strip(body.form.components);
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${suite.platform.origin}/tasks/${encodeURIComponent(inbox.items[0]!.id)}`);
    await logIn(page, 'school02');
    const evidence = page.locator('.formio-component-evidence');
    await evidence.waitFor();
    const refused = page.waitForResponse((response) => response.url().includes('/api/files?'));
    await chooseFile(evidence, {
      name: '制度文件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(2048, 1),
    });
    const answer = await refused;
    expect(answer.status()).toBe(413);
    const problem = await answer.json();
    expect(problem.code).toBe('FILE_ERR_TOO_LARGE');
    await evidence.getByText(problem.detail).waitFor();
    await screenshot(page, 'school-evidence-refused-by-server');
  });
});

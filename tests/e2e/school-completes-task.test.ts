import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@ddt/server';
import type { Page, Request } from 'playwright-core';
import { basicSelfCheckStatuses } from '../api/kaixue-submissions.js';
import { useBrowserPlatform } from './browser-platform.js';

const kaixueBasic = fileURLToPath(new URL('../api/fixtures/kaixue-basic', import.meta.url));

const campaignTitle = '浏览器测试：春季开学督导';
const cjk = /[\u4e00-\u9fff]/;

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Answers the self-check form completely, except the fields named in `skip`. */
async function fillSelfCheck(page: Page, skip: string[] = []): Promise<void> {
  for (const item of basicSelfCheckStatuses) {
    await page.locator(`.formio-component-${item}Status input[value="met"]`).check();
  }
  await page.getByLabel('自查总体情况').fill('本校开学各项准备工作已全部落实，师生按时到岗到校。');
  await page.getByLabel('填报人').fill('王老师');
  if (!skip.includes('contactPhone')) await page.getByLabel('联系电话').fill('13800138000');
}

describe('the designer in a real browser against the real server', () => {
  const suite = useBrowserPlatform({ extraPrograms: [kaixueBasic] });

  test('an office launches 开学督导, the school sees its errors in Chinese, fixes them and the task leaves its inbox', async () => {
    const page = await suite.browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(10_000);
    const offsite: string[] = [];
    const completions: Request[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(suite.platform.origin)) offsite.push(request.url());
      if (request.method() === 'POST' && request.url().endsWith('/complete')) completions.push(request);
    });

    // The office launches the program to one school through the launch page.
    await page.goto(`${suite.platform.origin}/launch`);
    await logIn(page, 'admin');
    await page.getByLabel('督导项目').selectOption('kaixue-basic');
    await page.getByLabel('督导名称').fill(campaignTitle);
    await page.getByText('指定学校').click();
    await page.getByLabel('按校名筛选').fill('青山县实验小学');
    await page.getByRole('checkbox', { name: /青山县实验小学/ }).check();
    await page.getByRole('button', { name: '预览督导对象' }).click();
    await page.getByRole('button', { name: '发起督导（1 所学校）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发起' }).click();
    await page.getByRole('link', { name: '查看督导进度' }).click();
    await page.getByText('进度：0 / 1 所学校已完成').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();

    // The school finds the task in its inbox and opens it.
    await logIn(page, 'school01');
    const taskLink = page.getByRole('link', { name: /学校开学工作自查/ });
    await expect(taskLink.textContent()).resolves.toContain(campaignTitle);
    await taskLink.click();
    await page.getByText('K1.1 师生到岗到校').waitFor();

    // Submitting with the phone missing: Form.io's Chinese message, and nothing is sent.
    await fillSelfCheck(page, ['contactPhone']);
    await page.getByRole('button', { name: '提交自查报告' }).click();
    const phoneErrors = page.locator('.formio-component-contactPhone .formio-errors');
    await phoneErrors.filter({ hasText: cjk }).waitFor();
    expect(completions).toHaveLength(0);

    // A browser whose form lost the rule (an outdated or tampered client) is stopped by the server, and the
    // server's Chinese message is shown on the field it names.
    await page.route('**/api/tasks/*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const strip = (components: Record<string, unknown>[]): void => {
        for (const component of components) {
          if (component.key === 'contactPhone') component.validate = {};
          if (Array.isArray(component.components)) strip(component.components);
        }
      };
      strip(body.form.components);
      await route.fulfill({ response, json: body });
    });
    await page.reload();
    await page.getByText('K1.1 师生到岗到校').waitFor();
    await fillSelfCheck(page, ['contactPhone']);
    const rejected = page.waitForResponse((response) => response.url().endsWith('/complete'));
    await page.getByRole('button', { name: '提交自查报告' }).click();
    const problem = await (await rejected).json();
    expect(problem.code).toBe('FORM_ERR_INVALID');
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(['contactPhone']);
    expect(problem.errors[0].message).toMatch(cjk);
    await phoneErrors.filter({ hasText: problem.errors[0].message }).waitFor();
    await page.unroute('**/api/tasks/*');

    // Filled in, the submission goes through and the inbox no longer lists the task.
    await page.getByLabel('联系电话').fill('13800138000');
    const accepted = page.waitForResponse((response) => response.url().endsWith('/complete'));
    await page.getByRole('button', { name: '提交自查报告' }).click();
    expect((await accepted).status()).toBe(200);
    await page.getByText('已提交「学校开学工作自查」。').waitFor();
    await page.getByText('目前没有待办任务。').waitFor();
    expect(await page.getByRole('link', { name: /学校开学工作自查/ }).count()).toBe(0);
    expect(completions).toHaveLength(2);
    expect(offsite).toEqual([]);
  });
});

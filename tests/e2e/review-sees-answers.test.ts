import { fileURLToPath } from 'node:url';
import { multipart } from '../api/support/multipart.js';
import { useBrowserPlatform } from './browser-platform.js';
import { logIn, logOut, openPage, screenshot } from './browser-session.js';

const pingjiaFixture = fileURLToPath(new URL('../api/fixtures/pingjia', import.meta.url));
const summary = '校舍、设施和安全制度均已落实，印证材料见附件。';
const returnComment = '校舍安全得分依据不足，请补充年检报告后重新自评。';

describe('an inspector reviewing a school’s self-evaluation in a real browser', () => {
  const suite = useBrowserPlatform({ extraPrograms: [pingjiaFixture] });

  beforeAll(async () => {
    // The school's part happens through the API: a scored self-evaluation with one evidence file.
    await suite.platform.api('admin', {
      method: 'POST',
      url: '/api/campaigns',
      payload: { programKey: 'api-pingjia', title: '浏览器测试：评估督导', targets: { schoolIds: ['s-01'] } },
    });
    const inbox = await suite.platform.api<{ items: { id: string }[] }>('school01', {
      method: 'GET',
      url: '/api/tasks',
    });
    const taskId = inbox.items[0]!.id;
    const file = await suite.platform.api('school01', {
      method: 'POST',
      url: `/api/files?taskId=${encodeURIComponent(taskId)}&component=evidence`,
      ...multipart([
        {
          name: '安全制度汇编.pdf',
          content: Buffer.from(`%PDF-1.4\n${' '.repeat(200)}`),
          type: 'application/pdf',
        },
      ]),
    });
    await suite.platform.api('school01', {
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(taskId)}/complete`,
      payload: { data: { a11: 28, a12: 27, a21: 'met', evidence: [file], summary } },
    });
  });

  test('the inspector sees the school’s answers, score and evidence, and returns the work with a comment; the school reads it and resubmits from its last answers', async () => {
    const { page, problems, offsite } = await openPage(suite.browser, suite.platform.origin);
    await page.goto(suite.platform.origin);
    await logIn(page, 'duxue1');
    await page.getByRole('link', { name: /责任督学审核/ }).click();

    // The school's submission, read-only, with its score and a working evidence link.
    const step = page.locator('details.earlier-step', { hasText: '学校自评' });
    await step.getByText(summary).waitFor();
    await step.getByText(/得分 \d+/).waitFor();
    expect(await step.locator('input:not([type=hidden]), textarea').count()).toBe(0);
    const link = step.getByRole('link', { name: '安全制度汇编.pdf' });
    const download = await page.request.get(`${suite.platform.origin}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 8).toString()).toBe('%PDF-1.4');
    await screenshot(page, 'inspector-review', step);

    // 退回 needs a comment; with one, the task leaves the inspector's inbox.
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('请填写退回意见。').waitFor();
    await page.getByLabel(/退回意见/).fill(returnComment);
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByText('已退回「责任督学审核」。').waitFor();

    // The school's self-evaluation is back in its inbox with the comment.
    await logOut(page);
    await logIn(page, 'school01');
    await page.getByRole('link', { name: /学校自评/ }).click();
    const returns = page.locator('section', { hasText: '退回修改意见' });
    await returns.getByText(returnComment).waitFor();
    await returns.getByText(/张明/).waitFor();
    await screenshot(page, 'school-sees-return', returns);

    // The form starts from the last submission, evidence included; the school corrects one answer.
    await page.getByText('已填入上次提交的内容').waitFor();
    const form = page.getByRole('region', { name: '填写表单' });
    await expect(form.getByLabel('校舍安全得分').inputValue()).resolves.toBe('28');
    await form.getByRole('link', { name: '安全制度汇编.pdf' }).waitFor();
    await form.getByLabel('校舍安全得分').fill('25');
    const resubmitted = page.waitForResponse((response) => response.url().endsWith('/complete'));
    await form.getByRole('button', { name: '提交' }).click();
    expect((await resubmitted).status()).toBe(200);
    await page.getByText('已提交「学校自评」。').waitFor();

    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
  });
});

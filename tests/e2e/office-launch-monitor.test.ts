import { fileURLToPath } from 'node:url';
import { basicSelfCheck } from '../api/kaixue-submissions.js';
import { useBrowserPlatform } from './browser-platform.js';
import { logIn, openPage, screenshot } from './browser-session.js';

const kaixueBasic = fileURLToPath(new URL('../api/fixtures/kaixue-basic', import.meta.url));

const DAY_MS = 24 * 3600 * 1000;

describe('an office launching and monitoring a campaign in a real browser', () => {
  const suite = useBrowserPlatform({ extraPrograms: [kaixueBasic] });

  test('the office launches 开学督导 to the primary schools of one 责任区 with a longer self-check period, follows the progress and the 未提交名单, reminds and cancels', async () => {
    const { page, problems, offsite } = await openPage(suite.browser, suite.platform.origin, {
      width: 1024,
      height: 900,
    });
    await page.goto(`${suite.platform.origin}/launch`);
    await logIn(page, 'admin');

    // Program, name, a parameter from program.json (7 → 10 days) and a filter: 第二责任区 × 小学.
    await page.getByLabel('督导项目').selectOption('kaixue-basic');
    await page.getByLabel('督导名称').fill('浏览器测试：东部乡镇小学开学督导');
    const period = page.getByLabel('学校自查期限', { exact: true });
    await expect(period.inputValue()).resolves.toBe('7');
    await period.fill('10');
    await page.getByLabel('第二责任区（东部乡镇）').check();
    await page.getByLabel('小学', { exact: true }).check();
    await page.getByRole('button', { name: '预览督导对象' }).click();

    // The preview counts the schools before anything is written.
    const preview = page.locator('[data-preview-count]');
    await preview.getByText('预览：共 2 所学校').waitFor();
    await preview.getByText('学校自查期限 10 天').waitFor();
    expect(
      (await suite.platform.api<{ items: unknown[] }>('admin', { method: 'GET', url: '/api/campaigns' }))
        .items,
    ).toEqual([]);

    await page.getByRole('button', { name: '发起督导（2 所学校）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发起' }).click();
    await page.getByText('已向 2 所学校下发督导任务').waitFor();
    await page.getByText('每所学校都由其挂牌责任督学负责，无改派。').waitFor();
    await page.getByRole('link', { name: '查看督导进度' }).click();

    // The parameter reached the process: the school's task is due 10 days after it opened.
    const inbox = await suite.platform.api<{ items: { id: string; dueAt: string; createdAt: string }[] }>(
      'school11',
      {
        method: 'GET',
        url: '/api/tasks',
      },
    );
    const task = inbox.items[0]!;
    expect(Math.round((Date.parse(task.dueAt) - Date.parse(task.createdAt)) / DAY_MS)).toBe(10);

    // Progress by status × 责任区 × type; the 未提交 number opens the list of that cell.
    await page.getByText('进度：0 / 2 所学校已完成').waitFor();
    await page.getByText('学校自查期限 10 天').waitFor();
    await expect(page.locator('[data-cell="d-2|primary|running"]').textContent()).resolves.toBe('2');
    await page.locator('[data-cell="d-2|primary|not-submitted"]').getByRole('link', { name: '2' }).click();
    const list = page.getByRole('table', { name: '未提交名单' });
    await list.getByRole('link', { name: '东河镇中心小学' }).waitFor();
    await list.getByRole('link', { name: '东河镇明德小学' }).waitFor();

    // One school submits its self-check: it leaves the 未提交名单 after a refresh.
    await suite.platform.api('school11', {
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(task.id)}/complete`,
      payload: { data: basicSelfCheck() },
    });
    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByRole('button', { name: '未提交名单（1）' }).waitFor();
    expect(await list.getByRole('link', { name: '东河镇中心小学' }).count()).toBe(0);
    await screenshot(page, 'office-campaign-progress');

    // 一键催办 after a confirmation: the school still missing gets an in-app notice.
    await page.getByRole('button', { name: '一键催办' }).click();
    await page.getByRole('dialog').getByLabel('附言（可选）').fill('请于本周五前提交自查报告。');
    await page.getByRole('dialog').getByRole('button', { name: '发送给 1 所学校' }).click();
    await page.getByText('已向 1 所学校发送催办通知。').waitFor();
    const notices = await suite.platform.api<{ items: { message: string }[] }>('school15', {
      method: 'GET',
      url: '/api/notifications',
    });
    expect(notices.items.some((item) => item.message.includes('请于本周五前提交自查报告。'))).toBe(true);

    // 撤销 needs a reason and a confirmation; then the campaign shows as cancelled.
    await page.getByRole('button', { name: '撤销督导' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await dialog.getByText('请填写撤销原因。').waitFor();
    await dialog.getByLabel('撤销原因').fill('测试结束，撤销本批。');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText(/已撤销本批督导/).waitFor();
    await page.locator('.badge', { hasText: '已撤销' }).waitFor();

    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
  });
});

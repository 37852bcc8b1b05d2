import { fileURLToPath } from 'node:url';
import { basicReview, basicSelfCheck } from '../api/kaixue-submissions.js';
import { useBrowserPlatform } from './browser-platform.js';
import { logIn, logOut, openPage, screenshot } from './browser-session.js';

const kaixueBasic = fileURLToPath(new URL('../api/fixtures/kaixue-basic', import.meta.url));

const csv = (rows: string[]) =>
  Buffer.from(['学校标识码,学校名称,学校类型,办学性质,责任区', ...rows].join('\n'));

describe('administration, school profiles, notifications and passwords in a real browser', () => {
  const suite = useBrowserPlatform({ extraPrograms: [kaixueBasic] });

  async function launchKaixue(schoolId: string, title: string): Promise<string> {
    const result = await suite.platform.api<{ campaignId: string }>('admin', {
      method: 'POST',
      url: '/api/campaigns',
      payload: { programKey: 'kaixue-basic', title, targets: { schoolIds: [schoolId] } },
    });
    return result.campaignId;
  }

  async function completeOpenTask(username: string, data: Record<string, unknown>): Promise<void> {
    const inbox = await suite.platform.api<{ items: { id: string }[] }>(username, {
      method: 'GET',
      url: '/api/tasks',
    });
    await suite.platform.api(username, {
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(inbox.items[0]!.id)}/complete`,
      payload: { data },
    });
  }

  test('an office checks a school sheet row by row, fixes it and imports it', async () => {
    const { page, problems } = await openPage(suite.browser, suite.platform.origin, {
      width: 1024,
      height: 800,
    });
    await page.goto(`${suite.platform.origin}/admin/imports`);
    await logIn(page, 'admin');

    await page.getByLabel(/CSV（UTF-8 或 GB18030）或 XLSX 文件/).setInputFiles({
      name: '学校名单.csv',
      mimeType: 'text/csv',
      buffer: csv([
        '3300001,青山县新城小学,小学,公办,第一责任区（城区）',
        '3300002,青山县星光学校,大学,公办,第九责任区',
      ]),
    });
    await page.getByRole('button', { name: '校验文件（不写入）' }).click();
    const rows = page.getByRole('table', { name: '逐行问题' });
    // The second data row (row 3 of the sheet) has two problems, each named with its column.
    const typeProblem = rows.getByRole('row').filter({ hasText: '学校类型须为以下之一' });
    await expect(typeProblem.getByRole('cell').allTextContents()).resolves.toEqual([
      '3',
      '学校类型',
      expect.stringContaining('小学、初中'),
    ]);
    await rows.getByRole('row').filter({ hasText: '责任区「第九责任区」不存在' }).waitFor();
    await page.getByText('共 2 行，1 行有问题').waitFor();
    expect(await page.getByRole('button', { name: '正式导入' }).count()).toBe(0);
    await screenshot(page, 'office-import-dry-run');

    await page.getByLabel(/CSV（UTF-8 或 GB18030）或 XLSX 文件/).setInputFiles({
      name: '学校名单.csv',
      mimeType: 'text/csv',
      buffer: csv([
        '3300001,青山县新城小学,小学,公办,第一责任区（城区）',
        '3300002,青山县星光学校,初中,民办,第三责任区（西部乡镇）',
      ]),
    });
    await page.getByRole('button', { name: '校验文件（不写入）' }).click();
    await page.getByText('共 2 行，全部正确').waitFor();
    await page.getByRole('button', { name: '正式导入' }).click();
    await page.getByText('导入结果：共 2 行，新增 2，更新 0').waitFor();

    await page.getByRole('link', { name: '学校', exact: true }).first().click();
    await page.getByRole('list', { name: '学校列表' }).getByText('青山县星光学校').waitFor();
    expect(problems).toEqual([]);
  });

  test('an office creates a 兼职督学 and sees each account with its post', async () => {
    const { page, problems } = await openPage(suite.browser, suite.platform.origin, {
      width: 1024,
      height: 800,
    });
    await page.goto(`${suite.platform.origin}/admin/users`);
    await logIn(page, 'admin');
    const list = page.getByRole('list', { name: '用户列表' });
    await list.getByRole('listitem').filter({ hasText: '张明' }).getByText('专职督学').waitFor();

    const form = page.getByRole('form', { name: '新建用户' });
    await form.getByLabel('用户名').fill('duxue5');
    await form.getByLabel('姓名').fill('钱进');
    await form.getByLabel('专职/兼职').selectOption({ label: '兼职督学' });
    await form.getByLabel('初始密码').fill('Inspect2026x');
    await form.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByText('已创建用户 duxue5。').waitFor();
    await list.getByRole('listitem').filter({ hasText: '钱进' }).getByText('兼职督学').waitFor();
    await screenshot(page, 'office-users-posts');

    const inspectors = await suite.platform.api<{ items: { username: string; post: string | null }[] }>(
      'admin',
      {
        method: 'GET',
        url: '/api/users?role=inspector',
      },
    );
    expect(inspectors.items.find((user) => user.username === 'duxue5')).toMatchObject({ post: 'part_time' });
    expect(problems).toEqual([]);
  });

  test('an inspector reads a school’s record and a past submission; a school reads its 催办 and changes its password', async () => {
    await launchKaixue('s-01', '浏览器测试：档案中的开学督导');
    await completeOpenTask('school01', basicSelfCheck());
    await completeOpenTask('duxue1', basicReview());
    const campaignId = await launchKaixue('s-02', '浏览器测试：待催办的开学督导');
    await suite.platform.api('admin', {
      method: 'POST',
      url: `/api/campaigns/${campaignId}/remind`,
      payload: { message: '请尽快完成开学自查。' },
    });

    const { page, problems } = await openPage(suite.browser, suite.platform.origin);
    await page.goto(suite.platform.origin);
    await logIn(page, 'duxue1');
    await page.getByRole('link', { name: '挂牌学校' }).click();
    await page.getByRole('link', { name: /青山县实验小学/ }).click();
    const record = page.locator('article', { hasText: '浏览器测试：档案中的开学督导' });
    await record.getByText('✓ 学校开学工作自查').waitFor();
    await record.getByText('✓ 责任督学审核自查报告').waitFor();
    await screenshot(page, 'inspector-school-profile');
    await record.getByRole('link', { name: '查看提交' }).first().click();
    await page.getByText('本校开学各项准备工作已全部落实，师生按时到岗到校。').waitFor();
    await logOut(page);

    await logIn(page, 'school02');
    await page.getByRole('link', { name: '通知' }).click();
    await page
      .getByRole('list', { name: '通知列表' })
      .getByText(/请尽快完成开学自查。/)
      .waitFor();

    await page.getByRole('link', { name: /青山县城关第一小学联络员/ }).click();
    await page.getByLabel('当前密码').fill('Demo@2026');
    await page.getByLabel('新密码', { exact: true }).fill('Qingshan2026x');
    await page.getByLabel('再次输入新密码').fill('Qingshan2026x');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改。').waitFor();
    await logOut(page);
    await page.getByLabel('用户名').fill('school02');
    await page.getByLabel('密码').fill('Qingshan2026x');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();

    expect(problems).toEqual([]);
  });
});

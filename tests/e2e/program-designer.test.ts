import { useBrowserPlatform } from './browser-platform.js';
import { logIn, openPage, screenshot } from './browser-session.js';

interface VersionDetail {
  forms: Record<string, { components: { label?: string; type?: string; key?: string }[] }>;
  bpmn: string;
}

describe('the program designer in a real browser', () => {
  const suite = useBrowserPlatform();

  test('an office opens the platform’s 开学督导 in bpmn-js and the form builder, sees the linter stop a broken task, fixes it, adds a field and publishes it as its own program', async () => {
    const { page, problems, offsite } = await openPage(suite.browser, suite.platform.origin, {
      width: 1400,
      height: 900,
    });
    await page.goto(`${suite.platform.origin}/programs`);
    await logIn(page, 'admin');
    await page
      .getByRole('article', { name: '春/秋季开学工作专项督导', exact: true })
      .getByRole('link', { name: '在设计器中打开' })
      .click();

    // A county may not version the platform's program: the editor saves it under a new key as its own.
    await page.getByRole('note').filter({ hasText: '另存为本单位的新项目' }).waitFor();

    // The diagram with its properties panel beside the canvas; the bpmn.io watermark stays visible.
    const task = page.locator('[data-element-id="Task_SelfCheck"]');
    await task.waitFor();
    const canvas = await page.getByTestId('bpmn-canvas').boundingBox();
    const panel = await page.getByRole('complementary', { name: '属性' }).boundingBox();
    const watermark = page.locator('.bjs-powered-by');
    await watermark.waitFor();
    const mark = await watermark.boundingBox();
    expect(canvas && panel && mark).toBeTruthy();
    expect(panel!.x).toBeGreaterThanOrEqual(canvas!.x + canvas!.width - 1);
    expect(mark!.x + mark!.width).toBeLessThanOrEqual(panel!.x);
    // Nothing is laid over it: the topmost element at its centre is the watermark itself.
    await watermark.scrollIntoViewIfNeeded();
    const onTop = await page.evaluate(
      `(() => { const box = document.querySelector('.bjs-powered-by').getBoundingClientRect();
        return !!document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('.bjs-powered-by'); })()`,
    );
    expect(onTop).toBe(true);

    // Our group edits the Zeebe form of a user task; taking the form away is an error the linter reports.
    await task.click();
    const properties = page.getByRole('complementary', { name: '属性' });
    await properties.getByText('用户任务').first().waitFor();
    await properties.getByText('督导通：表单与办理角色').click();
    const formSelect = properties.getByLabel('填写的表单');
    await expect(formSelect.inputValue()).resolves.toBe('self-check');
    await formSelect.selectOption('');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '未通过检查' });
    await refusal.waitFor();
    const problemList = page.locator('[data-problems]');
    const formProblem = problemList.getByRole('listitem').filter({ hasText: 'Task_SelfCheck' }).first();
    await formProblem.getByText('错误').waitFor();
    await screenshot(page, 'designer-linter');
    await formProblem.getByRole('button', { name: '定位' }).click();
    await page.locator('.djs-element.selected[data-element-id="Task_SelfCheck"]').waitFor();
    await formSelect.selectOption('self-check');

    // The review form in the builder: no premium group, no Logic tab; a new field is added.
    await page.getByRole('button', { name: /^表单（/ }).click();
    await page.getByLabel('表单', { exact: true }).selectOption('county-review');
    const builder = page.locator('.formio-builder-form');
    await builder.waitFor();
    expect(await page.locator('[data-group="premium"], #group-premium').count()).toBe(0);
    expect(await page.locator('[data-type="editgrid"]').count()).toBe(0);
    await page
      .locator('[data-type="textfield"]')
      .first()
      .dragTo(page.locator('.builder-components.drag-container').first());
    const dialog = page.locator('.component-edit-container');
    await dialog.getByText('显示', { exact: true }).waitFor();
    expect(await dialog.getByText(/^(逻辑|Logic)$/).count()).toBe(0);
    await dialog.locator('input[name="data[label]"]').fill('复核备注');
    await screenshot(page, 'designer-form-builder');
    await dialog.getByRole('button', { name: '保存' }).click();
    await builder.getByText('复核备注').waitFor();

    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('已发布「春/秋季开学工作专项督导（本单位版）」第 1 版，可以下发了。').waitFor();
    await page.getByText('检查通过，没有发现问题。').waitFor();

    const published = await suite.platform.api<VersionDetail & { version: { ownerOfficeId: string | null } }>(
      'admin',
      { method: 'GET', url: '/api/programs/kaixue-local/versions/1' },
    );
    expect(published.version.ownerOfficeId).toBe('o-county');
    const platformVersions = await suite.platform.api<{ items: unknown[] }>('admin', {
      method: 'GET',
      url: '/api/programs/kaixue/versions',
    });
    expect(platformVersions.items).toHaveLength(1);
    const added = published.forms['county-review']?.components.find(
      (component) => component.label === '复核备注',
    );
    // A Chinese label gives no usable key, so the field is keyed by its type.
    expect(added).toMatchObject({ type: 'textfield', key: 'textfield' });
    expect(published.bpmn).toContain('formId="self-check"');

    // The one refusal the test provokes (publishing with the linter's error) is logged by Chromium as a 400.
    expect(problems.filter((problem) => !/status of 400/.test(problem))).toEqual([]);
    expect(offsite).toEqual([]);
  });
});

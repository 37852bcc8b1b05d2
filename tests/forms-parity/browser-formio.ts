import { createRequire } from 'node:module';
import { zhCN } from '@ddt/forms';
import { type Browser, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** A form and the data put into it, as the browser test runs them. */
export interface BrowserCase {
  form: Record<string, unknown>;
  data: Record<string, unknown>;
}

/** What the browser made of a case: the errors it shows on submit and the data it would send. */
export interface BrowserOutcome {
  errors: { path: string; key: string; rule: string; message: string }[];
  data: Record<string, unknown>;
}

/** The renderer's language options as the designer sets them: English table, our Chinese over it. */
export function formioLanguage(): Record<string, unknown> {
  const english = require('@formio/js/lib/cjs/translations/en').default as Record<string, string>;
  return { language: 'zh-CN', i18n: { 'zh-CN': { ...english, ...zhCN } } };
}

/** Debian's chromium, offline, with @formio/js 5.6 (the renderer bundle the designer ships) loaded in a page. */
export async function openFormioPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage();
  // Form.io reads cookies, which an about:blank page may not; serve a real (intercepted) origin instead.
  await page.route('http://forms-parity.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="form"></div></body></html>',
    }),
  );
  await page.goto('http://forms-parity.test/');
  await page.addScriptTag({ path: require.resolve('@formio/js/dist/formio.form.min.js') });
  return { browser, page };
}

/**
 * Page-side runner, plain JavaScript (a string, so no transpiler helper ends up in the page). For each case
 * it renders the form with `Formio.createForm`, loads the data with `setSubmission`, waits until the
 * debounced change handling (conditions, calculations) is quiet, submits, and records the errors the submit
 * rejected with and the data the form would send.
 */
const PAGE_RUNNER = `
window.runParityCases = async function (cases, options) {
  const host = document.getElementById('form');
  async function settle(form) {
    let quietSince = Date.now();
    const started = Date.now();
    while (Date.now() - started < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      if (form.changing) quietSince = Date.now();
      else if (Date.now() - quietSince > 130) return;
    }
  }
  const outcomes = [];
  for (const item of cases) {
    host.innerHTML = '';
    const form = await Formio.createForm(host, item.form, Object.assign({}, options, { noAlerts: true }));
    await form.setSubmission({ data: structuredClone(item.data) });
    await settle(form);
    let errors = [];
    try {
      await form.submit();
    } catch (rejection) {
      errors = Array.isArray(rejection) ? rejection : [rejection];
    }
    outcomes.push({
      errors: errors.map((error) => ({
        path: String((error && error.context && error.context.path) || (error && error.path) || ''),
        key: String((error && error.component && error.component.key) || (error && error.context && error.context.key) || ''),
        rule: String((error && error.ruleName) || ''),
        message: String((error && error.message) || error),
      })),
      data: JSON.parse(JSON.stringify(form.submission.data)),
    });
    form.destroy(true);
  }
  return outcomes;
};
`;

/** Runs the cases in the page, one after the other, and returns what the browser made of each. */
export async function runInBrowser(page: Page, cases: BrowserCase[]): Promise<BrowserOutcome[]> {
  await page.addScriptTag({ content: PAGE_RUNNER });
  return page.evaluate(
    ([list, options]) =>
      (
        globalThis as unknown as { runParityCases: (...args: unknown[]) => Promise<BrowserOutcome[]> }
      ).runParityCases(list, options),
    [cases, formioLanguage()] as const,
  );
}

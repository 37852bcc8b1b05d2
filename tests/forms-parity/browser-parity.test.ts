import { compileForm, validateSubmission } from '@ddt/forms';
import type { Browser, Page } from 'playwright-core';
import { type BrowserOutcome, openFormioPage, runInBrowser } from './browser-formio.js';
import { parityCases } from './parity-cases.js';
import { referenceEngineForm } from './parity-forms.js';

/**
 * The browser and the server must tell a user the same thing. Each case is rendered by @formio/js 5.6 in
 * Debian's Chromium from the compiled form (the version the server publishes), its data set and submitted
 * there; the data the browser would send is then validated by the server. Both error lists must be equal:
 * same paths, same rules, same zh-CN texts.
 */
describe('validation parity between @formio/js in Chromium and the server', () => {
  let browser: Browser;
  let page: Page;
  let outcomes: BrowserOutcome[];

  beforeAll(async () => {
    ({ browser, page } = await openFormioPage());
    const cases = parityCases.map(({ form, data }) => ({ form: { ...compileForm(form).form }, data }));
    outcomes = await runInBrowser(page, cases);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const summary = (errors: { path: string; rule: string; message: string }[]) =>
    errors.map(({ path, rule, message }) => `${path} | ${rule} | ${message}`).sort();

  test.each(parityCases.map((item, index) => [item.name, index] as const))('%s', (_name, index) => {
    const item = parityCases[index]!;
    const outcome = outcomes[index]!;
    // The selectboxes component also lists its count message once more without a path, for display only.
    const browserErrors = outcome.errors.filter(
      (error) => error.path || !outcome.errors.some((other) => other.path && other.message === error.message),
    );
    const compiled = compileForm(item.form);
    expect(compiled.engine).toBe(item.form === referenceEngineForm ? 'reference' : 'fast');
    const result = validateSubmission(compiled, outcome.data);
    const serverErrors = result.ok ? [] : result.errors;

    expect(summary(serverErrors)).toEqual(summary(browserErrors));
    expect(serverErrors.map((error) => `${error.path}:${error.rule}`).sort()).toEqual(
      [...item.expects].sort(),
    );
  });
});

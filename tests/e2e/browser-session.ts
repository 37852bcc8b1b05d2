import { join } from 'node:path';
import { DEMO_PASSWORD } from '@ddt/server';
import type { Browser, Locator, Page } from 'playwright-core';
import { screenshotDir } from './browser-platform.js';

export const cjk = /[\u4e00-\u9fff]/;

/** A phone-sized page in Chinese that records everything that went wrong in it and every offsite request. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and Content-Security-Policy violations, in order. */
  problems: string[];
  /** Requests that left the platform's origin (must stay empty: offices run on intranets). */
  offsite: string[];
}

export async function openPage(
  browser: Browser,
  origin: string,
  viewport = { width: 390, height: 844 },
): Promise<WatchedPage> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport });
  page.setDefaultTimeout(10_000);
  const watched: WatchedPage = { page, problems: [], offsite: [] };
  page.on('console', (message) => {
    // A signed-out page asks /api/me first; Chromium logs that expected 401 as an error.
    if (message.type() === 'error' && !/status of 401/.test(message.text()))
      watched.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      watched.offsite.push(url);
  });
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return watched;
}

/** Logs in on the login page that any path shows to a signed-out user. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').waitFor();
}

/** Saves a screenshot (the full page, or the viewport around `focus`) under `screenshotDir`; returns its path. */
export async function screenshot(page: Page, name: string, focus?: Locator): Promise<string> {
  const path = join(screenshotDir, `${name}.png`);
  if (focus) {
    await focus.scrollIntoViewIfNeeded();
    await page.screenshot({ path });
  } else {
    await page.screenshot({ path, fullPage: true });
  }
  return path;
}

/** Picks a file through a Form.io file component's 浏览文件 link (Form.io creates the file input on click). */
export async function chooseFile(
  component: Locator,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const chooser = component.page().waitForEvent('filechooser');
  await component.getByRole('link', { name: /浏览文件/ }).click();
  await (await chooser).setFiles(file);
}

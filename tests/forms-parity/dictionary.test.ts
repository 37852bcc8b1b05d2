import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { zhCN } from '@ddt/forms';

const require = createRequire(import.meta.url);
const rendererEnglish = require('@formio/js/lib/cjs/translations/en').default as Record<string, string>;
// @formio/core's validation messages are not exported; read them from the file the package ships.
const coreEnglish = require(join(dirname(require.resolve('@formio/core')), 'process/validation/i18n/en.js'))
  .EN_ERRORS as Record<string, string>;

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]).sort();

describe('the shared zh-CN dictionary', () => {
  test('translates every string of @formio/js 5.6 and every validation message of @formio/core 2.8', () => {
    const missing = [...Object.keys(rendererEnglish), ...Object.keys(coreEnglish)].filter(
      (key) => !Object.hasOwn(zhCN, key),
    );
    expect(missing).toEqual([]);
  });

  test('keeps the placeholders of each English validation message', () => {
    const changed = Object.entries(coreEnglish)
      .filter(
        ([key, english]) =>
          JSON.stringify(placeholders(english)) !== JSON.stringify(placeholders(zhCN[key] ?? '')),
      )
      .map(([key]) => key);
    // `time` is "Invalid time" in the renderer's table, without a placeholder; the pattern messages leave the
    // regular expression out on purpose: a school user cannot read `1[3-9]\d{9}`.
    expect(changed.sort()).toEqual(['invalid_regex', 'pattern', 'time']);
  });
});

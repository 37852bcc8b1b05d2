import { htmlToText } from './html-text.js';
import { readPath } from './object-path.js';
import { zhCN } from './zh-CN.js';

export type Dictionary = Readonly<Record<string, string>>;

/**
 * Renders a message exactly as @formio/js 5.6 does in the browser (`Component.t` → `I18n.t` →
 * `Evaluator.interpolateString`, then `unescapeHTML`), except that a `{{ f(x) }}` call is never evaluated:
 * checkFormSafety refuses such templates, so the two sides never differ on them.
 *
 * - the text is looked up in the dictionary; without a translation it is used as written;
 * - a translated message also translates its `field` when the label itself is a dictionary key;
 * - `{{ a.b || c }}` takes the first truthy path; a missing value prints as `undefined`, like the browser.
 */
export function translate(
  text: string,
  params: Record<string, unknown>,
  dictionary: Dictionary = zhCN,
): string {
  if (!text) return '';
  const translation = Object.hasOwn(dictionary, text) ? dictionary[text] : undefined;
  let template = text;
  if (translation) {
    template = translation;
    const field = params.field;
    if (typeof field === 'string' && field && Object.hasOwn(dictionary, field) && dictionary[field]) {
      params = { ...params, field: dictionary[field] };
    }
  }
  return htmlToText(interpolate(template, params));
}

export function interpolate(template: string, params: Record<string, unknown>): string {
  if (!template.includes('{{')) return template;
  return template.replace(/({{\s*(.*?)\s*}})/g, (_match, _whole, expression: string) => {
    const alternatives = expression.replace(/\?\./g, '.').split('||');
    let value: unknown = '';
    for (const alternative of alternatives) {
      value = readPath(params, alternative.trim());
      if (value) break;
    }
    return String(value);
  });
}

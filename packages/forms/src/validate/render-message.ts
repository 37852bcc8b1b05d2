import type { FormComponent } from '../components/form-component.js';
import { isPlainObject } from '../components/form-component.js';
import { translate } from '../i18n/translate.js';

/**
 * The text of one validation error, built the way @formio/js builds it in the browser: the component's own
 * `errors[<key>]` text if it has one, else the key (or custom message) looked up in the zh-CN dictionary,
 * with `{{field}}`, `{{min}}`, `{{data.x}}` … filled in.
 */
export function renderMessage(
  component: FormComponent,
  errorKeyOrMessage: string,
  params: Record<string, unknown>,
): string {
  const own = isPlainObject(component.errors) ? component.errors[errorKeyOrMessage] : undefined;
  const template = typeof own === 'string' && own ? own : errorKeyOrMessage;
  return translate(template, { ...params, component });
}

import zn from 'bpmn-js-i18n/translations/zn';
import { zhProperties } from './zhProperties.js';

const dictionary: Record<string, string> = { ...zn, ...zhProperties };

/** diagram-js `translate`: the Chinese text for an English source string, with `{name}` placeholders filled. */
export function translateToChinese(template: string, replacements: Record<string, string> = {}): string {
  const text = dictionary[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}

/** Replaces diagram-js's translate service for the modeler, its palette, menus and the properties panel. */
export const translateModule = { translate: ['value', translateToChinese] };

import { zhCN } from '@ddt/forms/i18n';
import { Formio } from '@formio/js/form';
import formioI18nModule from '@formio/js/lib/cjs/i18n';
import '@formio/js/dist/formio.form.min.css';
import 'bootstrap-icons/font/bootstrap-icons.css';
import { evidenceStorage } from './evidenceStorage.js';

// Loaded only with the pages that render forms: everything Form.io needs in the browser, set up once.

// Our forms are JSONLogic only (JavaScript is refused when a program is published), so Form.io never needs
// to compile strings into code: with noeval it interpolates label templates without `new Function`, and
// the pages run under a Content-Security-Policy without 'unsafe-eval'.
Formio.Evaluator.noeval = true;

// Offices run on intranets: flatpickr, its zh-CN locale, moment-timezone data and ace come from our own
// server (copied into the build by vite-plugins/formio-cdn-assets.ts), never from cdn.form.io.
Formio.cdn.setBaseUrl(`${window.location.origin}/formio-cdn`);

// `storage: "url"` file components upload evidence to /api/files through our provider.
Formio.Providers.addProvider('storage', 'url', evidenceStorage);

// A language given through options has no English fallback, so untranslated keys would show raw
// (`dropFilesToAttach`); merge our Chinese over the English table.
// The CommonJS module sets `exports.default`; bundlers differ on whether a default import unwraps it.
const formioI18n =
  'resources' in formioI18nModule
    ? formioI18nModule
    : (formioI18nModule as unknown as { default: typeof formioI18nModule }).default;
const english: Record<string, string> = formioI18n.resources.en.translation;

export const FORMIO_LANGUAGE = 'zh-CN' as const;

export const formioI18nOptions = {
  language: FORMIO_LANGUAGE,
  i18n: { [FORMIO_LANGUAGE]: { ...english, ...zhCN } },
};

export { Formio };

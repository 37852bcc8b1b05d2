import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Form.io loads some libraries at run time from `Formio.cdn` (flatpickr for dates, moment-timezone data,
 * ace for the builder's code editors). Offices run on intranets, so we serve them ourselves under
 * `/formio-cdn/`, copied from node_modules at build time (never committed) and served from memory by the
 * dev server. The layout mirrors cdn.form.io without version folders, which is what
 * `Formio.cdn.setBaseUrl(origin + '/formio-cdn')` expects.
 */
export const FORMIO_CDN_PREFIX = 'formio-cdn';

interface CdnAsset {
  /** Path under /formio-cdn/. */
  target: string;
  /** Module specifier of the source file. */
  source: string;
  /** Resolve `source` from this package instead of the designer, to get the version Form.io uses. */
  from?: string;
  /** Text appended to the copied file. */
  append?: string;
}

// Form.io waits for a global named `flatpickr-<language>` after loading the locale script; flatpickr's own
// locale file registers `l10ns.zh` only, so we alias it under the names Form.io looks for.
const FLATPICKR_ZH_CN_ALIAS =
  "\n;window.flatpickr.l10ns['zh-CN']=window.flatpickr.l10ns.zh;window['flatpickr-zh-CN']=window.flatpickr.l10ns.zh;\n";

// The builder's code editors: JSON (JSONLogic, component JSON), HTML (content components); JavaScript stays
// for Form.io's own defaults even though its JS panels are hidden under noeval.
const ACE_FILES = [
  'ace',
  'mode-javascript',
  'mode-json',
  'mode-html',
  'mode-css',
  'mode-handlebars',
  'worker-javascript',
  'worker-json',
  'worker-html',
  'worker-css',
  'theme-xcode',
];

const ASSETS: CdnAsset[] = [
  { target: 'flatpickr-formio/flatpickr.min.js', source: 'flatpickr/dist/flatpickr.min.js' },
  { target: 'flatpickr-formio/flatpickr.min.css', source: 'flatpickr/dist/flatpickr.min.css' },
  {
    target: 'flatpickr-formio/l10n/flatpickr-zh-CN.js',
    source: 'flatpickr/dist/l10n/zh.js',
    append: FLATPICKR_ZH_CN_ALIAS,
  },
  {
    target: 'moment-timezone/data/packed/latest.json',
    source: 'moment-timezone/data/packed/latest.json',
    from: '@formio/js',
  },
  ...ACE_FILES.map((name) => ({
    target: `ace/${name}.js`,
    source: `ace-builds/src-min-noconflict/${name}.js`,
  })),
];

function loadAssets(root: string): Map<string, Buffer> {
  const designerRequire = createRequire(join(root, 'package.json'));
  const files = new Map<string, Buffer>();
  for (const asset of ASSETS) {
    const resolver = asset.from ? createRequire(designerRequire.resolve(asset.from)) : designerRequire;
    const content = readFileSync(resolver.resolve(asset.source));
    files.set(asset.target, asset.append ? Buffer.concat([content, Buffer.from(asset.append)]) : content);
  }
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function formioCdnAssets(): Plugin {
  let root = process.cwd();
  return {
    name: 'ddt-formio-cdn-assets',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      const files = loadAssets(root);
      server.middlewares.use(`/${FORMIO_CDN_PREFIX}/`, (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        const content = files.get(path);
        if (!content) return next();
        res.setHeader(
          'Content-Type',
          CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
        );
        res.end(content);
      });
    },
    generateBundle() {
      for (const [target, source] of loadAssets(root)) {
        this.emitFile({ type: 'asset', fileName: `${FORMIO_CDN_PREFIX}/${target}`, source });
      }
    },
  };
}

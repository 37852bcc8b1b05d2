import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { PluginError } from '../errors/plugin-error.js';

const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Whether a spec names a folder (`./plugins/sms`, `/opt/ddt/sms`) rather than an npm package. */
export function isFolderSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec);
}

/**
 * The folder of the plugin a spec names: a folder path is taken relative to `baseDir`; a package name
 * is looked up the way Node finds packages, in `node_modules` of `baseDir` and of each folder above it.
 */
export async function locatePlugin(spec: string, baseDir: string): Promise<string> {
  if (isFolderSpec(spec)) {
    const dir = resolve(baseDir, spec);
    if (!(await isFile(join(dir, 'package.json')))) {
      throw new PluginError(
        'PLUGIN_ERR_NOT_FOUND',
        spec,
        null,
        `找不到插件文件夹 ${dir}（或其中没有 package.json）`,
        `no plugin folder at ${dir} (or it has no package.json)`,
      );
    }
    return realpath(dir);
  }
  if (!PACKAGE_NAME.test(spec)) {
    throw new PluginError(
      'PLUGIN_ERR_NOT_FOUND',
      spec,
      null,
      '既不是 npm 包名，也不是以 ./ 或 / 开头的文件夹路径',
      'is neither an npm package name nor a folder path starting with ./ or /',
    );
  }
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', spec);
    if (await isFile(join(candidate, 'package.json'))) return realpath(candidate);
    if (dirname(dir) === dir) break;
  }
  throw new PluginError(
    'PLUGIN_ERR_NOT_FOUND',
    spec,
    null,
    `在 ${resolve(baseDir)} 及其上级目录的 node_modules 中找不到这个包；请先 npm install ${spec}`,
    `package not found in node_modules of ${resolve(baseDir)} or above; run npm install ${spec} first`,
  );
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyTaskHandler } from '@ddt/engine';
import { PluginError } from '../errors/plugin-error.js';
import { handlerProblem } from './handler-problem.js';

/** Imports one handler file a manifest lists and checks that its default export is a task handler. */
export async function importHandler(plugin: string, dir: string, file: string): Promise<AnyTaskHandler> {
  const refuse = (code: 'PLUGIN_ERR_HANDLER_FILE' | 'PLUGIN_ERR_HANDLER_INVALID', zh: string, en: string) =>
    new PluginError(code, plugin, file, zh, en);
  const path = resolve(dir, file);
  const inside = relative(dir, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw refuse(
      'PLUGIN_ERR_HANDLER_FILE',
      '处理器文件必须位于插件文件夹之内（使用 ./dist/… 这样的相对路径）',
      'handler files must be inside the plugin folder (use a relative path such as ./dist/…)',
    );
  }
  if (!(await stat(path).catch(() => null))?.isFile()) {
    throw refuse(
      'PLUGIN_ERR_HANDLER_FILE',
      `找不到处理器文件 ${path}（是否忘了运行 npm run build？）`,
      `handler file ${path} does not exist (did you forget npm run build?)`,
    );
  }
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refuse('PLUGIN_ERR_HANDLER_FILE', `加载失败：${reason}`, `failed to import: ${reason}`);
  }
  const problem = handlerProblem(module.default);
  if (problem) throw refuse('PLUGIN_ERR_HANDLER_INVALID', problem.zh, problem.en);
  return module.default as AnyTaskHandler;
}

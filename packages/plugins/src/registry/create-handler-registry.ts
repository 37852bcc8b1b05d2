import { type AnyTaskHandler, HandlerRegistry } from '@ddt/engine';
import { PluginError } from '../errors/plugin-error.js';
import type { LoadedPlugin } from '../loading/load-plugins.js';

export const BUILT_IN = '内置 built-in';

export interface CreateHandlerRegistryArgs {
  /** The platform's own handlers (`createBuiltInHandlers`). */
  builtIns: readonly AnyTaskHandler[];
  /** What `loadPlugins` returned. */
  plugins: readonly LoadedPlugin[];
}

/**
 * The one registry the runtime runs jobs with and the publish check knows types from: built-ins first,
 * then each plugin's handlers. A type declared twice is a `PLUGIN_ERR_DUPLICATE_TYPE` naming both.
 */
export function createHandlerRegistry(args: CreateHandlerRegistryArgs): HandlerRegistry {
  const registry = new HandlerRegistry();
  const origin = new Map<string, { zh: string; en: string }>();
  const add = (handler: AnyTaskHandler, plugin: string, file: string | null) => {
    const first = origin.get(handler.type);
    if (first !== undefined) {
      throw new PluginError(
        'PLUGIN_ERR_DUPLICATE_TYPE',
        plugin,
        file,
        `处理器类型「${handler.type}」重复：已由${first.zh}注册；每个类型只能有一个处理器`,
        `handler type "${handler.type}" is already registered by ${first.en}; each type may have one handler only`,
      );
    }
    origin.set(
      handler.type,
      file
        ? { zh: `插件「${plugin}」（${file}）`, en: `plugin "${plugin}" (${file})` }
        : { zh: '平台内置处理器', en: 'a built-in handler' },
    );
    registry.register(handler);
  };
  for (const handler of args.builtIns) add(handler, BUILT_IN, null);
  for (const plugin of args.plugins) {
    for (const loaded of plugin.handlers) add(loaded.handler, plugin.spec, loaded.file);
  }
  return registry;
}

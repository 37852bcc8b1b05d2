import type { AnyTaskHandler } from '@ddt/engine';
import { importHandler } from './import-handler.js';
import { locatePlugin } from './locate-plugin.js';
import { readPluginPackage } from './read-plugin-package.js';

export interface LoadedHandler {
  type: string;
  /** The file as the manifest lists it. */
  file: string;
  handler: AnyTaskHandler;
}

export interface LoadedPlugin {
  /** As configured: a package name or a folder path. */
  spec: string;
  name: string;
  version: string | null;
  dir: string;
  handlers: LoadedHandler[];
}

export interface LoadPluginsOptions {
  /** Where folder specs are relative to, and where the search for packages' node_modules starts. */
  baseDir: string;
}

/**
 * Loads the plugins named in the server configuration, in order. Each spec is an npm package name
 * (`@acme/ddt-sms`, found in node_modules) or a folder (`./plugins/sms`); its package.json manifest
 * lists the handler files. Throws a `PluginError` naming the plugin and file at the first problem, so a
 * misconfigured server does not start. Duplicate types are checked when the registry is built
 * (`createHandlerRegistry`), where the built-in handlers are known too.
 */
export async function loadPlugins(
  specs: readonly string[],
  options: LoadPluginsOptions,
): Promise<LoadedPlugin[]> {
  const plugins: LoadedPlugin[] = [];
  for (const spec of specs) {
    const dir = await locatePlugin(spec, options.baseDir);
    const pkg = await readPluginPackage(spec, dir);
    const handlers: LoadedHandler[] = [];
    for (const file of pkg.manifest.handlers) {
      const handler = await importHandler(spec, dir, file);
      handlers.push({ type: handler.type, file, handler });
    }
    plugins.push({ spec, name: pkg.name, version: pkg.version, dir, handlers });
  }
  return plugins;
}

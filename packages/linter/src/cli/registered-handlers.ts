import { createBuiltInHandlers, createHandlerRegistry, loadPlugins } from '@ddt/plugins';
import { createSqliteStore } from '@ddt/store';
import type { TSchema } from '@sinclair/typebox';

export interface RegisteredHandlers {
  types: string[];
  outputs: Record<string, string[]>;
}

/**
 * The handler types a server would register: the built-ins and the plugins named in `PLUGINS` (as the
 * server reads it: comma-separated package names or folders, relative to the working directory).
 */
export async function registeredHandlers(
  pluginSpecs: string[],
  baseDir: string,
): Promise<RegisteredHandlers> {
  const store = createSqliteStore({ path: ':memory:' });
  try {
    const registry = createHandlerRegistry({
      builtIns: createBuiltInHandlers({ store }),
      plugins: await loadPlugins(pluginSpecs, { baseDir }),
    });
    const outputs: Record<string, string[]> = {};
    for (const type of registry.types()) {
      const schema = registry.get(type)?.output as (TSchema & { properties?: object }) | undefined;
      if (schema?.properties) outputs[type] = Object.keys(schema.properties);
    }
    return { types: registry.types(), outputs };
  } finally {
    await store.close();
  }
}

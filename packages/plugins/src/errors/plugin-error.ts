export type PluginErrorCode =
  /** The spec names no package that can be found from the base folder, or no folder. */
  | 'PLUGIN_ERR_NOT_FOUND'
  /** package.json is unreadable, has no `duodaotong` manifest, or the manifest is malformed. */
  | 'PLUGIN_ERR_MANIFEST'
  /** A handler file is missing, outside the plugin folder, or fails to import. */
  | 'PLUGIN_ERR_HANDLER_FILE'
  /** A handler file's default export is not a valid task handler. */
  | 'PLUGIN_ERR_HANDLER_INVALID'
  /** Two handlers (built-in or from plugins) declare the same type. */
  | 'PLUGIN_ERR_DUPLICATE_TYPE'
  /** A built-in handler's configuration (e.g. a webhook endpoint) is wrong. */
  | 'PLUGIN_ERR_CONFIG';

/**
 * Why the platform refuses to start with the configured plugins. The message is Chinese, then English,
 * and names the plugin and the file, because the person reading it is an operator at a terminal.
 */
export class PluginError extends Error {
  override readonly name = 'PluginError';
  constructor(
    readonly code: PluginErrorCode,
    /** The plugin as configured in `PLUGINS` (package name or folder), or `内置 built-in`. */
    readonly plugin: string,
    /** The file concerned (package.json or a handler file), or null. */
    readonly file: string | null,
    readonly zh: string,
    readonly en: string,
  ) {
    const where = file ? `，文件 ${file}` : '';
    const whereEn = file ? `, file ${file}` : '';
    super(`插件「${plugin}」${where}：${zh}\nPlugin "${plugin}"${whereEn}: ${en}`);
  }
}

export function isPluginError(error: unknown, code?: PluginErrorCode): error is PluginError {
  return error instanceof PluginError && (code === undefined || error.code === code);
}

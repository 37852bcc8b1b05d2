import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  PLUGIN_API_VERSION,
  PLUGIN_MANIFEST_FIELD,
  type PluginManifest,
  PluginManifestSchema,
} from '@ddt/sdk';
import { Value } from '@sinclair/typebox/value';
import { PluginError } from '../errors/plugin-error.js';

export interface PluginPackage {
  /** The package name, or the spec when package.json has none. */
  name: string;
  version: string | null;
  /** The plugin folder (real path). */
  dir: string;
  manifest: PluginManifest;
}

/** Reads a plugin folder's package.json and checks its `duodaotong` manifest. */
export async function readPluginPackage(spec: string, dir: string): Promise<PluginPackage> {
  const refuse = (zh: string, en: string) =>
    new PluginError('PLUGIN_ERR_MANIFEST', spec, 'package.json', zh, en);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  } catch (error) {
    throw refuse(
      `无法读取或解析：${(error as Error).message}`,
      `cannot be read or parsed: ${(error as Error).message}`,
    );
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw refuse('不是 JSON 对象', 'is not a JSON object');
  }
  const pkg = json as Record<string, unknown>;
  const manifest = pkg[PLUGIN_MANIFEST_FIELD];
  if (manifest === undefined) {
    throw refuse(
      `没有 "${PLUGIN_MANIFEST_FIELD}" 字段，不是督导通插件（应为 { "apiVersion": ${PLUGIN_API_VERSION}, "handlers": ["./dist/…js"] }）`,
      `has no "${PLUGIN_MANIFEST_FIELD}" field, so it is not a 督导通 plugin (expected { "apiVersion": ${PLUGIN_API_VERSION}, "handlers": ["./dist/….js"] })`,
    );
  }
  const apiVersion = (manifest as { apiVersion?: unknown } | null)?.apiVersion;
  if (apiVersion !== PLUGIN_API_VERSION) {
    throw refuse(
      `"${PLUGIN_MANIFEST_FIELD}.apiVersion" 为 ${JSON.stringify(apiVersion)}，本平台只支持 ${PLUGIN_API_VERSION}`,
      `"${PLUGIN_MANIFEST_FIELD}.apiVersion" is ${JSON.stringify(apiVersion)}; this platform supports ${PLUGIN_API_VERSION} only`,
    );
  }
  const error = Value.Errors(PluginManifestSchema, manifest).First();
  if (error) {
    const path = `${PLUGIN_MANIFEST_FIELD}${error.path.replaceAll('/', '.')}`;
    throw refuse(
      `"${path}" 不符合插件清单格式：${error.message}（handlers 须为非空、不重复的 .js 文件路径列表）`,
      `"${path}" breaks the manifest format: ${error.message} (handlers must be a non-empty list of distinct .js paths)`,
    );
  }
  return {
    name: typeof pkg.name === 'string' && pkg.name !== '' ? pkg.name : spec,
    version: typeof pkg.version === 'string' ? pkg.version : null,
    dir,
    manifest: manifest as PluginManifest,
  };
}

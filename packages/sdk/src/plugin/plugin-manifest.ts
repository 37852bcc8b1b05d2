import { type Static, Type } from '@sinclair/typebox';

/** The manifest version this SDK writes and the platform reads. */
export const PLUGIN_API_VERSION = 1;

/** The package.json field that makes a package a 督导通 plugin. */
export const PLUGIN_MANIFEST_FIELD = 'duodaotong';

/**
 * What a plugin declares in its package.json under `"duodaotong"`: each file's default export is one
 * task handler (`defineTaskHandler`), so the platform can load handlers without running anything else.
 *
 * @example
 * "duodaotong": { "apiVersion": 1, "handlers": ["./dist/handlers/send-sms.js"] }
 */
export const PluginManifestSchema = Type.Object(
  {
    apiVersion: Type.Literal(PLUGIN_API_VERSION),
    /** Paths relative to the package folder (inside it), usually built files under `./dist`. */
    handlers: Type.Array(Type.String({ minLength: 1, pattern: '\\.(c|m)?js$' }), {
      minItems: 1,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
export type PluginManifest = Static<typeof PluginManifestSchema>;

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDefinition } from '@ddt/engine';
import { createSqliteStore } from '@ddt/store';
import {
  createBuiltInHandlers,
  createHandlerRegistry,
  isPluginError,
  loadPlugins,
  type PluginErrorCode,
} from '../src/index.js';
import { buildExamplePlugin, fixturePluginsDir, packagesDir } from './support/example-plugin.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';

beforeAll(() => buildExamplePlugin());

const builtIns = () => createBuiltInHandlers({ store: createSqliteStore({ path: ':memory:' }) });

/** The PluginError a load throws (or the test fails). */
async function loadError(specs: string[], baseDir = fixturePluginsDir) {
  try {
    const plugins = await loadPlugins(specs, { baseDir });
    createHandlerRegistry({ builtIns: builtIns(), plugins });
  } catch (error) {
    if (isPluginError(error)) return error;
    throw error;
  }
  throw new Error('expected the plugins to be refused');
}

test('a plugin is found by npm package name or by folder, and its handlers join the built-ins', async () => {
  const byName = await loadPlugins(['@ddt/plugin-example-sms'], { baseDir: packagesDir });
  const byFolder = await loadPlugins(['./plugin-example-sms'], { baseDir: packagesDir });
  expect(byName).toEqual([
    expect.objectContaining({
      spec: '@ddt/plugin-example-sms',
      name: '@ddt/plugin-example-sms',
      version: '0.1.0',
      dir: `${packagesDir}plugin-example-sms`,
      handlers: [expect.objectContaining({ type: 'example.sms-send', file: './dist/handlers/send-sms.js' })],
    }),
  ]);
  expect(byFolder[0]?.dir).toBe(byName[0]?.dir);

  const registry = createHandlerRegistry({ builtIns: builtIns(), plugins: byName });
  expect(registry.types()).toEqual([
    'assessment.score',
    'document.generate',
    'example.sms-send',
    'notice.publish',
    'notify.send',
    'rollup.collect',
    'sample.draw',
    'webhook.post',
  ]);
});

test('the publish check knows every registered type, the plugins’ included', async () => {
  const plugins = await loadPlugins(['./plugin-example-sms'], { baseDir: packagesDir });
  const handlerTypes = createHandlerRegistry({ builtIns: builtIns(), plugins }).types();
  const uses = (type: string) => serviceTaskBpmn({ type, inputs: {} });

  expect(await checkDefinition(uses('example.sms-send'), { handlerTypes })).toEqual([]);
  expect(await checkDefinition(uses('notify.send'), { handlerTypes })).toEqual([]);
  expect(await checkDefinition(uses('acme.fax-send'), { handlerTypes })).toEqual([
    expect.objectContaining({ code: 'DEF_HANDLER_UNKNOWN', elementId: 'job' }),
  ]);
});

test('no plugins configured gives the built-ins alone', async () => {
  const registry = createHandlerRegistry({
    builtIns: builtIns(),
    plugins: await loadPlugins([], { baseDir: '.' }),
  });
  expect(registry.types()).toEqual([
    'assessment.score',
    'document.generate',
    'notice.publish',
    'notify.send',
    'rollup.collect',
    'sample.draw',
    'webhook.post',
  ]);
});

const refusals: [string, string[], PluginErrorCode, string | null][] = [
  ['a type a built-in already has', ['./claims-notify'], 'PLUGIN_ERR_DUPLICATE_TYPE', './handlers/notify.js'],
  [
    'a type another plugin already has',
    ['./careless-echo', './echo-twice'],
    'PLUGIN_ERR_DUPLICATE_TYPE',
    './handlers/echo-length.js',
  ],
  ['a package.json without a manifest', ['./no-manifest'], 'PLUGIN_ERR_MANIFEST', 'package.json'],
  ['a manifest of another API version', ['./future-api'], 'PLUGIN_ERR_MANIFEST', 'package.json'],
  [
    'a manifest whose handlers are not a list',
    ['./handlers-not-a-list'],
    'PLUGIN_ERR_MANIFEST',
    'package.json',
  ],
  [
    'a handler file that was never built',
    ['./not-built'],
    'PLUGIN_ERR_HANDLER_FILE',
    './dist/handlers/send.js',
  ],
  [
    'a handler file outside the plugin folder',
    ['./reaches-outside'],
    'PLUGIN_ERR_HANDLER_FILE',
    '../careless-echo/handlers/echo-length.js',
  ],
  [
    'a handler file that throws when imported',
    ['./throws-on-import'],
    'PLUGIN_ERR_HANDLER_FILE',
    './handlers/boom.js',
  ],
  [
    'a handler file without a default export',
    ['./named-export-only'],
    'PLUGIN_ERR_HANDLER_INVALID',
    './handlers/named.js',
  ],
  [
    'a handler whose type is not a task type',
    ['./bad-type'],
    'PLUGIN_ERR_HANDLER_INVALID',
    './handlers/bad-type.js',
  ],
  [
    'a handler whose schemas are not TypeBox',
    ['./plain-json-schema'],
    'PLUGIN_ERR_HANDLER_INVALID',
    './handlers/plain.js',
  ],
  ['a folder that does not exist', ['./no-such-plugin'], 'PLUGIN_ERR_NOT_FOUND', null],
  ['a package that is not installed', ['@acme/ddt-not-installed'], 'PLUGIN_ERR_NOT_FOUND', null],
  ['a spec that is neither a package nor a folder', ['Not A Package!'], 'PLUGIN_ERR_NOT_FOUND', null],
];

test.each(refusals)(
  'the start is refused for %s, naming the plugin and the file',
  async (_, specs, code, file) => {
    const error = await loadError(specs);
    expect(error.code).toBe(code);
    expect(error.file).toBe(file);
    const plugin = specs.at(-1)!;
    expect(error.plugin).toBe(plugin);
    // Chinese first, then English, each naming the plugin (and the file when there is one).
    const [zh, en] = error.message.split('\n');
    expect(zh).toMatch(/^插件「/);
    expect(en).toMatch(/^Plugin "/);
    for (const line of [zh, en]) {
      expect(line).toContain(plugin);
      if (file) expect(line).toContain(file);
    }
  },
);

test('a duplicate says which plugin and file registered the type first', async () => {
  const error = await loadError(['./careless-echo', './echo-twice']);
  expect(error.plugin).toBe('./echo-twice');
  expect(error.message).toContain('./careless-echo');
});

test('a package.json that is not JSON is refused as a bad manifest', async () => {
  // Made at run time: a broken package.json in the repository would break Jest's own file scan.
  const base = await mkdtemp(join(tmpdir(), 'ddt-plugins-'));
  try {
    await mkdir(join(base, 'broken-json'));
    await writeFile(join(base, 'broken-json', 'package.json'), '{ "name": "broken-json", "duodaotong": {');
    const error = await loadError(['./broken-json'], base);
    expect(error).toMatchObject({
      code: 'PLUGIN_ERR_MANIFEST',
      plugin: './broken-json',
      file: 'package.json',
    });
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});

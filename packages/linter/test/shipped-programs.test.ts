import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registeredHandlers } from '../src/cli/registered-handlers.js';
import { lintProgramFolder } from '../src/index.js';

const definitions = resolve(dirname(fileURLToPath(import.meta.url)), '../../../definitions');
const folders = readdirSync(definitions, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(definitions, entry.name, 'program.json')))
  .map((entry) => entry.name);

test('the six shipped programs are there to lint', () => {
  for (const folder of ['kaixue', 'shuangjian', 'youeryuan', 'yiqing', 'guapai', 'zonghe']) {
    expect(folders).toContain(folder);
  }
});

test.each(folders)('definitions/%s lints clean against the built-in handlers', async (folder) => {
  const handlers = await registeredHandlers([], process.cwd());
  const linted = await lintProgramFolder(join(definitions, folder), {
    handlerTypes: handlers.types,
    handlerOutputs: handlers.outputs,
  });
  const shown = linted.problems.map(
    (p) => `${p.code} ${p.file}#${p.elementId ?? ''}[${p.componentKey ?? ''}]`,
  );
  expect(shown).toEqual([]);
});

/**
 * `npm run lint:definitions [-- <program folders>]`: lints the given program folders (default: every
 * folder of definitions/ that has a program.json) against the handlers a server would register (built-ins
 * and the plugins in `PLUGINS`). Prints every problem and exits 1 if any is an error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { LintProblem } from '../lint-problem.js';
import { lintProgramFolder } from '../lint-program-folder.js';
import { registeredHandlers } from './registered-handlers.js';

function programFolders(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'program.json')))
    .map((entry) => join(root, entry.name))
    .sort();
}

function format(folder: string, problem: LintProblem): string {
  const mark = problem.severity === 'error' ? '✗ 错误' : '! 警告';
  const where = [
    join(folder, problem.file),
    problem.elementId ? `#${problem.elementId}` : '',
    problem.componentKey ? ` [${problem.componentKey}]` : '',
  ].join('');
  return `  ${mark} ${problem.code} ${where}\n      ${problem.message}`;
}

async function main(): Promise<number> {
  const cwd = process.cwd();
  const args = process.argv.slice(2);
  const folders =
    args.length > 0 ? args.map((arg) => resolve(cwd, arg)) : programFolders(resolve(cwd, 'definitions'));
  const plugins = (process.env.PLUGINS ?? '')
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean);
  const handlers = await registeredHandlers(plugins, cwd);
  console.log(`处理器类型：${handlers.types.join('、')}`);
  let errors = 0;
  let warnings = 0;
  for (const folder of folders) {
    const linted = await lintProgramFolder(folder, {
      handlerTypes: handlers.types,
      handlerOutputs: handlers.outputs,
    });
    const shown = relative(cwd, folder) || folder;
    const folderErrors = linted.problems.filter((p) => p.severity === 'error').length;
    const folderWarnings = linted.problems.length - folderErrors;
    errors += folderErrors;
    warnings += folderWarnings;
    console.log(
      `${folderErrors === 0 ? '✓' : '✗'} ${shown}：${folderErrors} 个错误，${folderWarnings} 个警告`,
    );
    for (const problem of linted.problems) console.log(format(shown, problem));
  }
  console.log(`共检查 ${folders.length} 个督导方案：${errors} 个错误，${warnings} 个警告`);
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);

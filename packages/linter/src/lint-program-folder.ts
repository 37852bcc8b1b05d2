import { loadProgramFolder, type ProgramBundle, ProgramBundleError } from '@ddt/program';
import type { LintProblem } from './lint-problem.js';
import { lintProblem } from './lint-problem.js';
import { type LintProgramOptions, lintProgram } from './lint-program.js';

export interface LintedFolder {
  folder: string;
  /** Null when the folder could not be read (its problem says why). */
  bundle: ProgramBundle | null;
  problems: LintProblem[];
}

/** Reads a program folder and lints it; a folder that cannot be read is one `LINT_ERR_MANIFEST`/`LINT_ERR_FILE`. */
export async function lintProgramFolder(
  folder: string,
  options: LintProgramOptions = {},
): Promise<LintedFolder> {
  let bundle: ProgramBundle;
  try {
    bundle = await loadProgramFolder(folder);
  } catch (error) {
    if (!(error instanceof ProgramBundleError)) throw error;
    const code = error.code === 'PROGRAM_ERR_MANIFEST' ? 'LINT_ERR_MANIFEST' : 'LINT_ERR_FILE';
    const file = error.file.slice(folder.length).replace(/^[/\\]/, '') || error.file;
    return { folder, bundle: null, problems: [lintProblem(code, { file }, error.message)] };
  }
  return { folder, bundle, problems: await lintProgram(bundle, options) };
}

import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ProgramManifestSchema } from './manifest.js';

/** A program as authored: program.json, process.bpmn and forms/<id>.json (the README is documentation). */
export const ProgramBundleSchema = Type.Object(
  {
    manifest: ProgramManifestSchema,
    bpmn: Type.String({ minLength: 1 }),
    forms: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type ProgramBundle = Static<typeof ProgramBundleSchema>;

export class ProgramBundleError extends Error {
  override readonly name = 'ProgramBundleError';
  constructor(
    readonly code: 'PROGRAM_ERR_MANIFEST' | 'PROGRAM_ERR_FILE',
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** Reads a program folder from disk. Checks the manifest's shape; the definitions linter checks the rest. */
export async function loadProgramFolder(dir: string): Promise<ProgramBundle> {
  const manifestFile = join(dir, 'program.json');
  const manifest: unknown = await readJson(manifestFile);
  const firstError = Value.Errors(ProgramManifestSchema, manifest).First();
  if (firstError) {
    throw new ProgramBundleError(
      'PROGRAM_ERR_MANIFEST',
      `program.json 格式错误：${firstError.path || '/'} ${firstError.message}`,
      manifestFile,
    );
  }
  const bpmn = await readFile(join(dir, 'process.bpmn'), 'utf8');
  const forms: ProgramBundle['forms'] = {};
  const formFiles = (await readdir(join(dir, 'forms'))).filter((name) => name.endsWith('.json')).sort();
  for (const name of formFiles) {
    forms[basename(name, '.json')] = (await readJson(join(dir, 'forms', name))) as Record<string, unknown>;
  }
  return { manifest: manifest as ProgramBundle['manifest'], bpmn, forms };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ProgramBundleError('PROGRAM_ERR_FILE', `找不到文件 ${basename(file)}`, file);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProgramBundleError(
      'PROGRAM_ERR_FILE',
      `${basename(file)} 不是合法的 JSON：${(error as Error).message}`,
      file,
    );
  }
}

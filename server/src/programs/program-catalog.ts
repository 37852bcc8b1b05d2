import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compileDefinition } from '@ddt/engine';
import { type CompiledForm, checkFormSafety, compileForm } from '@ddt/forms';
import { loadProgramFolder, type ProgramBundle } from '@ddt/program';
import type { ProgramVersion, Store } from '@ddt/store';
import { AppError } from '../errors/app-error.js';

/**
 * Publishes program bundles as immutable versions and hands out their compiled forms. Publishing the
 * same content again creates nothing; changed content becomes the next version.
 */
export class ProgramCatalog {
  readonly #forms = new Map<string, CompiledForm>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async publish(
    bundle: ProgramBundle,
    publishedBy: string | null,
  ): Promise<{ version: ProgramVersion; created: boolean }> {
    await checkBundle(bundle);
    const latest = await this.store.getLatestProgramVersion(bundle.manifest.key);
    if (latest && sameContent(latest, bundle)) return { version: latest, created: false };
    const number = (await this.store.listProgramVersions(bundle.manifest.key)).reduce(
      (highest, version) => Math.max(highest, version.version),
      0,
    );
    const version: ProgramVersion = {
      id: `${bundle.manifest.key}@${number + 1}`,
      key: bundle.manifest.key,
      version: number + 1,
      name: bundle.manifest.name,
      manifest: bundle.manifest as unknown as Record<string, unknown>,
      bpmn: bundle.bpmn,
      forms: bundle.forms,
      status: 'active',
      publishedAt: this.now().toISOString(),
      publishedBy,
    };
    await this.store.createProgramVersion(version);
    return { version, created: true };
  }

  /** Publishes every program folder (one holding a program.json) under `dir`. */
  async publishFolder(dir: string): Promise<ProgramVersion[]> {
    const published: ProgramVersion[] = [];
    for (const name of (await readdir(dir)).sort()) {
      const folder = join(dir, name);
      if (!(await stat(folder)).isDirectory()) continue;
      if (!(await stat(join(folder, 'program.json')).catch(() => null))) continue;
      published.push((await this.publish(await loadProgramFolder(folder), null)).version);
    }
    return published;
  }

  /** The compiled form a task of this version uses, compiled once per version. */
  formFor(program: ProgramVersion, formId: string): CompiledForm | null {
    const cacheKey = `${program.id}:${formId}`;
    let compiled = this.#forms.get(cacheKey);
    if (!compiled) {
      const form = program.forms[formId];
      if (!form) return null;
      compiled = compileForm(form);
      this.#forms.set(cacheKey, compiled);
    }
    return compiled;
  }
}

async function checkBundle(bundle: ProgramBundle): Promise<void> {
  const problems: string[] = [];
  for (const [formId, form] of Object.entries(bundle.forms)) {
    for (const problem of checkFormSafety(form)) problems.push(`forms/${formId}.json：${problem.message}`);
  }
  try {
    const definition = await compileDefinition(bundle.bpmn);
    for (const element of definition.elements.values()) {
      if (element.kind === 'userTask' && element.formId && !bundle.forms[element.formId]) {
        problems.push(`process.bpmn：用户任务 ${element.id} 引用的表单 ${element.formId} 不存在`);
      }
    }
  } catch (error) {
    problems.push(`process.bpmn：${(error as Error).message}`);
  }
  if (problems.length > 0) {
    throw new AppError('PROGRAM_ERR_INVALID', 400, `督导项目 ${bundle.manifest.key} 未通过检查`, {
      problems,
    });
  }
}

function sameContent(version: ProgramVersion, bundle: ProgramBundle): boolean {
  return (
    version.bpmn === bundle.bpmn &&
    JSON.stringify(version.manifest) === JSON.stringify(bundle.manifest) &&
    JSON.stringify(version.forms) === JSON.stringify(bundle.forms)
  );
}

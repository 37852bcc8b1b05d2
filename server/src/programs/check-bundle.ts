import { checkDefinition } from '@ddt/engine';
import { checkFormSafety, compileForm } from '@ddt/forms';
import type { ProgramBundle, ProgramManifest } from '@ddt/program';
import { checkParameterValue } from '../campaigns/launch-params.js';

/** One reason a bundle cannot be published, located in the file (and element or component) it concerns. */
export type BundleProblem = {
  /** `program.json`, `process.bpmn` or `forms/<id>.json`. */
  path: string;
  code: string;
  /** The BPMN element or form component concerned, if any. */
  elementId: string | null;
  message: string;
  /**
   * `error` refuses publishing. `warning` does not: a service task naming a handler type this server
   * has not registered (yet) publishes, and its instances get an incident when they reach it.
   */
  severity: 'error' | 'warning';
};

const WARNINGS = new Set(['DEF_HANDLER_UNKNOWN']);

export interface CheckBundleOptions {
  /** Registered task handler types; given, a service task naming another type is a problem. */
  handlerTypes?: string[] | undefined;
}

/**
 * Every check a program must pass before it is published: the BPMN against the definition rules (the
 * engine's `checkDefinition`: no code, FEEL only, supported elements, known forms and handlers), every
 * form for JavaScript and unsafe JSONLogic and for compiling at all, and the manifest's own consistency
 * (forms declared and present, parameter defaults within their limits, indicator sets on real forms).
 */
export async function checkBundle(
  bundle: ProgramBundle,
  options: CheckBundleOptions = {},
): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  const add = (path: string, code: string, elementId: string | null, message: string) =>
    problems.push({ path, code, elementId, message, severity: WARNINGS.has(code) ? 'warning' : 'error' });

  const { manifest } = bundle;
  for (const formId of Object.keys(manifest.forms)) {
    if (!bundle.forms[formId])
      add('program.json', 'PROGRAM_FORM_MISSING', null, `声明的表单 ${formId} 缺少 forms/${formId}.json`);
  }
  for (const [formId, form] of Object.entries(bundle.forms)) {
    const path = `forms/${formId}.json`;
    if (!manifest.forms[formId])
      add(path, 'PROGRAM_FORM_UNDECLARED', null, `表单 ${formId} 未在 program.json 的 forms 中声明`);
    const unsafe = checkFormSafety(form);
    for (const problem of unsafe) add(path, problem.code, problem.componentPath, problem.message);
    if (unsafe.length > 0) continue;
    try {
      compileForm(form);
    } catch (error) {
      add(path, 'FORM_ERR_COMPILE', null, `表单无法解析：${(error as Error).message}`);
    }
  }
  checkManifest(manifest, add);

  const definitionProblems = await checkDefinition(bundle.bpmn, {
    formIds: Object.keys(bundle.forms),
    ...(options.handlerTypes ? { handlerTypes: options.handlerTypes } : {}),
  });
  for (const problem of definitionProblems)
    add('process.bpmn', problem.code, problem.elementId, problem.message);
  return problems;
}

function checkManifest(
  manifest: ProgramManifest,
  add: (path: string, code: string, elementId: string | null, message: string) => void,
): void {
  const keys = new Set<string>();
  for (const parameter of manifest.parameters) {
    if (keys.has(parameter.key))
      add('program.json', 'PROGRAM_PARAM_DUPLICATE', parameter.key, `参数 ${parameter.key} 重复`);
    keys.add(parameter.key);
    const problem = checkParameterValue(parameter, parameter.default);
    if (problem)
      add('program.json', 'PROGRAM_PARAM_DEFAULT', parameter.key, `参数 ${parameter.key} 的默认值${problem}`);
  }
  for (const [setId, set] of Object.entries(manifest.indicators ?? {})) {
    for (const formId of set.forms) {
      if (!manifest.forms[formId])
        add('program.json', 'PROGRAM_INDICATOR_FORM', setId, `指标体系 ${setId} 引用的表单 ${formId} 未声明`);
    }
  }
}

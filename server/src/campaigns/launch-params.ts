import type { Parameter, ProgramManifest } from '@ddt/program';
import type { ProblemEntry } from '../errors/app-error.js';

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a value does not fit a program parameter (a phrase to append to its name), or null if it fits. */
export function checkParameterValue(parameter: Parameter, value: unknown): string | null {
  switch (parameter.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '须为数字';
      if (parameter.type === 'integer' && !Number.isInteger(value)) return '须为整数';
      if (parameter.minimum !== undefined && value < parameter.minimum)
        return `不能小于 ${parameter.minimum}`;
      if (parameter.maximum !== undefined && value > parameter.maximum)
        return `不能大于 ${parameter.maximum}`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : '须为是或否';
    case 'string':
      return typeof value === 'string' && value.length <= 2000 ? null : '须为不超过 2000 字的文本';
    case 'duration':
      return typeof value === 'string' && DURATION.test(value) ? null : '须为 ISO 8601 时长（如 P7D）';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : '须为日期（如 2026-03-01）';
  }
}

/**
 * The parameters a launch runs with: the program's defaults, overridden by the launch's values, each
 * checked against the type and limits program.json declares. A key the program does not declare is
 * refused rather than ignored, so a typo never silently falls back to the default.
 */
export function resolveLaunchParams(
  manifest: ProgramManifest,
  given: Record<string, unknown>,
): { params: Record<string, unknown>; problems: ProblemEntry[] } {
  const params: Record<string, unknown> = {};
  const problems: ProblemEntry[] = [];
  const declared = new Map(manifest.parameters.map((parameter) => [parameter.key, parameter]));
  for (const key of Object.keys(given)) {
    if (!declared.has(key)) problems.push({ path: `/params/${key}`, message: `督导项目没有参数 ${key}` });
  }
  for (const parameter of manifest.parameters) {
    const value = Object.hasOwn(given, parameter.key) ? given[parameter.key] : parameter.default;
    const problem = checkParameterValue(parameter, value);
    if (problem) problems.push({ path: `/params/${parameter.key}`, message: `${parameter.label}${problem}` });
    params[parameter.key] = value;
  }
  return { params, problems };
}

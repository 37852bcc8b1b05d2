import type { ProgramParameter } from '../api/types.js';

/** Duration units an office picks from; ISO 8601 designators (hours sit after `T`). */
export const DURATION_UNITS = [
  { unit: 'D', label: '天' },
  { unit: 'W', label: '周' },
  { unit: 'M', label: '个月' },
  { unit: 'H', label: '小时' },
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number]['unit'];

/** `P7D` → 7 天; null for durations with several parts, which are edited as text. */
export function parseDuration(value: string): { amount: number; unit: DurationUnit } | null {
  const match = /^P(?:(\d+)([DWM])|T(\d+)H)$/.exec(value);
  if (!match) return null;
  if (match[3]) return { amount: Number(match[3]), unit: 'H' };
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

export function formatDuration(amount: number, unit: DurationUnit): string {
  return unit === 'H' ? `PT${amount}H` : `P${amount}${unit}`;
}

/** How a parameter value reads in Chinese: 7 天, 是/否, 30%… */
export function describeParameterValue(parameter: ProgramParameter | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && (!parameter || parameter.type === 'duration')) {
    const duration = parseDuration(value);
    if (duration)
      return `${duration.amount} ${DURATION_UNITS.find((entry) => entry.unit === duration.unit)?.label}`;
  }
  return String(value);
}

export const BASIS_LABELS: Record<string, string> = {
  national: '国家规定',
  local: '地方规定',
  suggested: '建议值',
};

/** Why a value does not fit the parameter's type and limits (the server checks the same), or null. */
export function parameterProblem(parameter: ProgramParameter, value: unknown): string | null {
  switch (parameter.type) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '请填写数字';
      if (parameter.type === 'integer' && !Number.isInteger(value)) return '请填写整数';
      if (parameter.minimum !== undefined && value < parameter.minimum)
        return `不能小于 ${parameter.minimum}`;
      if (parameter.maximum !== undefined && value > parameter.maximum)
        return `不能大于 ${parameter.maximum}`;
      return null;
    case 'duration':
      return typeof value === 'string' &&
        /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(value)
        ? null
        : '请填写时长，如 P7D（7 天）';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : '请选择日期';
    case 'string':
      return typeof value === 'string' && value.length <= 2000 ? null : '不超过 2000 字';
    case 'boolean':
      return typeof value === 'boolean' ? null : '请选择是或否';
  }
}

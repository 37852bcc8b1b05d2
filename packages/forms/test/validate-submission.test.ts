import { compileForm, type FieldError, ValidationResultSchema, validateSubmission } from '@ddt/forms';
import { jest } from '@jest/globals';
import { Value } from '@sinclair/typebox/value';

const options = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

const compiled = compileForm({
  components: [
    {
      type: 'textfield',
      key: 'name',
      label: '学校名称',
      input: true,
      validate: { required: true, minLength: 2, maxLength: 6, pattern: '[\\u4e00-\\u9fa5]+' },
    },
    { type: 'number', key: 'score', label: '得分', input: true, validate: { min: 0, max: 100 } },
    {
      type: 'select',
      key: 'level',
      label: '等级',
      input: true,
      dataSrc: 'values',
      data: { values: options('met', 'unmet') },
    },
    { type: 'radio', key: 'answer', label: '回答', input: true, values: options('1', '2', '3') },
    { type: 'selectboxes', key: 'checks', label: '检查项', input: true, values: options('fire', 'food') },
    {
      type: 'textarea',
      key: 'reason',
      label: '原因',
      input: true,
      validate: { required: true },
      conditional: {
        show: true,
        conjunction: 'all',
        conditions: [{ component: 'level', operator: 'isEqual', value: 'unmet' }],
      },
    },
    {
      type: 'datagrid',
      key: 'rooms',
      label: '房间',
      input: true,
      components: [
        { type: 'textfield', key: 'room', label: '房间号', input: true, validate: { required: true } },
        { type: 'number', key: 'beds', label: '床位', input: true, validate: { min: 1 } },
      ],
    },
    {
      type: 'editgrid',
      key: 'teachers',
      label: '教师',
      input: true,
      components: [
        { type: 'textfield', key: 'teacher', label: '姓名', input: true, validate: { required: true } },
      ],
    },
    {
      type: 'container',
      key: 'head',
      label: '校长',
      input: true,
      components: [
        { type: 'textfield', key: 'phone', label: '电话', input: true, validate: { pattern: '1\\d{10}' } },
      ],
    },
    {
      type: 'number',
      key: 'total',
      label: '床位合计',
      input: true,
      calculateValue: {
        reduce: [{ var: 'data.rooms' }, { '+': [{ var: 'accumulator' }, { var: 'current.beds' }] }, 0],
      },
    },
    {
      type: 'textfield',
      key: 'principal',
      label: '校长',
      input: true,
      validate: { required: true, customMessage: '请填写校长' },
    },
  ],
});

const valid = {
  name: '第一小学',
  score: 88,
  level: 'met',
  answer: '2',
  checks: { fire: true, food: false },
  rooms: [{ room: '101', beds: 4 }],
  teachers: [{ teacher: '李老师' }],
  head: { phone: '13800138000' },
  principal: '王校长',
};

function errorsOf(data: unknown): FieldError[] {
  const result = validateSubmission(compiled, data);
  expect(Value.Check(ValidationResultSchema, result)).toBe(true);
  return result.ok ? [] : result.errors;
}

const only = (path: string, rule: string, message: string): FieldError[] => [
  { path, key: path.replace(/^.*[.\]]/, ''), rule, message },
];

describe('validateSubmission', () => {
  test('accepts a valid submission and returns its cleaned data', () => {
    expect(validateSubmission(compiled, valid)).toEqual({
      ok: true,
      data: { ...valid, answer: 2, total: 4 },
    });
  });

  test('required', () => {
    expect(errorsOf({ ...valid, name: '' })).toEqual(only('name', 'required', '学校名称为必填项'));
  });

  test('minLength and maxLength', () => {
    expect(errorsOf({ ...valid, name: '校' })).toEqual(
      only('name', 'minLength', '学校名称至少需要2个字符。'),
    );
    expect(errorsOf({ ...valid, name: '很长很长的学校' })).toEqual(
      only('name', 'maxLength', '学校名称不能超过6个字符。'),
    );
  });

  test('pattern', () => {
    expect(errorsOf({ ...valid, name: 'School' })).toEqual(only('name', 'pattern', '学校名称的格式不正确'));
  });

  test('min and max', () => {
    expect(errorsOf({ ...valid, score: -1 })).toEqual(only('score', 'min', '得分不能小于0。'));
    expect(errorsOf({ ...valid, score: 101 })).toEqual(only('score', 'max', '得分不能大于100。'));
  });

  test('select, radio and selectboxes values must be options, including values that look like numbers', () => {
    expect(errorsOf({ ...valid, level: 'excellent' })).toEqual(
      only('level', 'onlyAvailableItems', '等级的值无效。'),
    );
    expect(errorsOf({ ...valid, answer: '4' })).toEqual(
      only('answer', 'onlyAvailableItems', '回答的值无效。'),
    );
    expect(errorsOf({ ...valid, answer: 4 })).toEqual(only('answer', 'onlyAvailableItems', '回答的值无效。'));
    expect(errorsOf({ ...valid, checks: { fire: true, drill: true } })).toEqual(
      only('checks', 'onlyAvailableItems', '检查项的值无效。'),
    );
  });

  test('a value of the wrong type is an error, never silently dropped', () => {
    expect(errorsOf({ ...valid, score: 'abc' })).toEqual(only('score', 'type', '得分不是有效的数字。'));
    expect(errorsOf({ ...valid, name: 12345 })).toEqual(only('name', 'type', '学校名称的值类型不正确。'));
    expect(errorsOf({ ...valid, checks: ['fire'] })).toEqual(
      only('checks', 'type', '检查项的值类型不正确。'),
    );
    expect(errorsOf({ ...valid, rooms: [{ room: '101' }, 'room 102'] })).toEqual(
      only('rooms', 'type', '房间的值类型不正确。'),
    );
    expect(errorsOf({ ...valid, head: 'x' })).toEqual(only('head', 'type', '校长的值类型不正确。'));
  });

  test('numbers given as text are accepted and stored as numbers', () => {
    const result = validateSubmission(compiled, {
      ...valid,
      score: '75',
      rooms: [{ room: '101', beds: '6' }],
    });
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({ score: 75, rooms: [{ room: '101', beds: 6 }], total: 6 }),
    });
  });

  test('unknown keys are stripped, also inside rows and containers', () => {
    const result = validateSubmission(compiled, {
      ...valid,
      isAdmin: true,
      rooms: [{ room: '101', beds: 4, hacked: 1 }],
      head: { phone: '13800138000', salary: 9 },
    });
    expect(result.ok && result.data).toEqual({ ...valid, answer: 2, total: 4 });
  });

  test('a hidden field is neither validated nor kept', () => {
    const shown = errorsOf({ ...valid, level: 'unmet' });
    expect(shown).toEqual(only('reason', 'required', '原因为必填项'));
    const hidden = validateSubmission(compiled, { ...valid, level: 'met', reason: '不该保存' });
    expect(hidden.ok && hidden.data.reason).toBeUndefined();
  });

  test('calculated values are recomputed on the server and the client value ignored', () => {
    const result = validateSubmission(compiled, {
      ...valid,
      total: 999,
      rooms: [
        { room: '1', beds: 2 },
        { room: '2', beds: 3 },
      ],
    });
    expect(result.ok && result.data.total).toBe(5);
  });

  test('errors carry the path with row indexes for datagrid and editgrid rows, and container paths', () => {
    expect(
      errorsOf({
        ...valid,
        rooms: [
          { room: '101', beds: 4 },
          { room: '', beds: 0 },
        ],
        teachers: [{ teacher: '' }],
        head: { phone: '123' },
      }),
    ).toEqual([
      { path: 'rooms[1].room', key: 'room', rule: 'required', message: '房间号为必填项' },
      { path: 'rooms[1].beds', key: 'beds', rule: 'min', message: '床位不能小于1。' },
      { path: 'teachers[0].teacher', key: 'teacher', rule: 'required', message: '姓名为必填项' },
      { path: 'head.phone', key: 'phone', rule: 'pattern', message: '电话的格式不正确' },
    ]);
  });

  test("a component's custom message replaces the dictionary text", () => {
    expect(errorsOf({ ...valid, principal: '' })).toEqual(only('principal', 'required', '请填写校长'));
  });

  test('refuses data that is not an object and leaves the input untouched', () => {
    expect(errorsOf([1, 2])).toEqual([
      { path: '', key: '', rule: 'type', message: '提交的数据必须是对象。' },
    ]);
    const input = { ...valid, score: '75', extra: 1 };
    const copy = structuredClone(input);
    validateSubmission(compiled, input);
    expect(input).toEqual(copy);
  });

  test('never runs JavaScript, even from a compiled form tampered with after its check', () => {
    const marker = '__ddtFormsJavaScriptRan';
    const code = `globalThis.${marker} = true; value = 1;`;
    const tamper = (components: Record<string, unknown>[]) => {
      const a = components.find((component) => component.key === 'a')!;
      const b = components.find((component) => component.key === 'b')!;
      Object.assign(a, { customConditional: code, validate: { custom: `${code} valid = false;` } });
      Object.assign(b, { calculateValue: code, calculateServer: true, customDefaultValue: code });
    };
    const fields = [
      { type: 'textfield', key: 'a', label: 'A', input: true },
      { type: 'number', key: 'b', label: 'B', input: true },
    ];
    const fast = compileForm({ components: fields });
    const reference = compileForm({
      components: [{ type: 'day', key: 'd', label: 'D', input: true }, ...fields],
    });
    expect([fast.engine, reference.engine]).toEqual(['fast', 'reference']);
    tamper(fast.components as Record<string, unknown>[]);
    tamper(reference.components as Record<string, unknown>[]);
    // @formio/core says so when its evaluator refuses code (Evaluator.noeval).
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      validateSubmission(fast, { a: 'x' });
      validateSubmission(reference, { a: 'x' });
      expect(warn).toHaveBeenCalledWith('No evaluations allowed for this renderer.');
    } finally {
      warn.mockRestore();
    }
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});

import { compileForm, FormsError, validateSubmission } from '@ddt/forms';

const choices = {
  components: [
    {
      type: 'select',
      key: 'grade',
      label: '等级',
      input: true,
      data: { values: [{ value: 'a', label: 'A' }] },
    },
    { type: 'radio', key: 'yes', label: '是否', input: true, values: [{ value: 'y', label: '是' }] },
    { type: 'number', key: 'a', label: 'A', input: true },
    {
      type: 'number',
      key: 'sum',
      label: '合计',
      input: true,
      calculateValue: { '+': [{ var: 'data.a' }, 1] },
    },
  ],
};

describe('compileForm', () => {
  test('does not change the form it is given', () => {
    const original = structuredClone(choices);
    const compiled = compileForm(choices);
    validateSubmission(compiled, { grade: 'a', yes: 'y', a: 1 });
    expect(choices).toEqual(original);
  });

  test('forces options-only choices and server-side calculation on, whatever the form says', () => {
    const components = compileForm(choices).form.components as {
      validate?: unknown;
      calculateServer?: boolean;
    }[];
    expect(components[0]!.validate).toEqual({ onlyAvailableItems: true });
    expect(components[1]!.validate).toEqual({ onlyAvailableItems: true });
    expect(components[3]!.calculateServer).toBe(true);
  });

  test('refuses JSON that is not a form', () => {
    for (const bad of [null, [], { components: 'x' }, { display: 'form' }]) {
      expect(() => compileForm(bad as never)).toThrow(
        expect.objectContaining({ code: 'FORM_ERR_INVALID_FORM' }),
      );
    }
    const keyless = { components: [{ type: 'textfield', label: '无键名', input: true }] };
    expect(() => compileForm(keyless)).toThrow(FormsError);
  });

  test('uses the fast engine for covered forms and says why it falls back otherwise', () => {
    expect(compileForm(choices).engine).toBe('fast');
    const withDay = compileForm({
      components: [{ type: 'day', key: 'born', label: '出生日期', input: true }],
    });
    expect(withDay.engine).toBe('reference');
    expect(withDay.fallbackReason).toContain('day');
  });

  test('validates through @formio/core when the fast engine does not cover the form', () => {
    const compiled = compileForm({
      components: [
        { type: 'day', key: 'born', label: '出生日期', input: true },
        { type: 'textfield', key: 'name', label: '姓名', input: true, validate: { required: true } },
        {
          type: 'select',
          key: 'grade',
          label: '等级',
          input: true,
          data: { values: [{ value: 'a', label: 'A' }] },
        },
      ],
    });
    expect(compiled.engine).toBe('reference');
    expect(validateSubmission(compiled, { born: '01/02/2015', grade: 'b', extra: 1 })).toEqual({
      ok: false,
      errors: [
        { path: 'grade', key: 'grade', rule: 'onlyAvailableItems', message: '等级的值无效。' },
        { path: 'name', key: 'name', rule: 'required', message: '姓名为必填项' },
      ],
    });
    expect(validateSubmission(compiled, { born: '01/02/2015', name: '张三', grade: 'a', extra: 1 })).toEqual({
      ok: true,
      data: { born: '01/02/2015', name: '张三', grade: 'a' },
    });
  });
});

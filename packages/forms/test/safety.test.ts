import { checkFormSafety, compileForm, FormsError, inspectJsonLogic } from '@ddt/forms';

const form = (...components: Record<string, unknown>[]) => ({ components });
const textfield = (extra: Record<string, unknown>) => ({
  type: 'textfield',
  key: 'name',
  label: '姓名',
  input: true,
  ...extra,
});

describe('checkFormSafety', () => {
  test.each([
    ['customConditional', { customConditional: 'show = data.a === 1;' }, 'customConditional'],
    ['calculateValue as a string', { calculateValue: 'value = data.a + data.b;' }, 'calculateValue'],
    ['custom validation', { validate: { custom: 'valid = input.length > 2;' } }, 'validate.custom'],
    ['customDefaultValue', { customDefaultValue: 'value = Date.now();' }, 'customDefaultValue'],
    ['custom select options', { type: 'select', data: { custom: 'values = [1, 2];' } }, 'data.custom'],
    ['a button action', { type: 'button', custom: 'form.submit()' }, 'custom'],
  ])('refuses JavaScript in %s, naming the component', (_name, extra, property) => {
    const problems = checkFormSafety(
      form({ type: 'panel', key: 'page1', input: false, components: [textfield(extra)] }),
    );
    expect(problems).toEqual([
      {
        code: 'FORM_ERR_JAVASCRIPT',
        componentKey: 'name',
        componentPath: 'page1.name',
        property,
        message: expect.stringContaining('组件“姓名”（name）'),
      },
    ]);
  });

  test('refuses JavaScript in advanced logic triggers and actions', () => {
    const logic = [
      {
        name: '联动',
        trigger: { type: 'javascript', javascript: 'result = data.a > 1;' },
        actions: [
          { type: 'value', value: 'value = 5;' },
          { type: 'customAction', customAction: 'alert(1)' },
        ],
      },
    ];
    const problems = checkFormSafety(form(textfield({ logic })));
    expect(problems.map((problem) => [problem.code, problem.property])).toEqual([
      ['FORM_ERR_JAVASCRIPT', 'logic[0].trigger.javascript'],
      ['FORM_ERR_JAVASCRIPT', 'logic[0].actions[0].value'],
      ['FORM_ERR_JAVASCRIPT', 'logic[0].actions[1].customAction'],
    ]);
  });

  test('refuses template code in labels, HTML and messages but accepts {{ path }} placeholders', () => {
    const problems = checkFormSafety(
      form(
        textfield({ label: '{{ data.a.toUpperCase() }}' }),
        { type: 'htmlelement', key: 'note', input: false, content: '{% if (data.a) { %}<b>注意</b>{% } %}' },
        textfield({
          key: 'ok',
          label: '学校',
          errors: { required: '{{field}}必须填写，参考 {{ data.schoolName || row.name }}' },
        }),
      ),
    );
    expect(problems.map((problem) => [problem.componentKey, problem.property])).toEqual([
      ['name', 'label'],
      ['note', 'content'],
    ]);
  });

  test('accepts JSONLogic conditions, calculations and validations from the allowed set', () => {
    const problems = checkFormSafety(
      form(
        textfield({
          conditional: { json: { '==': [{ var: 'data.kind' }, 'a'] } },
          calculateValue: {
            reduce: [{ var: 'data.rows' }, { '+': [{ var: 'accumulator' }, { var: 'current.n' }] }, 0],
          },
          validate: { json: { if: [{ _isEmpty: [{ var: 'input' }] }, '不能为空', true] } },
        }),
      ),
    );
    expect(problems).toEqual([]);
  });

  test('refuses JSONLogic that can reach code: lodash invokers, dotted operations, prototypes, other roots', () => {
    expect(inspectJsonLogic({ _invoke: [{ var: 'data' }, 'constructor.constructor', 'return 1'] })).toEqual([
      { where: '{"_invoke"}', reason: 'operation' },
    ]);
    expect(inspectJsonLogic({ '_partial.placeholder.template': ['<%= 1 %>'] })[0]?.reason).toBe('operation');
    expect(inspectJsonLogic({ var: 'data.constructor.constructor' })[0]?.reason).toBe('var');
    expect(inspectJsonLogic({ var: 'instance.root' })[0]?.reason).toBe('var');
    expect(inspectJsonLogic({ var: '' })[0]?.reason).toBe('var');
    expect(inspectJsonLogic({ var: { cat: ['data.', 'x'] } })[0]?.reason).toBe('var');
    expect(inspectJsonLogic({ map: [{ var: 'data.rows' }, { var: 'n' }] })).toEqual([]);

    const problems = checkFormSafety(
      form(textfield({ calculateValue: { _result: [{ var: 'data' }, 'x'] } })),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'FORM_ERR_JSONLOGIC',
        componentKey: 'name',
        property: 'calculateValue',
      }),
    ]);
  });

  test('refuses component keys that name an object prototype property', () => {
    expect(checkFormSafety(form(textfield({ key: '__proto__' })))[0]?.code).toBe('FORM_ERR_COMPONENT_KEY');
    expect(checkFormSafety(form(textfield({ key: 'constructor' })))[0]?.code).toBe('FORM_ERR_COMPONENT_KEY');
  });

  test('accepts what the builder writes when no code is used (empty strings, empty logic)', () => {
    const builderDefaults = textfield({
      customConditional: '',
      calculateValue: '',
      customDefaultValue: '',
      validate: { custom: '', customPrivate: false, json: '' },
      logic: [],
      conditional: { show: null, when: null, eq: '' },
    });
    expect(checkFormSafety(form(builderDefaults))).toEqual([]);
  });

  test('compileForm refuses a form with JavaScript and lists the problems', () => {
    const unsafe = form(textfield({ customConditional: 'show = true' }));
    expect(() => compileForm(unsafe)).toThrow(FormsError);
    try {
      compileForm(unsafe);
    } catch (error) {
      expect((error as FormsError).code).toBe('FORM_ERR_JAVASCRIPT');
      expect((error as FormsError).problems).toHaveLength(1);
    }
  });
});

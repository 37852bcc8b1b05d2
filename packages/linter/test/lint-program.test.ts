import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgramFolder, type ProgramBundle } from '@ddt/program';
import { Value } from '@sinclair/typebox/value';
import { LINT_CODES, LintProblemSchema, lintProgram, lintProgramFolder } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const HANDLERS = ['notify.send', 'document.generate', 'notice.publish', 'sample.draw', 'rollup.collect'];
let base: ProgramBundle;

beforeAll(async () => {
  base = await loadProgramFolder(join(here, 'fixtures/base-program'));
});

type Change = (bundle: ProgramBundle) => void;
const bpmn =
  (from: string | RegExp, to: string): Change =>
  (bundle) => {
    const changed = bundle.bpmn.replace(from, to);
    if (changed === bundle.bpmn) throw new Error(`fixture change did not apply: ${String(from)}`);
    bundle.bpmn = changed;
  };
const form =
  (formId: string, change: (components: Record<string, unknown>[]) => void): Change =>
  (bundle) => {
    change(bundle.forms[formId]?.components as Record<string, unknown>[]);
  };
const component = (formId: string, key: string, patch: Record<string, unknown>): Change =>
  form(formId, (components) => {
    const found = components.find((c) => c.key === key);
    if (!found) throw new Error(`no component ${key}`);
    Object.assign(found, patch);
  });

async function lintWith(...changes: Change[]) {
  const bundle = structuredClone(base);
  for (const change of changes) change(bundle);
  return lintProgram(bundle, { handlerTypes: HANDLERS });
}

test('the base fixture program lints clean', async () => {
  expect(await lintWith()).toEqual([]);
});

const AFTER_CHECK = '<bpmn:exclusiveGateway id="Gateway_Result"';
const cases: [string, string, Change[], string | null][] = [
  ['a BPMN that is not XML', 'LINT_ERR_PARSE', [(b) => (b.bpmn = '<bpmn:definitions')], null],
  [
    'a script task',
    'LINT_ERR_SCRIPT_TASK',
    [
      bpmn(
        AFTER_CHECK,
        `<bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>${AFTER_CHECK}`,
      ),
    ],
    'Task_Script',
  ],
  [
    'a JavaScript condition',
    'LINT_ERR_CONDITION_NOT_FEEL',
    [
      bpmn(
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">',
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">',
      ),
    ],
    'Flow_Rectify',
  ],
  [
    'a dollar-brace expression',
    'LINT_ERR_EXPRESSION_FORBIDDEN',
    [bpmn('=now() + duration(params.checkPeriod)', `${'$'}{environment.variables.due}`)],
    null,
  ],
  [
    'FEEL that does not parse',
    'LINT_ERR_FEEL_SYNTAX',
    [bpmn('=checkResult = "rectify"', '=checkResult = = "rectify" (')],
    'Flow_Rectify',
  ],
  [
    'a user task naming a missing form',
    'LINT_ERR_FORM_UNKNOWN',
    [bpmn('formId="check"', 'formId="chek"')],
    'Task_Check',
  ],
  [
    'a user task without a form',
    'LINT_ERR_FORM_MISSING',
    [bpmn('<zeebe:formDefinition formId="summary" />', '')],
    'Task_Summary',
  ],
  [
    'an unregistered handler type',
    'LINT_ERR_HANDLER_UNKNOWN',
    [bpmn('type="notify.send"', 'type="sms.send"')],
    'Task_Notify',
  ],
  [
    'an element the runtime does not run',
    'LINT_ERR_UNSUPPORTED_ELEMENT',
    [bpmn(AFTER_CHECK, `<bpmn:complexGateway id="Gateway_Complex" />${AFTER_CHECK}`)],
    'Gateway_Complex',
  ],
  [
    'an unknown role',
    'LINT_ERR_ROLE_UNKNOWN',
    [bpmn('candidateGroups="school"', 'candidateGroups="principal"')],
    'Task_Check',
  ],
  [
    'a campaign-scope task for the school',
    'LINT_ERR_ROLE_SCOPE',
    [bpmn('candidateGroups="office"', 'candidateGroups="school"')],
    'Task_Summary',
  ],
  [
    'a user task nobody is assigned to',
    'LINT_ERR_ASSIGNMENT_MISSING',
    [bpmn('<zeebe:assignmentDefinition candidateGroups="office" />', '')],
    'Task_Summary',
  ],
  [
    'FEEL reading an undefined variable',
    'LINT_ERR_FEEL_VARIABLE_UNKNOWN',
    [bpmn('=checkResult = "rectify"', '=checkResults = "rectify"')],
    'Flow_Rectify',
  ],
  [
    'FEEL reading an undeclared parameter',
    'LINT_ERR_PARAM_UNKNOWN',
    [bpmn('duration(params.checkPeriod)', 'duration(params.selfCheckPeriod)')],
    'Task_Check',
  ],
  [
    'FEEL reading a field the school does not have',
    'LINT_ERR_FEEL_FIELD_UNKNOWN',
    [bpmn('=school.name', '=school.principal')],
    'Task_Notify',
  ],
  [
    'FEEL reading score in the campaign process',
    'LINT_ERR_FEEL_VARIABLE_UNKNOWN',
    [bpmn('=now() + duration(&quot;P7D&quot;)', '=now() + duration(string(score.total))')],
    'Task_Summary',
  ],
  [
    'an exclusive branch with neither condition nor default',
    'LINT_ERR_GATEWAY_CONDITION_MISSING',
    [bpmn(' default="Flow_Pass"', '')],
    'Flow_Pass',
  ],
  [
    'an element nothing leads to',
    'LINT_ERR_UNREACHABLE',
    [
      bpmn(
        '<bpmn:endEvent id="End_Pass" name="合格" />',
        '<bpmn:endEvent id="End_Pass" name="合格" /><bpmn:endEvent id="End_Orphan" />',
      ),
    ],
    'End_Orphan',
  ],
  [
    'a loop without an exit',
    'LINT_ERR_NO_PATH_TO_END',
    [bpmn('targetRef="End_Rectify"', 'targetRef="Task_Notify"')],
    'Task_Notify',
  ],
  [
    'a timer with two definitions',
    'LINT_ERR_TIMER_DEFINITION',
    [
      bpmn(
        '<bpmn:endEvent id="End_Pass" name="合格" />',
        '<bpmn:endEvent id="End_Pass" name="合格" /><bpmn:boundaryEvent id="Timer_Both" attachedToRef="Task_Check" cancelActivity="false"><bpmn:outgoing>Flow_T</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration><bpmn:timeDate>2026-09-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="Flow_T" sourceRef="Timer_Both" targetRef="End_Pass" />',
      ),
    ],
    'Timer_Both',
  ],
  [
    'a message without a correlation key',
    'LINT_ERR_MESSAGE_CORRELATION',
    [
      bpmn(
        '<bpmn:endEvent id="End_Pass" name="合格" />',
        '<bpmn:endEvent id="End_Pass" name="合格" /><bpmn:boundaryEvent id="Message_Appeal" attachedToRef="Task_Check"><bpmn:outgoing>Flow_M</bpmn:outgoing><bpmn:messageEventDefinition messageRef="Message_Unused" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="Flow_M" sourceRef="Message_Appeal" targetRef="End_Pass" />',
      ),
    ],
    'Message_Appeal',
  ],
  [
    'JavaScript in a form',
    'LINT_ERR_FORM_JAVASCRIPT',
    [component('check', 'notes', { customConditional: 'show = true' })],
    null,
  ],
  [
    'a component naming an indicator not in the tree',
    'LINT_ERR_INDICATOR_UNKNOWN',
    [component('check', 'safety', { properties: { indicator: 'A9' } })],
    'A9',
  ],
  [
    'a leaf indicator no component rates',
    'LINT_ERR_INDICATOR_UNMAPPED',
    [component('check', 'safety', { properties: {} })],
    'A1',
  ],
  [
    'a level indicator on a yes/no field',
    'LINT_ERR_INDICATOR_VALUES',
    [
      component('check', 'safety', {
        values: [
          { value: 'yes', label: '是' },
          { value: 'no', label: '否' },
        ],
      }),
    ],
    'A1',
  ],
  [
    'an indicator set naming a missing form',
    'LINT_ERR_INDICATOR_FORM',
    [(b) => b.manifest.indicators?.basic?.forms.push('onsite')],
    'basic',
  ],
  [
    'a parameter default outside its limits',
    'LINT_ERR_PARAM_DEFAULT',
    [(b) => Object.assign(b.manifest.parameters[1] ?? {}, { default: 9 })],
    'maxRounds',
  ],
  [
    'a duration default that is not ISO 8601',
    'LINT_ERR_PARAM_DEFAULT',
    [(b) => Object.assign(b.manifest.parameters[0] ?? {}, { default: '7 days' })],
    'checkPeriod',
  ],
  [
    'a form file not declared',
    'LINT_ERR_FORM_UNDECLARED',
    [(b) => (b.forms.extra = structuredClone(b.forms.summary ?? {}))],
    'extra',
  ],
  [
    'a declared form without file',
    'LINT_ERR_FORM_FILE_MISSING',
    [(b) => (b.manifest.forms.missing = { title: '缺失', filledBy: 'office' })],
    'missing',
  ],
  [
    'a read-only field the task writes back',
    'LINT_ERR_READONLY_OVERWRITE',
    [component('check', 'notes', { disabled: true })],
    'Task_Check',
  ],
  [
    'a condition naming a field the form lacks',
    'LINT_ERR_FORM_CONDITION_FIELD',
    [component('check', 'notes', { conditional: { show: true, when: 'ghost', eq: 'x' } })],
    null,
  ],
  [
    'an upload outside the file route',
    'LINT_ERR_FILE_UPLOAD',
    [
      form('check', (cs) =>
        cs.push({ type: 'file', key: 'photo', label: '照片', input: true, storage: 'base64' }),
      ),
    ],
    null,
  ],
];

test.each(cases)('%s is reported as %s', async (_what, code, changes, elementId) => {
  const problems = await lintWith(...changes);
  const found = problems.filter((problem) => problem.code === code);
  expect(found.length).toBeGreaterThan(0);
  if (elementId) expect(found.map((problem) => problem.elementId)).toContain(elementId);
  for (const problem of problems) {
    expect(Value.Check(LintProblemSchema, problem)).toBe(true);
    expect(problem.severity).toBe(LINT_CODES[problem.code as keyof typeof LINT_CODES].severity);
    expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
  }
});

test('warnings do not block publishing: an unused parameter, a form no task uses, an optional field a gateway reads', async () => {
  const problems = await lintWith(
    (b) => b.manifest.parameters.push({ key: 'unused', label: '未用参数', type: 'integer', default: 1 }),
    (b) => (b.manifest.forms.spare = { title: '备用', filledBy: 'office' }),
    (b) => (b.forms.spare = structuredClone(b.forms.summary ?? {})),
    component('check', 'checkResult', { validate: { onlyAvailableItems: true } }),
  );
  expect(problems.map((problem) => [problem.code, problem.severity]).sort()).toEqual([
    ['LINT_WARN_FORM_UNUSED', 'warning'],
    ['LINT_WARN_GATEWAY_FIELD_OPTIONAL', 'warning'],
    ['LINT_WARN_PARAM_UNUSED', 'warning'],
  ]);
});

test('without handler types the linter does not judge service task types', async () => {
  const bundle = structuredClone(base);
  bundle.bpmn = bundle.bpmn.replace('type="notify.send"', 'type="sms.send"');
  expect(await lintProgram(bundle)).toEqual([]);
});

test('a folder whose program.json does not fit the schema is one LINT_ERR_MANIFEST naming the file', async () => {
  const linted = await lintProgramFolder(join(here, 'fixtures/unreadable-manifest'));
  expect(linted.bundle).toBeNull();
  expect(linted.problems).toEqual([
    expect.objectContaining({ code: 'LINT_ERR_MANIFEST', severity: 'error', file: 'program.json' }),
  ]);
});

import { readdirSync, readFileSync } from 'node:fs';
import { checkDefinition, lintDefinition } from '../src/index.js';
import { readFixture } from './fixtures/harness.js';

const pairs = (problems: { code: string; elementId: string | null }[]) =>
  problems.map((problem) => `${problem.code} ${problem.elementId}`).sort();

test('the shipped 开学督导 program passes the check', async () => {
  const program = new URL('../../../definitions/kaixue/', import.meta.url);
  const xml = readFileSync(new URL('process.bpmn', program), 'utf8');
  const formIds = readdirSync(new URL('forms/', program)).map((file) => file.replace(/\.json$/, ''));
  const handlerTypes = ['notify.send', 'sample.draw', 'document.generate', 'rollup.collect'];
  expect(await checkDefinition(xml, { handlerTypes, formIds })).toEqual([]);
});

test('every rule of the format is reported with its element, in Chinese', async () => {
  const problems = await checkDefinition(readFixture('Check.everything-wrong.bpmn'), {
    handlerTypes: ['sms.notify'],
    formIds: ['fill-form'],
  });
  expect(pairs(problems)).toEqual(
    [
      'DEF_CONDITION_NOT_FEEL jsCondition',
      'DEF_CONDITION_NOT_FEEL plainCondition',
      'DEF_EXPRESSION_FORBIDDEN legacy',
      'DEF_FEEL_SYNTAX brokenFeel',
      'DEF_FEEL_SYNTAX fill',
      'DEF_FORM_UNKNOWN fill',
      'DEF_HANDLER_UNKNOWN unknown',
      'DEF_IMPLEMENTATION legacy',
      'DEF_MESSAGE_MISSING nameless',
      'DEF_SCRIPT_TASK script',
      'DEF_TASK_TYPE_MISSING legacy',
      'DEF_TIMER_CYCLE_PLACE everyDay',
      'DEF_TIMER_VALUE wait',
      'DEF_UNSUPPORTED_ELEMENT complex',
      'DEF_UNSUPPORTED_ELEMENT signalled',
    ].sort(),
  );
  for (const problem of problems) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
});

test('process scopes: exactly one school process, at most one campaign process, a recurring start alone', async () => {
  const problems = await lintDefinition(readFixture('Check.two-school-processes.bpmn'));
  expect(pairs(problems)).toEqual(['DEF_PROCESS_SCOPE two', 'DEF_RECURRING_START daily']);
});

test('XML that is not BPMN is one parse problem, not an exception', async () => {
  expect(pairs(await checkDefinition('<nope'))).toEqual(['DEF_PARSE null']);
  expect(
    pairs(
      await checkDefinition(
        '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>',
      ),
    ),
  ).toEqual(['DEF_PROCESS_SCOPE null']);
});

import { join } from 'node:path';
import { evaluateFeel } from '@ddt/engine';
import { loadProgramFolder, type ProgramBundle } from '@ddt/program';
import { type Element, extension, flowElements, list, parseBpmn, processes } from './support/bpmn-model.js';
import { type FormDefinition, walkComponents } from './support/form-components.js';
import { definitionsDir } from './support/program-folders.js';

const PROGRAMS = ['kaixue', 'shuangjian', 'youeryuan', 'yiqing', 'guapai', 'zonghe'];
const SAMPLE_DATE = '2026-05-10T00:00:00+08:00';
const ISO_DURATION = /^P(\d+[YMWD])*(T(\d+[HMS])+)?$/;

interface TimedExpression {
  where: string;
  kind: 'timeDate' | 'timeDuration' | 'timeCycle' | 'dueDate';
  expression: string;
}

async function load(folder: string) {
  const bundle = await loadProgramFolder(join(definitionsDir, folder));
  const { definitions } = await parseBpmn(bundle.bpmn);
  return { bundle, procs: processes(definitions) };
}

function timedExpressions(procs: Element[]): TimedExpression[] {
  const out: TimedExpression[] = [];
  for (const proc of procs) {
    for (const element of flowElements(proc)) {
      for (const definition of list(element.eventDefinitions)) {
        for (const kind of ['timeDate', 'timeDuration', 'timeCycle'] as const) {
          const timer = definition[kind] as Element | undefined;
          if (timer) out.push({ where: String(element.id), kind, expression: String(timer.body) });
        }
      }
      const due = extension(element, 'zeebe:TaskSchedule')?.dueDate;
      if (typeof due === 'string') out.push({ where: String(element.id), kind: 'dueDate', expression: due });
    }
  }
  return out;
}

/** Launch variables, default parameters, and a sample value for every date field a form can set. */
function sampleVariables(bundle: ProgramBundle, deadline: string | null): Record<string, unknown> {
  const variables: Record<string, unknown> = {
    school: {
      id: 's-1',
      name: '城关第一小学',
      type: 'primary',
      ownership: 'public',
      districtId: 'd-1',
      officeId: 'o-1',
      inspectorId: 'u-9',
    },
    campaign: { id: 'c-1', title: '2026年春季督导', deadline, officeId: 'o-1' },
    params: Object.fromEntries(bundle.manifest.parameters.map((p) => [p.key, p.default])),
  };
  for (const form of Object.values(bundle.forms) as FormDefinition[]) {
    walkComponents(form.components ?? [], (c, insideGrid) => {
      if (!insideGrid && c.type === 'datetime' && c.key) variables[c.key] = SAMPLE_DATE;
    });
  }
  return variables;
}

describe.each(PROGRAMS)('program %s', (folder) => {
  test('every timer and due date evaluates with the default parameters, with and without a campaign deadline', async () => {
    const { bundle, procs } = await load(folder);
    const now = new Date(2026, 2, 3, 9, 30);
    for (const deadline of ['2026-07-15T10:00:00.000Z', null]) {
      const variables = sampleVariables(bundle, deadline);
      for (const timed of timedExpressions(procs)) {
        const value = evaluateFeel(timed.expression, variables, now);
        const where = { where: timed.where, kind: timed.kind, deadline };
        expect({ ...where, type: typeof value }).toEqual({ ...where, type: 'string' });
        if (timed.kind === 'timeDuration')
          expect({ ...where, value }).toEqual({ ...where, value: expect.stringMatching(ISO_DURATION) });
        else
          expect({ ...where, parses: !Number.isNaN(Date.parse(String(value))) }).toEqual({
            ...where,
            parses: true,
          });
      }
    }
  });
});

const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s);

async function timerOf(folder: string, id: string) {
  const { bundle, procs } = await load(folder);
  const found = timedExpressions(procs).find((t) => t.where === id);
  if (!found) throw new Error(`${folder}: no timer ${id}`);
  return { expression: found.expression, variables: sampleVariables(bundle, null) };
}

test('the 双减 half-monthly summary opens summaryLeadTime before the 15th and before the last day, never twice for one date', async () => {
  const { expression, variables } = await timerOf('shuangjian', 'Timer_Checkpoint');
  const at = (now: Date) => evaluateFeel(expression, variables, now);
  expect(at(local(2026, 3, 1, 12))).toBe('2026-03-12T00:00:00');
  // Fired at the checkpoint: the next one is the end-of-month summary, not the same date again.
  expect(at(local(2026, 3, 12, 0, 0, 5))).toBe('2026-03-28T00:00:00');
  expect(at(local(2026, 3, 28, 0, 0, 5))).toBe('2026-04-12T00:00:00');
  expect(at(local(2026, 2, 20, 8))).toBe('2026-02-25T00:00:00');
  expect(at(local(2026, 12, 29, 8))).toBe('2027-01-12T00:00:00');
});

test('the first 疫情 daily report opens at once before the due time, otherwise the next morning', async () => {
  const { expression, variables } = await timerOf('yiqing', 'Timer_FirstReport');
  const opened = evaluateFeel(expression, variables, local(2026, 3, 3, 8, 0));
  expect(Date.parse(String(opened))).toBe(local(2026, 3, 3, 8, 0).getTime());
  expect(evaluateFeel(expression, variables, local(2026, 3, 3, 11, 0))).toBe('2026-03-04T07:00:00');
});

test('the 综合督导 on-site visit waits for the later of the planned date and noticeLeadTime after the notice', async () => {
  const { expression, variables } = await timerOf('zonghe', 'Timer_OnsiteDate');
  const now = local(2026, 3, 1);
  const early = {
    ...variables,
    onsiteDate: '2026-03-20T00:00:00+08:00',
    noticeIssuedAt: '2026-03-01T02:00:00.000Z',
  };
  expect(evaluateFeel(expression, early, now)).toBe('2026-03-31T02:00:00Z');
  const late = {
    ...variables,
    onsiteDate: '2026-04-20T00:00:00+08:00',
    noticeIssuedAt: '2026-03-01T02:00:00.000Z',
  };
  expect(evaluateFeel(expression, late, now)).toBe('2026-04-20T00:00:00+08:00');
});

test('the 挂牌督导 visit counter counts visits and each month’s start resets it', async () => {
  const { bundle, procs } = await load('guapai');
  const counter = (id: string) => {
    const element = procs.flatMap(flowElements).find((e) => e.id === id) as Element;
    const outputs = list(extension(element, 'zeebe:IoMapping')?.outputParameters);
    return String(outputs.find((o) => o.target === 'visitsThisMonth')?.source);
  };
  const variables = sampleVariables(bundle, null);
  expect(evaluateFeel(counter('Task_Visit'), variables)).toBe(1);
  expect(evaluateFeel(counter('Task_Visit'), { ...variables, visitsThisMonth: 1 })).toBe(2);
  expect(evaluateFeel(counter('Task_MonthStart'), { ...variables, visitsThisMonth: 2 })).toBe(0);
});

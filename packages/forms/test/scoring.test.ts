import {
  checkIndicatorMapping,
  compileForm,
  ScoreSheetSchema,
  scoreSubmission,
  validateSubmission,
} from '@ddt/forms';
import type { IndicatorSet } from '@ddt/program';
import { Value } from '@sinclair/typebox/value';
import { kaixueIndicators } from './fixtures/kaixue-indicators.js';
import { kindergartenIndicators } from './fixtures/kindergarten-indicators.js';

const number = (key: string, indicator: string) => ({
  type: 'number',
  key,
  label: key,
  input: true,
  validate: { min: 0, max: 10 },
  properties: { indicator },
});
const radio = (key: string, indicator: string, values: string[]) => ({
  type: 'radio',
  key,
  label: key,
  input: true,
  values: values.map((value) => ({ value, label: value })),
  properties: { indicator },
});
const LEVELS = ['met', 'basic', 'unmet'];
const PASS = ['pass', 'fail'];

const scoreLeaves = [
  'K1.1',
  'K1.3',
  'K1.4',
  'K2.1',
  'K2.2',
  'K2.3',
  'K3.1',
  'K3.2',
  'K3.3',
  'K4.1.2',
  'K4.2',
  'K4.4',
  'K5.1',
];
const selfCheck = compileForm({
  components: [
    ...scoreLeaves.map((code) => number(`s${code.replaceAll('.', '_')}`, code)),
    radio('textbooks', 'K1.2', LEVELS),
    radio('dangerousBuildings', 'K4.1.1', PASS),
    {
      type: 'datagrid',
      key: 'sites',
      label: '三防检查点',
      input: true,
      components: [number('siteScore', 'K4.3')],
    },
  ],
});

function kaixueData(score: number, overrides: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = {
    textbooks: 'met',
    dangerousBuildings: 'pass',
    sites: [{ siteScore: score }],
  };
  for (const code of scoreLeaves) data[`s${code.replaceAll('.', '_')}`] = score;
  return { ...data, ...overrides };
}

function scoreKaixue(data: Record<string, unknown>, schoolType: 'primary' | 'senior' = 'primary') {
  const result = validateSubmission(selfCheck, data);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return scoreSubmission({
    indicators: kaixueIndicators,
    forms: { selfcheck: selfCheck },
    data: { selfcheck: result.data },
    schoolType,
  });
}

describe('scoring the 开学督导 indicator tree (K1–K5 weighted 25/15/20/30/10)', () => {
  test('full marks make 100, 优秀, passed', () => {
    const sheet = scoreKaixue(kaixueData(10));
    expect(Value.Check(ScoreSheetSchema, sheet)).toBe(true);
    expect(sheet).toMatchObject({
      total: 100,
      maxTotal: 100,
      percent: 100,
      grade: '优秀',
      passed: true,
      failedKeyIndicators: [],
    });
    expect(sheet.areas.map((area) => [area.code, area.score, area.max])).toEqual([
      ['K1', 25, 25],
      ['K2', 15, 15],
      ['K3', 20, 20],
      ['K4', 30, 30],
      ['K5', 10, 10],
    ]);
  });

  test('leaf scores are scaled to the area weights and 基本达标 counts 60%', () => {
    const sheet = scoreKaixue(kaixueData(8, { textbooks: 'basic' }));
    // K1 (8+6+8+8)/40×25 = 18.75, K2 24/30×15 = 12, K3 24/30×20 = 16, K4 32/40×30 = 24, K5 8
    expect(sheet.areas.map((area) => area.score)).toEqual([18.75, 12, 16, 24, 8]);
    expect(sheet).toMatchObject({ total: 78.75, percent: 78.75, grade: '合格', passed: true });
    expect(sheet.indicators.find((row) => row.code === 'K1.2')).toMatchObject({
      rule: 'level',
      level: 'basic',
      score: 6,
      max: 10,
    });
  });

  test('a failed 一票否决 key indicator fails the whole evaluation whatever the score', () => {
    const sheet = scoreKaixue(kaixueData(10, { dangerousBuildings: 'fail' }));
    expect(sheet).toMatchObject({
      total: 100,
      grade: '不合格',
      passed: false,
      failedKeyIndicators: ['K4.1.1'],
    });
    expect(sheet.indicators.find((row) => row.code === 'K4.1.1')).toMatchObject({
      key: true,
      keyScope: 'total',
      passed: false,
    });
  });

  test('an unanswered key indicator counts as failed', () => {
    const sheet = scoreKaixue(kaixueData(10, { dangerousBuildings: undefined }));
    expect(sheet.failedKeyIndicators).toEqual(['K4.1.1']);
    expect(sheet.indicators.find((row) => row.code === 'K4.1.1')).toMatchObject({
      answered: false,
      passed: false,
    });
  });

  test('an indicator that does not apply to the school type counts for nothing', () => {
    const sheet = scoreKaixue(kaixueData(10, { sK2_1: 0 }), 'senior');
    expect(sheet.indicators.find((row) => row.code === 'K2.1')).toMatchObject({
      applicable: false,
      score: 0,
      max: 0,
    });
    expect(sheet.areas.find((area) => area.code === 'K2')).toMatchObject({ score: 15, max: 15 });
    expect(sheet.total).toBe(100);
    expect(scoreKaixue(kaixueData(10, { sK2_1: 0 }), 'primary').total).toBe(95);
  });

  test('a component repeated in datagrid rows gives the mean of its scores', () => {
    const sheet = scoreKaixue(kaixueData(10, { sites: [{ siteScore: 10 }, { siteScore: 6 }] }));
    expect(sheet.indicators.find((row) => row.code === 'K4.3')).toMatchObject({
      score: 8,
      max: 10,
      answered: true,
    });
  });

  test('a whole area that does not apply lowers the maximum', () => {
    const indicators: IndicatorSet = {
      forms: ['f'],
      gradeBands: [
        { minPercent: 60, label: '合格' },
        { minPercent: 0, label: '不合格' },
      ],
      tree: [
        {
          code: 'X1',
          name: '通用',
          maxScore: 60,
          children: [{ code: 'X1.1', name: '通用项', rule: 'score', maxScore: 10 }],
        },
        {
          code: 'X2',
          name: '幼儿园专项',
          maxScore: 40,
          appliesTo: ['kindergarten'],
          children: [{ code: 'X2.1', name: '专项', rule: 'score', maxScore: 10 }],
        },
      ],
    };
    const form = compileForm({ components: [number('a', 'X1.1'), number('b', 'X2.1')] });
    const sheet = scoreSubmission({
      indicators,
      forms: { f: form },
      data: { f: { a: 6, b: 10 } },
      schoolType: 'primary',
    });
    expect(sheet).toMatchObject({ total: 36, maxTotal: 60, percent: 60, grade: '合格', passed: true });
    expect(sheet.areas[1]).toMatchObject({ code: 'X2', applicable: false, max: 0, passed: true });
  });
});

describe('scoring the 幼儿园办园行为督导评估 tree (A1–A5 with 关键指标)', () => {
  const keys = ['B1.1', 'B1.2', 'B1.3', 'B1.4', 'B4.1', 'B16', 'B27'];
  const levels = ['B3', 'B4.2', 'B7', 'B8', 'B13', 'B18', 'B20', 'B23', 'B28'];
  const key = (code: string) => `k${code.replaceAll('.', '_')}`;
  const evaluation = compileForm({
    components: [
      ...keys.map((code) => radio(key(code), code, PASS)),
      ...levels.map((code) => radio(key(code), code, LEVELS)),
    ],
  });
  const score = (overrides: Record<string, string> = {}) => {
    const data: Record<string, unknown> = {};
    for (const code of keys) data[key(code)] = 'pass';
    for (const code of levels) data[key(code)] = 'met';
    for (const [code, value] of Object.entries(overrides)) data[key(code)] = value;
    const result = validateSubmission(evaluation, data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return scoreSubmission({
      indicators: kindergartenIndicators,
      forms: { 'kg-evaluation': evaluation },
      data: { 'kg-evaluation': result.data },
      schoolType: 'kindergarten',
    });
  };

  test('all key indicators passed and every item 达标 make 100, 优秀', () => {
    expect(score()).toMatchObject({
      total: 100,
      maxTotal: 100,
      grade: '优秀',
      passed: true,
      failedKeyIndicators: [],
    });
  });

  test('a failed area-scope key indicator fails its area and the evaluation, but not the grade', () => {
    const sheet = score({ B16: 'fail' });
    expect(sheet.areas.find((area) => area.code === 'A3')).toMatchObject({
      passed: false,
      failedKeyIndicators: ['B16'],
      score: 25,
    });
    expect(sheet.areas.filter((area) => area.code !== 'A3').every((area) => area.passed)).toBe(true);
    expect(sheet).toMatchObject({ grade: '优秀', passed: false, failedKeyIndicators: ['B16'] });
  });

  test('a failed total-scope key indicator (办园许可证) vetoes the whole evaluation', () => {
    const sheet = score({ 'B1.1': 'fail' });
    expect(sheet).toMatchObject({
      total: 100,
      grade: '不合格',
      passed: false,
      failedKeyIndicators: ['B1.1'],
    });
    expect(sheet.areas.find((area) => area.code === 'A1')).toMatchObject({
      passed: true,
      failedKeyIndicators: ['B1.1'],
    });
  });

  test('不达标 and 基本达标 items lower the score', () => {
    const sheet = score({ B3: 'unmet', 'B4.2': 'basic' });
    // A1: (0 + 6) of 20 points → 6/20 × 20 = 6
    expect(sheet.areas[0]).toMatchObject({ code: 'A1', score: 6, max: 20 });
    expect(sheet).toMatchObject({ total: 86, grade: '良好', passed: true });
  });
});

describe('checkIndicatorMapping', () => {
  test('finds unknown codes, leaves nobody answers and components that cannot express their rule', () => {
    const indicators: IndicatorSet = {
      forms: ['f'],
      gradeBands: [{ minPercent: 0, label: '合格' }],
      tree: [
        {
          code: 'A1',
          name: '领域',
          children: [
            { code: 'A1.1', name: '评分项', rule: 'score', maxScore: 10 },
            { code: 'A1.2', name: '达标项', rule: 'level', maxScore: 10 },
            { code: 'A1.3', name: '关键项', rule: 'pass', key: true },
          ],
        },
      ],
    };
    const form = compileForm({
      components: [
        number('a', 'A1.1'),
        radio('b', 'A1.2', ['good', 'bad']),
        radio('c', 'A1', PASS),
        radio('d', 'Z9', PASS),
      ],
    });
    expect(
      checkIndicatorMapping(indicators, { f: form }).map((problem) => [problem.code, problem.indicator]),
    ).toEqual([
      ['FORM_ERR_INDICATOR_VALUES', 'A1.2'],
      ['FORM_ERR_INDICATOR_UNKNOWN', 'A1'],
      ['FORM_ERR_INDICATOR_UNKNOWN', 'Z9'],
      ['FORM_ERR_INDICATOR_UNMAPPED', 'A1.3'],
    ]);
  });
});

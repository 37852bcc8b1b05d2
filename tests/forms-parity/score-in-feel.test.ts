import { compileForm, scoreSubmission, validateSubmission } from '@ddt/forms';
import { evaluate } from 'feelin';
import { benchmarkData, benchmarkForm } from '../../packages/forms/bench/benchmark-form.js';
import { kaixueIndicators } from '../../packages/forms/test/fixtures/kaixue-indicators.js';

/** Gateways read the score sheet in FEEL (`=score.total >= 80`); it must be plain JSON that feelin understands. */
describe('the score sheet in FEEL gateway conditions', () => {
  const form = compileForm(benchmarkForm());
  const sheetFor = (data: Record<string, unknown>) => {
    const result = validateSubmission(form, data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return scoreSubmission({
      indicators: kaixueIndicators,
      forms: { selfcheck: form },
      data: { selfcheck: result.data },
      schoolType: 'primary',
    });
  };
  const feel = (expression: string, score: unknown) => evaluate(expression, { score }).value;

  test('a passing sheet', () => {
    const score = JSON.parse(JSON.stringify(sheetFor(benchmarkData())));
    expect(feel('score.failedKeyIndicators = []', score)).toBe(true);
    expect(feel('score.failedKeyCount = 0', score)).toBe(true);
    expect(feel('score.total >= 0 and score.total <= score.maxTotal', score)).toBe(true);
    expect(feel('score.total >= 80', score)).toBe(score.total >= 80);
    expect(feel('score.areas[code = "K4"][1].max', score)).toBe(30);
  });

  test('a sheet with a failed 一票否决 indicator', () => {
    const score = JSON.parse(JSON.stringify(sheetFor({ ...benchmarkData(), r0: 'no' })));
    // feelin 8 compares lists of different lengths to null, not false; failedKeyCount gives a real boolean.
    expect(feel('score.failedKeyIndicators = []', score)).not.toBe(true);
    expect(feel('score.failedKeyCount > 0', score)).toBe(true);
    expect(feel('list contains(score.failedKeyIndicators, "K4.1.1")', score)).toBe(true);
    expect(feel('score.passed', score)).toBe(false);
    expect(feel('score.grade', score)).toBe('不合格');
  });
});

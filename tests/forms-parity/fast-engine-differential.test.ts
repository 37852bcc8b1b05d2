import { compileForm } from '@ddt/forms';
import { jest } from '@jest/globals';
import { benchmarkData, benchmarkForm } from '../../packages/forms/bench/benchmark-form.js';
import { evaluateSubmission } from '../../packages/forms/src/validate/validate-submission.js';
import { edgeForm } from './edge-form.js';
import { kindergartenForm, selfCheckForm } from './parity-forms.js';
import { generateSubmissions } from './submission-generator.js';

/**
 * The fast engine replaces @formio/core's processSync for the forms it covers; it is only allowed to do so
 * because it gives the same answer. Generated submissions (valid and broken in every way a client can
 * send them) go through both engines: errors, their order, and the cleaned data must be identical.
 */
describe('fast engine against @formio/core processSync', () => {
  const forms = { edgeForm, selfCheckForm, kindergartenForm, benchmarkForm: benchmarkForm() };

  beforeAll(() => {
    // processSync logs rule failures it ignores (e.g. `max` on a missing currency value) with console.error.
    jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(() => jest.restoreAllMocks());

  test.each(Object.entries(forms))(
    '%s gives the same errors and cleaned data on 300 generated submissions',
    (_name, form) => {
      const compiled = compileForm(form as Record<string, unknown>);
      expect(compiled.engine).toBe('fast');
      const submissions = generateSubmissions(
        form as { components: Record<string, unknown>[] },
        300,
        20260101,
      );
      let withErrors = 0;
      for (const data of submissions) {
        const fast = evaluateSubmission(compiled, data, 'fast');
        const reference = evaluateSubmission(compiled, data, 'reference');
        expect(fast).toEqual(reference);
        if (fast.errors.length > 0) withErrors++;
      }
      expect(withErrors).toBeGreaterThan(0);
    },
  );

  test('the benchmark submission is valid in both engines', () => {
    const compiled = compileForm(benchmarkForm());
    const fast = evaluateSubmission(compiled, benchmarkData(), 'fast');
    expect(fast.errors).toEqual([]);
    expect(evaluateSubmission(compiled, benchmarkData(), 'reference')).toEqual(fast);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
    '%s gives the same errors and cleaned data on 200 generated submissions',
    (_name, form) => {
      const compiled = compileForm(form as Record<string, unknown>);
      expect(compiled.engine).toBe('fast');
      const submissions = generateSubmissions(form, 200, 20260101);
      let withErrors = 0;
      for (const data of submissions) {
        const fast = evaluateSubmission(compiled, data, 'fast');
        const reference = evaluateSubmission(compiled, data, 'reference');
        expect(roundTrip(fast)).toEqual(roundTrip(reference));
        if (fast.errors.length > 0) withErrors++;
      }
      expect(withErrors).toBeGreaterThan(0);
    },
  );

  test('every shipped definition form the fast engine covers agrees on 40 generated submissions', () => {
    const definitions = fileURLToPath(new URL('../../definitions', import.meta.url));
    let covered = 0;
    for (const program of readdirSync(definitions, { withFileTypes: true })) {
      if (!program.isDirectory()) continue;
      const folder = `${definitions}/${program.name}/forms`;
      let files: string[] = [];
      try {
        files = readdirSync(folder).filter((file) => file.endsWith('.json'));
      } catch {
        continue;
      }
      for (const file of files) {
        const form = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'));
        const compiled = compileForm(form);
        if (compiled.engine !== 'fast') continue;
        covered++;
        for (const data of generateSubmissions(form, 40, covered)) {
          expect(roundTrip(evaluateSubmission(compiled, data, 'fast'))).toEqual(
            roundTrip(evaluateSubmission(compiled, data, 'reference')),
          );
        }
      }
    }
    expect(covered).toBeGreaterThan(0);
  });

  test('the benchmark submission is valid in both engines', () => {
    const compiled = compileForm(benchmarkForm());
    const fast = evaluateSubmission(compiled, benchmarkData(), 'fast');
    expect(fast.errors).toEqual([]);
    expect(evaluateSubmission(compiled, benchmarkData(), 'reference')).toEqual(fast);
  });
});

/** As stored: JSON, so a hole in a row array and a null compare equal, as they will be in the store. */
function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

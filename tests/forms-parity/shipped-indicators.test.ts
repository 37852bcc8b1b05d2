import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkIndicatorMapping, compileForm, scoreSubmission } from '@ddt/forms';
import { type IndicatorSet, ProgramManifestSchema } from '@ddt/program';
import { Value } from '@sinclair/typebox/value';

const definitions = fileURLToPath(new URL('../../definitions', import.meta.url));

function shippedIndicatorSets() {
  const sets: [string, IndicatorSet, Record<string, ReturnType<typeof compileForm>>][] = [];
  for (const program of readdirSync(definitions, { withFileTypes: true })) {
    if (!program.isDirectory()) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(`${definitions}/${program.name}/program.json`, 'utf8'));
    } catch {
      continue;
    }
    if (!Value.Check(ProgramManifestSchema, manifest)) continue;
    for (const [id, indicators] of Object.entries(manifest.indicators ?? {})) {
      const forms = Object.fromEntries(
        indicators.forms.map((formId) => [
          formId,
          compileForm(
            JSON.parse(readFileSync(`${definitions}/${program.name}/forms/${formId}.json`, 'utf8')),
          ),
        ]),
      );
      sets.push([`${program.name}/${id}`, indicators, forms]);
    }
  }
  return sets;
}

/** The programs' indicator trees are data the scorer reads; their forms must answer every leaf. */
describe('shipped indicator trees', () => {
  const sets = shippedIndicatorSets();

  test('exist', () => {
    expect(sets.length).toBeGreaterThan(0);
  });

  test.each(sets)(
    '%s is answered by its forms and scores an empty submission as failing',
    (_name, indicators, forms) => {
      expect(checkIndicatorMapping(indicators, forms)).toEqual([]);
      const data = Object.fromEntries(indicators.forms.map((formId) => [formId, {}]));
      const sheet = scoreSubmission({ indicators, forms, data, schoolType: 'primary' });
      expect(sheet.total).toBe(0);
      expect(sheet.passed).toBe(false);
    },
  );
});

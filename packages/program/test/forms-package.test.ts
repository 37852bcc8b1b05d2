import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompiledForm, compileForm, scoreSubmission } from '@ddt/forms';
import type { IndicatorNode, ProgramManifest } from '@ddt/program';
import { type FormDefinition, walkComponents } from './support/form-components.js';
import { definitionsDir } from './support/program-folders.js';

// The server compiles every form when it publishes a program and scores submissions of scored forms.
const PROGRAMS = ['kaixue', 'shuangjian', 'youeryuan', 'yiqing', 'guapai', 'zonghe'];
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(definitionsDir, ...path), 'utf8'));

const leavesOf = (nodes: IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((node) => (node.children?.length ? leavesOf(node.children) : [node]));

/** A submission that rates every indicator of the form at its best (or worst) value. */
function ratings(form: FormDefinition, best: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  walkComponents(form.components ?? [], (c) => {
    if (c.properties?.indicator === undefined || !c.key) return;
    if (c.type === 'number') data[c.key] = best ? c.validate?.max : 0;
    else data[c.key] = (best ? c.values?.[0] : c.values?.at(-1))?.value;
  });
  return data;
}

describe.each(PROGRAMS)('program %s', (folder) => {
  const manifest = readJson(folder, 'program.json') as ProgramManifest;
  const compiled: Record<string, CompiledForm> = {};

  test('every form compiles with the forms package (no code, JSONLogic within the allowed set)', () => {
    for (const formId of Object.keys(manifest.forms)) {
      compiled[formId] = compileForm(readJson(folder, 'forms', `${formId}.json`));
      expect(compiled[formId]).toBeDefined();
    }
  });

  test('a scored form rated at its best scores 100% and passes; at its worst it fails with every key indicator named', () => {
    for (const set of Object.values(manifest.indicators ?? {})) {
      const keyCodes = leavesOf(set.tree)
        .filter((leaf) => leaf.key)
        .map((leaf) => leaf.code);
      for (const formId of set.forms) {
        const form = readJson(folder, 'forms', `${formId}.json`) as FormDefinition;
        const forms = { [formId]: compileForm(form as Record<string, unknown>) };
        const schoolType = manifest.targetSchoolTypes[0] as (typeof manifest.targetSchoolTypes)[number];
        const best = scoreSubmission({
          indicators: set,
          forms,
          data: { [formId]: ratings(form, true) },
          schoolType,
        });
        expect({ formId, percent: best.percent, passed: best.passed, grade: best.grade }).toEqual({
          formId,
          percent: 100,
          passed: true,
          grade: set.gradeBands[0]?.label,
        });
        const worst = scoreSubmission({
          indicators: set,
          forms,
          data: { [formId]: ratings(form, false) },
          schoolType,
        });
        expect({
          formId,
          passed: worst.passed,
          grade: worst.grade,
          failedKeys: worst.failedKeyIndicators,
        }).toEqual({
          formId,
          passed: false,
          grade: set.gradeBands.at(-1)?.label,
          failedKeys: keyCodes,
        });
      }
    }
  });
});

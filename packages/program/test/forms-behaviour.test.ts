import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgramManifest } from '@ddt/program';
import formioCore from '@formio/core';
import { type FormComponent, type FormDefinition, walkComponents } from './support/form-components.js';
import { definitionsDir } from './support/program-folders.js';

const { processSync, Processors, rules, interpolateErrors } = formioCore;
const PROGRAMS = ['kaixue', 'shuangjian', 'youeryuan', 'yiqing', 'guapai', 'zonghe'];

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(definitionsDir, ...path), 'utf8'));
const formOf = (folder: string, formId: string) =>
  readJson(folder, 'forms', `${formId}.json`) as FormDefinition;

/** Runs Form.io's own server-side processing (defaults, conditions, clearing hidden fields, validation). */
function submit(form: FormDefinition, data: Record<string, unknown>) {
  const context = {
    components: form.components as never,
    data: structuredClone(data),
    processors: Processors,
    rules,
    scope: { errors: [] },
    config: { server: true },
  };
  processSync(context as never);
  const errors = interpolateErrors((context.scope as { errors: never[] }).errors) as {
    context: { path?: string; key?: string };
  }[];
  return { data: context.data, failing: new Set(errors.map((e) => String(e.context.path ?? e.context.key))) };
}

describe('the 疫情 daily report', () => {
  const form = formOf('yiqing', 'daily-report');

  test('is one click: an untouched form submits as a zero report without errors', () => {
    const result = submit(form, {});
    expect(result.failing).toEqual(new Set());
    expect(result.data.reportType).toBe('zero');
  });

  test('asks for the case details only when the school reports cases', () => {
    const result = submit(form, { reportType: 'cases' });
    for (const key of ['newCases', 'symptoms', 'maxSameClassToday', 'maxSameClass3Days', 'measuresTaken']) {
      expect(result.failing.has(key)).toBe(true);
    }
  });

  test('drops case details left over from a switch back to the zero report', () => {
    const result = submit(form, { reportType: 'zero', newCases: 4, maxSameClassToday: 3 });
    expect(result.failing).toEqual(new Set());
    expect(result.data.newCases).toBeUndefined();
    expect(result.data.maxSameClassToday).toBeUndefined();
  });
});

describe.each(PROGRAMS)('program %s', (folder) => {
  const manifest = readJson(folder, 'program.json') as ProgramManifest;

  test('every form processes an empty submission and reports only missing input', () => {
    for (const formId of Object.keys(manifest.forms)) {
      const form = formOf(folder, formId);
      const keys = new Set<string>();
      walkComponents(form.components ?? [], (c) => {
        if (c.key) keys.add(c.key);
      });
      const { failing } = submit(form, {});
      for (const path of failing) {
        const key = path
          .replace(/\[\d+\]/g, '')
          .split('.')
          .pop() as string;
        expect({ formId, path, known: keys.has(key) }).toEqual({ formId, path, known: true });
      }
    }
  });

  test('a key indicator answered without its photo evidence is refused, and one not yet answered asks for no photo', () => {
    type Tree = NonNullable<ProgramManifest['indicators']>[string]['tree'];
    const keyLeaves = (nodes: Tree): string[] =>
      nodes.flatMap((node) =>
        node.children?.length ? keyLeaves(node.children) : node.key ? [node.code] : [],
      );
    for (const set of Object.values(manifest.indicators ?? {})) {
      const keyCodes = new Set(keyLeaves(set.tree));
      for (const formId of set.forms) {
        const form = formOf(folder, formId);
        const rated: FormComponent[] = [];
        walkComponents(form.components ?? [], (c) => {
          if (keyCodes.has(String(c.properties?.indicator))) rated.push(c);
        });
        expect({ formId, rated: rated.length }).toEqual({ formId, rated: keyCodes.size });
        for (const rating of rated) {
          const evidence = `${rating.key}Evidence`;
          const answered = submit(form, { [String(rating.key)]: rating.values?.[0]?.value });
          expect({ formId, evidence, required: answered.failing.has(evidence) }).toEqual({
            formId,
            evidence,
            required: true,
          });
          const unanswered = submit(form, {});
          expect({ formId, evidence, required: unanswered.failing.has(evidence) }).toEqual({
            formId,
            evidence,
            required: false,
          });
        }
      }
    }
  });
});

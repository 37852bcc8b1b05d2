import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintProgram } from '@ddt/definitions-linter';
import { compileDefinition } from '@ddt/engine';
import { type IndicatorNode, loadProgramFolder, type ProgramBundle } from '@ddt/program';
import {
  diagramIds,
  extension,
  flowElements,
  list,
  type ParsedDefinitions,
  parseBpmn,
  processes,
  processScope,
} from './support/bpmn-model.js';
import { type FormDefinition, walkComponents } from './support/form-components.js';
import { definitionsDir, programFolders } from './support/program-folders.js';

const ROLES = new Set(['school', 'inspector', 'office']);
const FORBIDDEN_TYPES = new Set([
  'bpmn:ScriptTask',
  'bpmn:ComplexGateway',
  'bpmn:InclusiveGateway',
  'bpmn:CallActivity',
  'bpmn:BusinessRuleTask',
]);
const CJK = /[\u4e00-\u9fff]/;
const LEVEL_VALUES = ['met', 'basic', 'unmet'];
const PASS_VALUES = ['pass', 'fail'];

interface LoadedProgram {
  folder: string;
  bundle: ProgramBundle;
  parsed: ParsedDefinitions;
  readme: string;
}

const handlersDoc = readFileSync(join(definitionsDir, 'HANDLERS.md'), 'utf8');
const documentedHandlers = new Set(
  [...handlersDoc.matchAll(/^#{2,3} `([a-z][a-z0-9.-]*)`/gm)].map((m) => String(m[1])),
);

const folders = programFolders();
const loaded = new Map<string, LoadedProgram>();

beforeAll(async () => {
  for (const folder of folders) {
    const dir = join(definitionsDir, folder);
    const bundle = await loadProgramFolder(dir);
    const parsed = await parseBpmn(bundle.bpmn);
    loaded.set(folder, { folder, bundle, parsed, readme: readFileSync(join(dir, 'README.md'), 'utf8') });
  }
});

const program = (folder: string): LoadedProgram => {
  const found = loaded.get(folder);
  if (!found) throw new Error(`${folder} did not load`);
  return found;
};

const userTasks = (p: LoadedProgram) =>
  processes(p.parsed.definitions).flatMap((proc) =>
    flowElements(proc)
      .filter((e) => e.$type === 'bpmn:UserTask')
      .map((task) => ({ task, scope: processScope(proc) })),
  );

const formOf = (p: LoadedProgram, id: string) => p.bundle.forms[id] as FormDefinition;

function indicatorLeaves(tree: IndicatorNode[]): IndicatorNode[] {
  return tree.flatMap((node) => (node.children?.length ? indicatorLeaves(node.children) : [node]));
}

function indicatorCodes(tree: IndicatorNode[]): string[] {
  return tree.flatMap((node) => [node.code, ...indicatorCodes(node.children ?? [])]);
}

test('the six shipped programs are all present', () => {
  for (const folder of ['kaixue', 'shuangjian', 'youeryuan', 'yiqing', 'guapai', 'zonghe']) {
    expect(folders).toContain(folder);
  }
});

describe.each(folders)('program %s', (folder) => {
  test('its manifest loads with loadProgramFolder and names its own folder', () => {
    const p = program(folder);
    expect(p.bundle.manifest.key).toBe(folder);
    expect(CJK.test(p.bundle.manifest.name)).toBe(true);
  });

  test('its BPMN parses with the zeebe descriptor without warnings', () => {
    expect(program(folder).parsed.warnings).toEqual([]);
  });

  test('it has one school-scope process and at most one campaign-scope process, all executable', () => {
    const procs = processes(program(folder).parsed.definitions);
    const scopes = procs.map(processScope).sort();
    expect(scopes.filter((s) => s === 'school')).toHaveLength(1);
    expect(scopes.filter((s) => s === 'campaign').length).toBeLessThanOrEqual(1);
    expect(scopes.every((s) => s === 'school' || s === 'campaign')).toBe(true);
    for (const proc of procs) {
      expect(proc.isExecutable).toBe(true);
      const starts = list(proc.flowElements).filter((e) => e.$type === 'bpmn:StartEvent');
      expect(starts).toHaveLength(1);
      expect(list(starts[0]?.eventDefinitions)).toEqual([]);
    }
  });

  test('it uses no element or construct the runtime refuses (scripts, JavaScript, inclusive/complex gateways, call activities, DMN)', () => {
    const p = program(folder);
    for (const proc of processes(p.parsed.definitions)) {
      for (const element of flowElements(proc)) expect(FORBIDDEN_TYPES.has(element.$type)).toBe(false);
    }
    expect(p.bundle.bpmn).not.toContain('${');
    expect(p.bundle.bpmn).not.toMatch(/language=|scriptFormat|<bpmn:script/);
  });

  test('every user task names a form of the program, a known role or a FEEL assignee, and a FEEL due date', () => {
    const p = program(folder);
    const tasks = userTasks(p);
    expect(tasks.length).toBeGreaterThan(0);
    for (const { task, scope } of tasks) {
      const formId = String(extension(task, 'zeebe:FormDefinition')?.formId ?? '');
      expect({ task: task.id, formId, exists: formId in p.bundle.forms }).toEqual({
        task: task.id,
        formId,
        exists: true,
      });
      const assignment = extension(task, 'zeebe:AssignmentDefinition');
      const groups = String(assignment?.candidateGroups ?? '');
      const assignee = String(assignment?.assignee ?? '');
      if (groups) {
        expect(ROLES.has(groups)).toBe(true);
        // A campaign-scope instance has no school, so only the office can act in it.
        if (scope === 'campaign') expect(groups).toBe('office');
        // The form's declared filler and the task's role agree.
        expect({ task: task.id, role: groups }).toEqual({
          task: task.id,
          role: p.bundle.manifest.forms[formId]?.filledBy,
        });
      } else {
        expect(assignee.startsWith('=')).toBe(true);
      }
      expect(String(extension(task, 'zeebe:TaskSchedule')?.dueDate ?? '')).toMatch(/^=/);
    }
  });

  test('its declared forms, its form files and the forms its tasks use are the same set', () => {
    const p = program(folder);
    const declared = Object.keys(p.bundle.manifest.forms).sort();
    const files = Object.keys(p.bundle.forms).sort();
    const used = [
      ...new Set(userTasks(p).map(({ task }) => String(extension(task, 'zeebe:FormDefinition')?.formId))),
    ].sort();
    expect(files).toEqual(declared);
    expect(used).toEqual(declared);
  });

  test('every service task names a handler documented in definitions/HANDLERS.md, with retries', () => {
    const p = program(folder);
    for (const proc of processes(p.parsed.definitions)) {
      for (const element of flowElements(proc).filter((e) => e.$type === 'bpmn:ServiceTask')) {
        const definition = extension(element, 'zeebe:TaskDefinition');
        const type = String(definition?.type ?? '');
        expect({ task: element.id, type, documented: documentedHandlers.has(type) }).toEqual({
          task: element.id,
          type,
          documented: true,
        });
        expect(Number(definition?.retries)).toBeGreaterThan(0);
      }
    }
  });

  test('every parameter is used by the process, documented in the README, and duration defaults are ISO 8601', () => {
    const p = program(folder);
    for (const parameter of p.bundle.manifest.parameters) {
      const used = new RegExp(`params\\.${parameter.key}\\b`).test(p.bundle.bpmn);
      expect({ parameter: parameter.key, used }).toEqual({
        parameter: parameter.key,
        used: true,
      });
      expect({ parameter: parameter.key, documented: p.readme.includes(`\`${parameter.key}\``) }).toEqual({
        parameter: parameter.key,
        documented: true,
      });
      if (parameter.type === 'duration')
        expect(String(parameter.default)).toMatch(/^P(\d+[YMWD])*(T(\d+[HMS])+)?$/);
      if (typeof parameter.default === 'number') {
        if (parameter.minimum !== undefined)
          expect(parameter.default).toBeGreaterThanOrEqual(parameter.minimum);
        if (parameter.maximum !== undefined) expect(parameter.default).toBeLessThanOrEqual(parameter.maximum);
      }
    }
  });

  test('its README is written in Chinese and names every form', () => {
    const p = program(folder);
    expect(CJK.test(p.readme)).toBe(true);
    for (const entry of Object.values(p.bundle.manifest.forms)) expect(p.readme).toContain(entry.title);
  });

  test('indicator trees are consistent with the forms that score them', () => {
    const p = program(folder);
    const sets = Object.entries(p.bundle.manifest.indicators ?? {});
    const scored = new Set(sets.flatMap(([, set]) => set.forms));
    for (const [formId, form] of Object.entries(p.bundle.forms) as [string, FormDefinition][]) {
      if (scored.has(formId)) continue;
      walkComponents(form.components ?? [], (c) => {
        expect({ formId, key: c.key, indicator: c.properties?.indicator }).toEqual({
          formId,
          key: c.key,
          indicator: undefined,
        });
      });
    }
    for (const [setId, set] of sets) {
      const codes = indicatorCodes(set.tree);
      expect({ setId, duplicateCodes: codes.filter((c, i) => codes.indexOf(c) !== i) }).toEqual({
        setId,
        duplicateCodes: [],
      });
      const leaves = new Map(indicatorLeaves(set.tree).map((leaf) => [leaf.code, leaf]));
      for (const leaf of leaves.values()) {
        expect({ setId, leaf: leaf.code, rule: Boolean(leaf.rule) }).toEqual({
          setId,
          leaf: leaf.code,
          rule: true,
        });
        if (leaf.rule !== 'pass')
          expect({ setId, leaf: leaf.code, maxScore: typeof leaf.maxScore }).toEqual({
            setId,
            leaf: leaf.code,
            maxScore: 'number',
          });
      }
      const bands = set.gradeBands.map((b) => b.minPercent);
      expect(bands).toEqual([...bands].sort((a, b) => b - a));
      expect(bands.at(-1)).toBe(0);
      for (const formId of set.forms) {
        expect({ setId, formId, exists: formId in p.bundle.forms }).toEqual({ setId, formId, exists: true });
        const referenced: string[] = [];
        walkComponents(formOf(p, formId).components ?? [], (c) => {
          const code = c.properties?.indicator;
          if (code === undefined) return;
          referenced.push(String(code));
          const leaf = leaves.get(String(code));
          expect({ formId, key: c.key, code, isLeaf: Boolean(leaf) }).toEqual({
            formId,
            key: c.key,
            code,
            isLeaf: true,
          });
          if (!leaf) return;
          const values = (c.values ?? []).map((v) => v.value);
          if (leaf.rule === 'level')
            expect({ formId, key: c.key, type: c.type, values }).toEqual({
              formId,
              key: c.key,
              type: 'radio',
              values: LEVEL_VALUES,
            });
          if (leaf.rule === 'pass')
            expect({ formId, key: c.key, type: c.type, values }).toEqual({
              formId,
              key: c.key,
              type: 'radio',
              values: PASS_VALUES,
            });
          if (leaf.rule === 'score') {
            expect({ formId, key: c.key, type: c.type, min: c.validate?.min, max: c.validate?.max }).toEqual({
              formId,
              key: c.key,
              type: 'number',
              min: 0,
              max: leaf.maxScore,
            });
          }
        });
        // Each scored form rates every leaf exactly once, so each submission gets a whole score sheet.
        expect({ formId, codes: [...referenced].sort() }).toEqual({
          formId,
          codes: [...leaves.keys()].sort(),
        });
      }
    }
  });

  test('the runtime compiles its BPMN and the definitions linter finds no problem, not even a warning', async () => {
    // The linter runs the engine's publish check and the checks on gateways, events, reachability, FEEL
    // variables, roles, forms (Form.io shape, keys, labels, JavaScript, choices, uploads, conditions,
    // read-only fields, fields gateways read) and indicators; see packages/linter.
    const p = program(folder);
    const compiled = await compileDefinition(p.bundle.bpmn);
    expect(compiled.processes.filter((x) => x.scope === 'school')).toHaveLength(1);
    const problems = await lintProgram(p.bundle, { handlerTypes: documentedHandlers });
    expect(
      problems.map((x) => `${x.code} ${x.file}#${x.elementId ?? ''}[${x.componentKey ?? ''}] ${x.message}`),
    ).toEqual([]);
  });

  test('its diagram shows every element and flow, so the Camunda Modeler can open it', () => {
    const p = program(folder);
    const shown = diagramIds(p.parsed.definitions);
    for (const proc of processes(p.parsed.definitions)) {
      const missing = flowElements(proc)
        .map((e) => String(e.id))
        .filter((id) => !shown.has(id));
      expect({ process: proc.id, missing }).toEqual({ process: proc.id, missing: [] });
    }
    if (processes(p.parsed.definitions).length > 1) {
      const collaboration = list(p.parsed.definitions.rootElements).find(
        (e) => e.$type === 'bpmn:Collaboration',
      );
      expect(list(collaboration?.participants)).toHaveLength(processes(p.parsed.definitions).length);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDefinition, compileDefinition } from '@ddt/engine';
import { type IndicatorNode, loadProgramFolder, type ProgramBundle } from '@ddt/program';
import {
  diagramIds,
  type Element,
  expressionsOf,
  extension,
  flowElements,
  list,
  type ParsedDefinitions,
  parseBpmn,
  processes,
  processScope,
} from './support/bpmn-model.js';
import { analyseFeel } from './support/feel-names.js';
import {
  type FormComponent,
  type FormDefinition,
  javascriptStrings,
  topLevelDataKeys,
  walkComponents,
} from './support/form-components.js';
import { definitionsDir, programFolders } from './support/program-folders.js';

const ROLES = new Set(['school', 'inspector', 'office']);
const LAUNCH_FIELDS: Record<string, Set<string>> = {
  school: new Set(['id', 'name', 'type', 'ownership', 'districtId', 'officeId', 'inspectorId']),
  campaign: new Set(['id', 'title', 'deadline', 'officeId']),
  score: new Set([
    'total',
    'maxTotal',
    'percent',
    'grade',
    'passed',
    'failedKeyIndicators',
    'failedKeyCount',
    'areas',
  ]),
};
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

// `kaixue` is the lead's minimal first 开学督导 for the foundation walk; `kaixue-full` replaces it.
const FOUNDATION_ONLY = new Set(['kaixue']);
const folders = programFolders().filter((folder) => !FOUNDATION_ONLY.has(folder));
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
  for (const folder of ['kaixue-full', 'shuangjian', 'youeryuan', 'yiqing', 'guapai', 'zonghe']) {
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

  test('every gateway is well formed: conditions on all non-default exclusive branches, no parallel joins after exclusive joins, events after event gateways', () => {
    const p = program(folder);
    for (const proc of processes(p.parsed.definitions)) {
      const elements = flowElements(proc);
      const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
      const outgoing = (e: Element) => flows.filter((f) => (f.sourceRef as Element).id === e.id);
      const incoming = (e: Element) => flows.filter((f) => (f.targetRef as Element).id === e.id);
      for (const flow of flows) {
        const source = flow.sourceRef as Element;
        if (flow.conditionExpression) expect(source.$type).toBe('bpmn:ExclusiveGateway');
      }
      for (const gateway of elements.filter((e) => e.$type === 'bpmn:ExclusiveGateway')) {
        const out = outgoing(gateway);
        if (out.length < 2) continue;
        const defaultFlow = gateway.default as Element | undefined;
        for (const flow of out) {
          const isDefault = defaultFlow?.id === flow.id;
          expect({ flow: flow.id, conditional: Boolean(flow.conditionExpression) }).toEqual({
            flow: flow.id,
            conditional: !isDefault,
          });
        }
      }
      for (const gateway of elements.filter((e) => e.$type === 'bpmn:EventBasedGateway')) {
        for (const flow of outgoing(gateway)) {
          expect((flow.targetRef as Element).$type).toBe('bpmn:IntermediateCatchEvent');
        }
      }
      // bpmn-elements 17.3 fires a parallel join early when an exclusive join lies before it in the same scope.
      for (const join of elements.filter(
        (e) => e.$type === 'bpmn:ParallelGateway' && incoming(e).length > 1,
      )) {
        const seen = new Set<string>();
        const stack = [join];
        while (stack.length) {
          const current = stack.pop() as Element;
          for (const flow of incoming(current)) {
            const source = flow.sourceRef as Element;
            if (seen.has(String(source.id)) || source.$parent !== join.$parent) continue;
            seen.add(String(source.id));
            const exclusiveJoin = source.$type === 'bpmn:ExclusiveGateway' && incoming(source).length > 1;
            expect({ join: join.id, exclusiveJoinBefore: exclusiveJoin ? source.id : null }).toEqual({
              join: join.id,
              exclusiveJoinBefore: null,
            });
            stack.push(source);
          }
        }
      }
    }
  });

  test('every element is reachable from the start and every path can reach an end (loops have a way out)', () => {
    const p = program(folder);
    for (const proc of processes(p.parsed.definitions)) {
      const elements = flowElements(proc).filter((e) => e.$type !== 'bpmn:SequenceFlow');
      const next = new Map<string, string[]>();
      const link = (from: string, to: string) => next.set(from, [...(next.get(from) ?? []), to]);
      for (const e of flowElements(proc)) {
        if (e.$type === 'bpmn:SequenceFlow')
          link(String((e.sourceRef as Element).id), String((e.targetRef as Element).id));
        if (e.$type === 'bpmn:BoundaryEvent') link(String((e.attachedToRef as Element).id), String(e.id));
        if (e.$type === 'bpmn:SubProcess') {
          for (const inner of list(e.flowElements)) {
            if (inner.$type === 'bpmn:StartEvent') link(String(e.id), String(inner.id));
            if (inner.$type === 'bpmn:EndEvent') link(String(inner.id), `${String(e.id)}#done`);
          }
          link(`${String(e.id)}#done`, `${String(e.id)}#out`);
        }
      }
      // A sub-process continues along its outgoing flows only once it is done.
      for (const sub of elements.filter((e) => e.$type === 'bpmn:SubProcess')) {
        const id = String(sub.id);
        const out = (next.get(id) ?? []).filter((t) => !list(sub.flowElements).some((i) => i.id === t));
        next.set(
          id,
          (next.get(id) ?? []).filter((t) => !out.includes(t)),
        );
        next.set(`${id}#out`, out);
      }
      const start = list(proc.flowElements).find((e) => e.$type === 'bpmn:StartEvent') as Element;
      const reached = new Set<string>([String(start.id)]);
      const queue = [String(start.id)];
      while (queue.length) {
        for (const target of next.get(queue.shift() as string) ?? []) {
          if (!reached.has(target)) {
            reached.add(target);
            queue.push(target);
          }
        }
      }
      const unreachable = elements.map((e) => String(e.id)).filter((id) => !reached.has(id));
      expect({ process: proc.id, unreachable }).toEqual({ process: proc.id, unreachable: [] });

      const ends = list(proc.flowElements)
        .filter((e) => e.$type === 'bpmn:EndEvent')
        .map((e) => String(e.id));
      expect(ends.length).toBeGreaterThan(0);
      const previous = new Map<string, string[]>();
      for (const [from, targets] of next)
        for (const to of targets) previous.set(to, [...(previous.get(to) ?? []), from]);
      const canFinish = new Set(ends);
      const back = [...ends];
      while (back.length) {
        for (const source of previous.get(back.shift() as string) ?? []) {
          if (!canFinish.has(source)) {
            canFinish.add(source);
            back.push(source);
          }
        }
      }
      const stuck = elements.map((e) => String(e.id)).filter((id) => !canFinish.has(id));
      expect({ process: proc.id, stuck }).toEqual({ process: proc.id, stuck: [] });
    }
  });

  test('timers have exactly one definition, messages a FEEL correlation key, error events a coded error on a service task', () => {
    const p = program(folder);
    for (const proc of processes(p.parsed.definitions)) {
      for (const element of flowElements(proc)) {
        for (const definition of list(element.eventDefinitions)) {
          if (definition.$type === 'bpmn:TimerEventDefinition') {
            const kinds = ['timeDate', 'timeDuration', 'timeCycle'].filter((k) => definition[k]);
            expect({ timer: element.id, kinds: kinds.length }).toEqual({ timer: element.id, kinds: 1 });
          }
          if (definition.$type === 'bpmn:MessageEventDefinition') {
            const message = definition.messageRef as Element;
            const key = String(extension(message, 'zeebe:Subscription')?.correlationKey ?? '');
            expect({ message: message.name, key: key.startsWith('=') }).toEqual({
              message: message.name,
              key: true,
            });
          }
          if (definition.$type === 'bpmn:ErrorEventDefinition') {
            expect(element.$type).toBe('bpmn:BoundaryEvent');
            expect((element.attachedToRef as Element).$type).toBe('bpmn:ServiceTask');
            expect(String((definition.errorRef as Element | undefined)?.errorCode ?? '')).toMatch(
              /^[A-Z][A-Z0-9_]+$/,
            );
          }
        }
      }
    }
  });

  test('every FEEL expression parses and reads only launch variables, parameters, form fields and mapped outputs', () => {
    const p = program(folder);
    const manifest = p.bundle.manifest;
    const parameters = new Set(manifest.parameters.map((x) => x.key));
    const scoredForms = new Set(Object.values(manifest.indicators ?? {}).flatMap((set) => set.forms));
    const variables = new Set<string>();
    for (const proc of processes(p.parsed.definitions)) {
      for (const element of flowElements(proc)) {
        const io = extension(element, 'zeebe:IoMapping');
        const outputs = list(io?.outputParameters);
        for (const output of outputs) variables.add(String(output.target));
        if (element.$type === 'bpmn:UserTask' && outputs.length === 0) {
          const formId = String(extension(element, 'zeebe:FormDefinition')?.formId);
          for (const key of topLevelDataKeys(formOf(p, formId))) variables.add(key);
        }
      }
    }
    for (const proc of processes(p.parsed.definitions)) {
      const scope = processScope(proc);
      for (const site of expressionsOf(proc)) {
        expect({ where: site.where, feel: site.expression.startsWith('=') }).toEqual({
          where: site.where,
          feel: true,
        });
        const analysis = analyseFeel(site.expression.slice(1));
        expect({ where: site.where, syntaxErrors: analysis.syntaxErrors }).toEqual({
          where: site.where,
          syntaxErrors: 0,
        });
        // Output mappings of a service task read the handler's result; those of a user task read its form.
        const element = p.parsed.elementsById[site.where.split(' ')[0] as string] as Element;
        const isOutput = site.where.includes(' output ');
        if (isOutput && element.$type === 'bpmn:ServiceTask') continue;
        const ownForm =
          isOutput && element.$type === 'bpmn:UserTask'
            ? topLevelDataKeys(formOf(p, String(extension(element, 'zeebe:FormDefinition')?.formId)))
            : new Set<string>();
        for (const ref of analysis.references) {
          const known =
            ref.root === 'params' ||
            ref.root === 'campaign' ||
            (ref.root === 'school' && scope === 'school') ||
            (ref.root === 'score' && scope === 'school' && scoredForms.size > 0) ||
            variables.has(ref.root) ||
            ownForm.has(ref.root);
          expect({ where: site.where, variable: ref.root, known }).toEqual({
            where: site.where,
            variable: ref.root,
            known: true,
          });
          if (ref.root === 'params' && ref.property !== undefined) {
            expect({
              where: site.where,
              parameter: ref.property,
              declared: parameters.has(ref.property),
            }).toEqual({
              where: site.where,
              parameter: ref.property,
              declared: true,
            });
          }
          const fields = LAUNCH_FIELDS[ref.root];
          if (fields && ref.property !== undefined && !variables.has(ref.root)) {
            expect({
              where: site.where,
              field: `${ref.root}.${ref.property}`,
              known: fields.has(ref.property),
            }).toEqual({
              where: site.where,
              field: `${ref.root}.${ref.property}`,
              known: true,
            });
          }
        }
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

  test('every form is Form.io JSON with unique camelCase keys, Chinese labels and no JavaScript', () => {
    const p = program(folder);
    for (const [formId, form] of Object.entries(p.bundle.forms) as [string, FormDefinition][]) {
      expect({
        formId,
        title: typeof form.title,
        display: form.display,
        components: Array.isArray(form.components),
      }).toEqual({
        formId,
        title: 'string',
        display: 'form',
        components: true,
      });
      const keys: string[] = [];
      walkComponents(form.components ?? [], (component) => {
        if (component.key) keys.push(component.key);
        if (component.input && component.type !== 'button') {
          expect({ formId, key: component.key, label: CJK.test(String(component.label ?? '')) }).toEqual({
            formId,
            key: component.key,
            label: true,
          });
        }
      });
      const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
      expect({ formId, duplicates }).toEqual({ formId, duplicates: [] });
      for (const key of keys)
        expect({ formId, key, camelCase: /^[a-z][a-zA-Z0-9]*$/.test(key) }).toEqual({
          formId,
          key,
          camelCase: true,
        });
      expect({ formId, javascript: javascriptStrings(form) }).toEqual({ formId, javascript: [] });
    }
  });

  test('choices are enforced, uploads go to /api/files with limits, and conditions name fields of the same form', () => {
    const p = program(folder);
    for (const [formId, form] of Object.entries(p.bundle.forms) as [string, FormDefinition][]) {
      const keys = new Set<string>();
      walkComponents(form.components ?? [], (c) => {
        if (c.key) keys.add(c.key);
      });
      walkComponents(form.components ?? [], (c: FormComponent) => {
        const where = { formId, key: c.key };
        if (['radio', 'select', 'selectboxes'].includes(c.type ?? '')) {
          expect({ ...where, onlyAvailableItems: c.validate?.onlyAvailableItems }).toEqual({
            ...where,
            onlyAvailableItems: true,
          });
        }
        if (c.type === 'file') {
          expect({
            ...where,
            storage: c.storage,
            url: c.url,
            limits: Boolean(c.filePattern && c.fileMaxSize),
          }).toEqual({
            ...where,
            storage: 'url',
            url: '/api/files',
            limits: true,
          });
        }
        const when = c.conditional?.when;
        if (typeof when === 'string' && when !== '')
          expect({ ...where, when, exists: keys.has(when) }).toEqual({ ...where, when, exists: true });
        const json = c.conditional?.json;
        if (json) {
          for (const [, name] of JSON.stringify(json).matchAll(/"var":"data\.([A-Za-z0-9]+)"/g)) {
            expect({ ...where, variable: name, exists: keys.has(String(name)) }).toEqual({
              ...where,
              variable: name,
              exists: true,
            });
          }
        }
      });
    }
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

  test('every form field a gateway reads is required, and a conditionally shown one is guarded by the field that shows it', () => {
    // A hidden field is cleared from the submission, so the process would still hold an older value.
    const p = program(folder);
    const fields = new Map<string, FormComponent>();
    for (const form of Object.values(p.bundle.forms) as FormDefinition[]) {
      walkComponents(form.components ?? [], (c, insideGrid) => {
        if (!insideGrid && c.input && c.key) fields.set(c.key, c);
      });
    }
    for (const proc of processes(p.parsed.definitions)) {
      for (const flow of flowElements(proc).filter(
        (e) => e.$type === 'bpmn:SequenceFlow' && e.conditionExpression,
      )) {
        const body = String((flow.conditionExpression as Element).body);
        const roots = new Set(analyseFeel(body.slice(1)).references.map((r) => r.root));
        for (const root of roots) {
          const field = fields.get(root);
          if (!field) continue;
          expect({ flow: flow.id, field: root, required: field.validate?.required }).toEqual({
            flow: flow.id,
            field: root,
            required: true,
          });
          const conditional = field.conditional ?? {};
          const shownBy = [
            ...(typeof conditional.when === 'string' && conditional.when ? [conditional.when] : []),
            ...[...JSON.stringify(conditional.json ?? {}).matchAll(/"var":"data\.([A-Za-z0-9]+)"/g)].map(
              (m) => String(m[1]),
            ),
          ];
          if (shownBy.length > 0) {
            expect({ flow: flow.id, field: root, guarded: shownBy.some((key) => roots.has(key)) }).toEqual({
              flow: flow.id,
              field: root,
              guarded: true,
            });
          }
        }
      }
    }
  });

  test('forms that show process data in read-only fields are used only by tasks whose output mappings keep it unchanged', () => {
    const p = program(folder);
    for (const { task } of userTasks(p)) {
      const formId = String(extension(task, 'zeebe:FormDefinition')?.formId);
      const readOnly: string[] = [];
      walkComponents(formOf(p, formId).components ?? [], (c) => {
        if (c.input && c.disabled === true && c.key) readOnly.push(c.key);
      });
      if (readOnly.length === 0) continue;
      const targets = list(extension(task, 'zeebe:IoMapping')?.outputParameters).map((o) => String(o.target));
      expect({
        task: task.id,
        hasOutputs: targets.length > 0,
        overwrites: readOnly.filter((k) => targets.includes(k)),
      }).toEqual({
        task: task.id,
        hasOutputs: true,
        overwrites: [],
      });
    }
  });

  test('the runtime compiles its BPMN and its publish check finds no problem', async () => {
    const p = program(folder);
    const compiled = await compileDefinition(p.bundle.bpmn);
    expect(compiled.processes.filter((x) => x.scope === 'school')).toHaveLength(1);
    const problems = await checkDefinition(p.bundle.bpmn, {
      formIds: Object.keys(p.bundle.forms),
      handlerTypes: documentedHandlers,
    });
    expect(problems).toEqual([]);
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

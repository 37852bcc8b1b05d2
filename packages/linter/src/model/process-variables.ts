import type { ProgramBundle } from '@ddt/program';
import { extension, type ProcessInfo, SERVICE_TYPES, text, userTaskInfo } from './bpmn-model.js';
import { type FormDefinition, topLevelFields } from './form-model.js';

/** The launch variables' fields (see @ddt/engine `launchVariables`) and the score sheet's. */
export const LAUNCH_FIELDS: Record<string, ReadonlySet<string>> = {
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
    'indicators',
  ]),
  recurrence: new Set(['index', 'dueAt']),
};

/** Variables the platform sets on a 退回 (return for revision); see server `tasks/return-route.ts`. */
export const PLATFORM_VARIABLES = ['returned', 'returnComment'];

/** Outputs of the handlers documented in definitions/HANDLERS.md. */
export const DOCUMENTED_HANDLER_OUTPUTS: Record<string, string[]> = {
  'notify.send': ['notifiedCount'],
  'document.generate': ['documentId', 'documentNumber', 'issuedAt'],
  'notice.publish': ['publicationId', 'publishedAt', 'publicUntil'],
  'sample.draw': ['sampled', 'sampleSize', 'populationSize'],
  'rollup.collect': ['rollup'],
  'assessment.score': ['score'],
};

export interface ProcessVariables {
  /** Variable name → what defines it (for messages). */
  defined: Map<string, string>;
  /** Whether `score` is set by a scored form in this process. */
  scored: boolean;
}

/**
 * The variables a process can hold: launch variables (`campaign`, `params`, and `school` in a school-scope
 * process), the fields of each user task's form (or its output mapping targets), service task outputs
 * (mapping targets, or the handler's outputs), `score` after a scored form, and the platform's 退回
 * variables.
 */
export function processVariables(
  bundle: ProgramBundle,
  process: ProcessInfo,
  handlerOutputs: Map<string, string[]>,
): ProcessVariables {
  const defined = new Map<string, string>();
  const define = (name: string, by: string) => {
    if (!defined.has(name)) defined.set(name, by);
  };
  define('campaign', '启动参数');
  define('params', '启动参数');
  if (process.scope === 'school') define('school', '启动参数');
  for (const name of PLATFORM_VARIABLES) define(name, '平台（退回）');
  const scoredForms = new Set(Object.values(bundle.manifest.indicators ?? {}).flatMap((set) => set.forms));
  let scored = false;
  for (const element of process.elements) {
    const id = String(element.id);
    if (element.$type === 'bpmn:StartEvent' && element.eventDefinitions) define('recurrence', id);
    if (element.$type === 'bpmn:UserTask') {
      const info = userTaskInfo(element);
      if (info.formId && scoredForms.has(info.formId) && process.scope === 'school') {
        scored = true;
        define('score', id);
      }
      if (info.outputs.length > 0) {
        for (const output of info.outputs) define(output.target.split('.')[0] as string, id);
      } else if (info.formId) {
        const form = bundle.forms[info.formId] as FormDefinition | undefined;
        for (const key of topLevelFields(form ?? {}).keys()) define(key, id);
      }
    }
    if (SERVICE_TYPES.has(element.$type)) {
      const outputs = (
        extension(element, 'zeebe:IoMapping')?.outputParameters as { target?: string }[] | undefined
      )?.map((o) => String(o.target ?? ''));
      if (outputs && outputs.length > 0) {
        for (const target of outputs) define(target.split('.')[0] as string, id);
      } else {
        const type = text(extension(element, 'zeebe:TaskDefinition')?.type);
        for (const name of (type && handlerOutputs.get(type)) ?? []) define(name, id);
      }
    }
  }
  return { defined, scored };
}

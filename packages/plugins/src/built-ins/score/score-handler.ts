import { type CompiledForm, compileForm, ScoreSheetSchema, scoreSubmission } from '@ddt/forms';
import { type IndicatorSet, IndicatorSetSchema } from '@ddt/program';
import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { AssessmentSource } from './assessment-source.js';

export const SCORE_TYPE = 'assessment.score';

/**
 * `assessment.score`: scores the instance's latest submissions of the forms an indicator set of
 * program.json names (`scoreSubmission` from @ddt/forms) for the school's type, and returns the score
 * sheet as `score` (so gateways can test `=score.passed`). Business errors, for a boundary event or an
 * incident: `ASSESSMENT_INDICATORS_UNKNOWN` (no such indicator set), `ASSESSMENT_NO_SCHOOL` (a
 * campaign-scope instance), `ASSESSMENT_NOT_SUBMITTED` (none of the set's forms submitted yet).
 */
export function createScoreHandler(assessments: AssessmentSource) {
  const compiled = new Map<string, CompiledForm>();
  const formOf = (programId: string, formId: string, form: Record<string, unknown>) => {
    const key = `${programId}:${formId}`;
    let found = compiled.get(key);
    if (!found) {
      found = compileForm(form);
      compiled.set(key, found);
    }
    return found;
  };

  return defineTaskHandler({
    type: SCORE_TYPE,
    description:
      '评估计分：按督导项目的指标体系为本校最近一次提交的表单计分 / score the latest submissions against an indicator set',
    input: Type.Object({
      /** The indicator set's id in program.json `indicators`; optional when the program has one. */
      indicatorSet: Type.Optional(Type.String({ minLength: 1 })),
    }),
    output: Type.Object({ score: ScoreSheetSchema }),
    async handler(job) {
      const program = await assessments.programVersion(job.programKey, job.programVersion);
      if (!program) return job.fail(`督导项目 ${job.programKey}@${job.programVersion} 不存在`);
      const sets = (program.manifest.indicators ?? {}) as Record<string, unknown>;
      const setId =
        job.variables.indicatorSet ?? (Object.keys(sets).length === 1 ? Object.keys(sets)[0] : undefined);
      const indicators = setId === undefined ? undefined : sets[setId];
      if (setId === undefined || !Value.Check(IndicatorSetSchema, indicators)) {
        return job.bpmnError(
          'ASSESSMENT_INDICATORS_UNKNOWN',
          setId === undefined
            ? `督导项目 ${program.id} 有 ${Object.keys(sets).length} 套指标体系，请用输入 indicatorSet 指定`
            : `督导项目 ${program.id} 没有指标体系「${setId}」`,
        );
      }
      if (!job.schoolId) return job.bpmnError('ASSESSMENT_NO_SCHOOL', '批次级流程没有学校，不能计分');
      const schoolType = await assessments.schoolType(job.schoolId);
      if (!schoolType) return job.fail(`学校 ${job.schoolId} 不存在`);

      const set = indicators as IndicatorSet;
      const forms: Record<string, CompiledForm> = {};
      const data: Record<string, Record<string, unknown>> = {};
      for (const formId of set.forms) {
        const form = program.forms[formId];
        if (!form)
          return job.bpmnError(
            'ASSESSMENT_INDICATORS_UNKNOWN',
            `指标体系「${setId}」引用的表单 ${formId} 不存在`,
          );
        forms[formId] = formOf(program.id, formId, form);
        const submitted = await assessments.latestSubmissionData(job.instanceId, formId);
        if (submitted) data[formId] = submitted;
      }
      if (Object.keys(data).length === 0) {
        return job.bpmnError(
          'ASSESSMENT_NOT_SUBMITTED',
          `指标体系「${setId}」的表单（${set.forms.join('、')}）尚无提交`,
        );
      }
      return job.complete({ score: scoreSubmission({ indicators: set, forms, data, schoolType }) });
    },
  });
}

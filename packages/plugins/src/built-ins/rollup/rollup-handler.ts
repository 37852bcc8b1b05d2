import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import type { RolledSubmission, RollupSource } from './rollup-source.js';

export const ROLLUP_TYPE = 'rollup.collect';

export const RollupInputSchema = Type.Object({
  campaignId: Type.String({ minLength: 1 }),
  formIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 50 }),
  fields: Type.Optional(
    Type.Union([Type.Array(Type.String({ minLength: 1 }), { maxItems: 100 }), Type.Null()]),
  ),
  /** Only submissions at or after this time (ISO 8601 date or date-time). */
  since: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Only submissions before this time. */
  until: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const RollupSchema = Type.Object({
  schoolCount: Type.Integer({ minimum: 0 }),
  submittedSchools: Type.Integer({ minimum: 0 }),
  missingSchools: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  submissions: Type.Integer({ minimum: 0 }),
  fieldCounts: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
  /** Mean `score.percent` of the scored submissions counted; null when none is scored. */
  scoreAverage: Type.Union([Type.Number(), Type.Null()]),
  gradeCounts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  generatedAt: Type.String(),
});

export const RollupOutputSchema = Type.Object({ rollup: RollupSchema });

/**
 * `rollup.collect` (definitions/HANDLERS.md): sums up the campaign's school submissions of some forms
 * in a time window, for the county-level (campaign-scope) process: who submitted and who did not, how
 * often each value of the named fields was chosen, average score and grades. Counts use each school's
 * latest submission of each form in the window. Read only.
 */
export function createRollupHandler(source: RollupSource, now: () => Date) {
  return defineTaskHandler({
    type: ROLLUP_TYPE,
    description: '汇总：统计本批次各校表单提交情况、选项分布和评分 / roll up the campaign’s submissions',
    input: RollupInputSchema,
    output: RollupOutputSchema,
    async handler(job) {
      const { campaignId, formIds } = job.variables;
      const since = timeOf(job.variables.since);
      const until = timeOf(job.variables.until);
      if (since === undefined || until === undefined) return job.fail('since / until 不是日期或日期时间');
      const schools = await source.schoolsOf(campaignId);
      const inWindow = (await source.submissionsOf(campaignId, formIds)).filter((submission) => {
        const at = Date.parse(submission.submittedAt);
        return (since === null || at >= since) && (until === null || at < until);
      });
      const latest = new Map<string, RolledSubmission>();
      for (const submission of inWindow)
        latest.set(`${submission.schoolId}\n${submission.formId}`, submission);
      const fieldCounts: Record<string, Record<string, number>> = {};
      for (const field of job.variables.fields ?? []) {
        const counts: Record<string, number> = {};
        for (const submission of latest.values()) {
          const value = submission.data[field];
          if (value === undefined || value === null || value === '') continue;
          const key = typeof value === 'string' ? value : JSON.stringify(value);
          counts[key] = (counts[key] ?? 0) + 1;
        }
        fieldCounts[field] = counts;
      }
      const scores = [...latest.values()].flatMap((submission) =>
        submission.score ? [submission.score] : [],
      );
      const percents = scores.map((score) => Number(score.percent)).filter(Number.isFinite);
      const gradeCounts: Record<string, number> = {};
      for (const score of scores) {
        if (typeof score.grade === 'string') gradeCounts[score.grade] = (gradeCounts[score.grade] ?? 0) + 1;
      }
      const submitted = new Set(inWindow.map((submission) => submission.schoolId));
      return job.complete({
        rollup: {
          schoolCount: schools.length,
          submittedSchools: schools.filter((school) => submitted.has(school.id)).length,
          missingSchools: schools.filter((school) => !submitted.has(school.id)),
          submissions: inWindow.length,
          fieldCounts,
          scoreAverage:
            percents.length > 0
              ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10
              : null,
          gradeCounts,
          generatedAt: now().toISOString(),
        },
      });
    },
  });
}

/** Epoch ms of an ISO date or date-time; null for none; undefined if it does not parse. */
function timeOf(value: string | null | undefined): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

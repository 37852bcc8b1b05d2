import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import { drawSample } from './draw-sample.js';
import type { SamplePopulation } from './sample-population.js';

export const SAMPLE_TYPE = 'sample.draw';

export const SampleInputSchema = Type.Object({
  campaignId: Type.String({ minLength: 1 }),
  schoolId: Type.String({ minLength: 1 }),
  rate: Type.Number({ minimum: 0, maximum: 1 }),
  minimum: Type.Integer({ minimum: 0 }),
  stratifyBy: Type.Optional(Type.Union([Type.Literal('type'), Type.Literal('districtId'), Type.Null()])),
  seed: Type.String({ minLength: 1 }),
});

export const SampleOutputSchema = Type.Object({
  sampled: Type.Boolean(),
  sampleSize: Type.Integer({ minimum: 0 }),
  populationSize: Type.Integer({ minimum: 0 }),
});

/**
 * `sample.draw` (definitions/HANDLERS.md): whether this school is in the campaign's random sample for
 * 实地督查. Deterministic (seeded, usually by the campaign id): every school's instance draws the same
 * sample, and a re-run gives the same answer.
 */
export function createSampleHandler(population: SamplePopulation) {
  return defineTaskHandler({
    type: SAMPLE_TYPE,
    description: '随机抽样：在本批次学校中按比例确定性抽取实地督查学校 / deterministic campaign sampling',
    input: SampleInputSchema,
    output: SampleOutputSchema,
    async handler(job) {
      const { campaignId, schoolId, rate, minimum, stratifyBy, seed } = job.variables;
      const schools = await population.schoolsOf(campaignId);
      if (!schools.some((school) => school.id === schoolId)) {
        return job.fail(`学校 ${schoolId} 不在督导批次 ${campaignId} 中`);
      }
      const sample = drawSample({
        population: schools,
        rate,
        minimum,
        stratifyBy: stratifyBy ?? undefined,
        seed,
      });
      return job.complete({
        sampled: sample.has(schoolId),
        sampleSize: sample.size,
        populationSize: new Set(schools.map((school) => school.id)).size,
      });
    },
  });
}

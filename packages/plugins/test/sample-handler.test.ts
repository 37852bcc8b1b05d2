import { runHandler } from '@ddt/sdk/testing';
import { createSampleHandler, drawSample, type SampledSchool } from '../src/index.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { startPlatform, variablesOf } from './support/test-platform.js';

const schools = (count: number, type: string, from = 0): SampledSchool[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${type}-${from + i}`, type, districtId: `d${i % 2}` }));

test('a sample is max(minimum, ⌈rate × N⌉) schools, the same for every draw with the same seed, another with another seed', () => {
  const population = schools(20, 'primary');
  const a = drawSample({ population, rate: 0.3, minimum: 2, seed: 'c1' });
  expect(a.size).toBe(6);
  expect(drawSample({ population: [...population].reverse(), rate: 0.3, minimum: 2, seed: 'c1' })).toEqual(a);
  expect(drawSample({ population, rate: 0.3, minimum: 2, seed: 'c2' })).not.toEqual(a);
  expect(drawSample({ population, rate: 0, minimum: 5, seed: 'c1' }).size).toBe(5);
  expect(drawSample({ population: schools(3, 'primary'), rate: 0.1, minimum: 5, seed: 'c1' }).size).toBe(3);
});

test('a stratified sample gives each school type its share, at least one school each', () => {
  const population = [...schools(16, 'primary'), ...schools(3, 'junior'), ...schools(1, 'senior')];
  const sample = [...drawSample({ population, rate: 0.25, minimum: 0, stratifyBy: 'type', seed: 'c1' })];
  const count = (type: string) => sample.filter((id) => id.startsWith(type)).length;
  expect({ primary: count('primary'), junior: count('junior'), senior: count('senior') }).toEqual({
    primary: 3,
    junior: 1,
    senior: 1,
  });
});

test('sample.draw answers for the school of the job from the campaign’s launched schools', async () => {
  const population = schools(10, 'primary');
  const handler = createSampleHandler({
    schoolsOf: async (campaignId) => (campaignId === 'c1' ? population : []),
  });
  const expected = drawSample({ population, rate: 0.3, minimum: 1, seed: 'c1' });
  for (const school of population) {
    const result = await runHandler(handler, {
      variables: { campaignId: 'c1', schoolId: school.id, rate: 0.3, minimum: 1, seed: 'c1' },
    });
    expect(result).toMatchObject({
      kind: 'complete',
      output: { sampled: expected.has(school.id), sampleSize: 3, populationSize: 10 },
    });
  }
  const stranger = await runHandler(handler, {
    variables: { campaignId: 'c1', schoolId: 'elsewhere', rate: 0.3, minimum: 1, seed: 'c1' },
  });
  expect(stranger).toMatchObject({ kind: 'fail' });
});

test('on the runtime, the population is the campaign’s school instances in the store', async () => {
  const bpmn = serviceTaskBpmn({
    type: 'sample.draw',
    inputs: {
      campaignId: '=campaign.id',
      schoolId: '=school.id',
      rate: '=0.5',
      minimum: '=1',
      stratifyBy: '="type"',
      seed: '=campaign.id',
    },
  });
  const p = await startPlatform({ bpmn });
  const id = await p.launch();
  await p.scheduler.runDue();
  expect(variablesOf(await p.instance(id))).toContain('"sampled":true');
  expect(variablesOf(await p.instance(id))).toContain('"populationSize":1');
  await p.close();
});

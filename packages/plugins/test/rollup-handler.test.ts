import { runHandler } from '@ddt/sdk/testing';
import type { Submission } from '@ddt/store';
import { createRollupHandler, storeRollupSource } from '../src/index.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { startPlatform } from './support/test-platform.js';

const submission = (
  id: string,
  formId: string,
  submittedAt: string,
  data: Record<string, unknown>,
  score: Record<string, unknown> | null = null,
): Submission => ({
  id,
  taskId: `c1:s1:${id}`,
  instanceId: 'c1:s1',
  campaignId: 'c1',
  schoolId: 's1',
  elementId: 'task',
  formId,
  programVersion: 1,
  data,
  score,
  submittedBy: 'u1',
  submittedAt,
});

test('rollup.collect counts the latest submission of each school and form in the window, and names the schools that sent none', async () => {
  const p = await startPlatform({ bpmn: serviceTaskBpmn({ type: 'rollup.collect', inputs: {} }) });
  await p.launch();
  await p.store.putSchool({
    id: 's2',
    name: '第二小学',
    type: 'primary',
    ownership: 'public',
    officeId: 'o1',
    officePath: '/o1/',
    districtId: 'd1',
    inspectorId: null,
  });
  await p.runtime.startInstance({
    instanceId: 'c1:s2',
    program: p.program,
    campaign: (await p.store.getCampaign('c1'))!,
    school: (await p.store.getSchool('s2'))!,
    params: {},
  });
  for (const item of [
    submission('a', 'check', '2026-03-01T00:00:00.000Z', { conclusion: 'rectify' }),
    submission(
      'b',
      'check',
      '2026-03-03T00:00:00.000Z',
      { conclusion: 'pass' },
      { percent: 90, grade: '优秀' },
    ),
    submission('c', 'other', '2026-03-04T00:00:00.000Z', { conclusion: 'rectify' }),
    submission('d', 'check', '2026-04-02T00:00:00.000Z', { conclusion: 'rectify' }),
  ]) {
    await p.store.createSubmission(item);
  }
  const rollup = createRollupHandler(storeRollupSource(p.store), p.clock.now);
  const result = await runHandler(rollup, {
    variables: {
      campaignId: 'c1',
      formIds: ['check'],
      fields: ['conclusion'],
      since: '2026-03-01',
      until: '2026-04-01',
    },
  });
  expect(result).toMatchObject({
    kind: 'complete',
    output: {
      rollup: {
        schoolCount: 2,
        submittedSchools: 1,
        missingSchools: [{ id: 's2', name: '第二小学' }],
        submissions: 2,
        fieldCounts: { conclusion: { pass: 1 } },
        scoreAverage: 90,
        gradeCounts: { 优秀: 1 },
        generatedAt: '2026-03-02T00:00:00.000Z',
      },
    },
  });
  const bad = await runHandler(rollup, {
    variables: { campaignId: 'c1', formIds: ['check'], since: 'soon' },
  });
  expect(bad).toMatchObject({ kind: 'fail' });
  await p.close();
});

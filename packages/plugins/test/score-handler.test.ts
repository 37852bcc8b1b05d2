import type { IndicatorSet } from '@ddt/program';
import type { Submission } from '@ddt/store';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { openTasks, startPlatform } from './support/test-platform.js';

const selfcheck: IndicatorSet = {
  forms: ['selfcheck'],
  gradeBands: [
    { minPercent: 85, label: '优秀' },
    { minPercent: 60, label: '合格' },
    { minPercent: 0, label: '不合格' },
  ],
  tree: [
    {
      code: 'A1',
      name: '校园安全',
      children: [
        { code: 'A1.1', name: '消防设施', rule: 'score', maxScore: 10 },
        { code: 'A1.2', name: '校舍安全', rule: 'pass', maxScore: 10, key: true },
      ],
    },
  ],
};
const form = {
  components: [
    { type: 'number', key: 'fire', label: '消防设施', input: true, properties: { indicator: 'A1.1' } },
    {
      type: 'radio',
      key: 'building',
      label: '校舍安全',
      input: true,
      values: [
        { value: 'pass', label: '合格' },
        { value: 'fail', label: '不合格' },
      ],
      properties: { indicator: 'A1.2' },
    },
  ],
};

async function scoringPlatform(indicatorSet = '="selfcheck"') {
  const p = await startPlatform({
    bpmn: serviceTaskBpmn({
      type: 'assessment.score',
      inputs: { indicatorSet },
      catches: 'ASSESSMENT_NOT_SUBMITTED',
    }),
    manifest: { indicators: { selfcheck } },
    forms: { selfcheck: form },
  });
  const submit = (id: string, submittedAt: string, data: Record<string, unknown>) => {
    const submission: Submission = {
      id,
      taskId: `task-${id}`,
      instanceId: 'c1:s1',
      campaignId: 'c1',
      schoolId: 's1',
      elementId: 'fill',
      formId: 'selfcheck',
      programVersion: 1,
      data,
      score: null,
      submittedBy: 'u1',
      submittedAt,
    };
    return p.store.createSubmission(submission);
  };
  return { ...p, submit };
}

test('assessment.score scores the latest submission against the program’s indicator set', async () => {
  const p = await scoringPlatform();
  await p.submit('sub-1', '2026-03-01T08:00:00.000Z', { fire: 9, building: 'pass' });
  await p.submit('sub-2', '2026-03-01T09:00:00.000Z', { fire: 4, building: 'fail' });
  const id = await p.launch();
  await p.scheduler.runDue();

  const instance = await p.instance(id);
  expect(openTasks(instance)).toEqual(['after']);
  const state = JSON.stringify(instance.state);
  expect(state).toContain('"grade":"不合格"');
  expect(state).toContain('"failedKeyIndicators":["A1.2"]');
  expect(state).toContain('"total":4');
  await p.close();
});

test('with nothing submitted yet the handler raises ASSESSMENT_NOT_SUBMITTED for the boundary event', async () => {
  const p = await scoringPlatform();
  const id = await p.launch();
  await p.scheduler.runDue();
  expect(openTasks(await p.instance(id))).toEqual(['handleError']);
  await p.close();
});

test('an indicator set the program does not have is an incident naming it', async () => {
  const p = await scoringPlatform('="no-such-set"');
  await p.submit('sub-1', '2026-03-01T08:00:00.000Z', { fire: 9, building: 'pass' });
  const id = await p.launch();
  await p.scheduler.runDue();
  expect((await p.instance(id)).incidents).toEqual([
    expect.objectContaining({ error: expect.stringMatching(/ASSESSMENT_INDICATORS_UNKNOWN.*no-such-set/) }),
  ]);
  await p.close();
});

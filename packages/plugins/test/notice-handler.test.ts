import { runHandler } from '@ddt/sdk/testing';
import { createNoticeHandler, NOTICE_ACTION, storeNoticeBoard } from '../src/index.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { openTasks, startPlatform, variablesOf } from './support/test-platform.js';

test('notice.publish puts the notice on the office’s 公示栏 with the end of its 公示期', async () => {
  const bpmn = serviceTaskBpmn({
    type: 'notice.publish',
    inputs: {
      title: '=school.name + "综合督导结论"',
      body: '="基本达标"',
      documentId: '=null',
      period: '="P5D"',
    },
    outputs: { publicUntil: '=publicUntil' },
  });
  const p = await startPlatform({ bpmn });
  const id = await p.launch();
  await p.scheduler.runDue();
  expect(openTasks(await p.instance(id))).toEqual(['after']);
  expect(variablesOf(await p.instance(id))).toContain('"publicUntil":"2026-03-07T00:00:00.000Z"');
  const board = await p.store.findAudit({ target: 'notices:o1', action: NOTICE_ACTION, limit: 10 });
  expect(board.items.map((event) => event.detail)).toEqual([
    expect.objectContaining({
      title: '测试小学综合督导结论',
      body: '基本达标',
      publishedAt: '2026-03-02T00:00:00.000Z',
    }),
  ]);
  await p.close();
});

test('a notice without a period stays public, and a re-run publishes nothing twice', async () => {
  const p = await startPlatform({ bpmn: serviceTaskBpmn({ type: 'notice.publish', inputs: {} }) });
  const publish = createNoticeHandler(storeNoticeBoard(p.store), p.clock.now);
  const job = { idempotencyKey: 'c1:s1:x', campaignId: 'c1', variables: { title: '督导报告', body: '全文' } };
  const first = await runHandler(publish, job);
  p.clock.advance(60_000);
  const again = await runHandler(publish, job);
  expect(first).toMatchObject({ kind: 'complete', output: { publicUntil: null } });
  expect(again).toEqual(first);
  expect(
    (await p.store.findAudit({ target: 'notices:o1', action: NOTICE_ACTION, limit: 10 })).items,
  ).toHaveLength(1);
  expect(
    await runHandler(publish, { ...job, variables: { ...job.variables, period: 'five days' } }),
  ).toMatchObject({
    kind: 'incident',
    field: '/period',
  });
  await p.close();
});

import { runHandler } from '@ddt/sdk/testing';
import { createNotifyHandler, NOTIFICATION_ACTION, storeNotifications } from '../src/index.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { openTasks, startPlatform } from './support/test-platform.js';

const bpmn = serviceTaskBpmn({
  type: 'notify.send',
  inputs: {
    // The school has inspector u9; `"user:" + null` is null in FEEL and is skipped.
    recipients:
      '=["user:" + school.inspectorId, "school:" + school.id, "user:" + null, "school:" + school.id]',
    title: '="开学工作自查逾期"',
    message: '=school.name + "尚未提交开学工作自查表"',
    severity: '="warning"',
  },
});

test('notify.send stores one in-app notification per distinct recipient and reports how many', async () => {
  const p = await startPlatform({ bpmn });
  const id = await p.launch();
  await p.scheduler.runDue();
  const instance = await p.instance(id);
  expect(openTasks(instance)).toEqual(['after']);
  expect(JSON.stringify(instance.state)).toContain('"notifiedCount":2');

  const inbox = async (target: string) =>
    (await p.store.findAudit({ target, action: NOTIFICATION_ACTION, limit: 10 })).items;
  expect(await inbox('user:u9')).toEqual([
    expect.objectContaining({
      at: p.clock.now().toISOString(),
      actorId: null,
      detail: {
        title: '开学工作自查逾期',
        message: '测试小学尚未提交开学工作自查表',
        severity: 'warning',
        instanceId: id,
        elementId: 'job',
        campaignId: 'c1',
        schoolId: 's1',
        officePath: '/o1/',
      },
    }),
  ]);
  expect(await inbox('school:s1')).toHaveLength(1);
  await p.close();
});

test('running the same job again (after a crash) notifies nobody twice', async () => {
  const p = await startPlatform({ bpmn });
  const notify = createNotifyHandler(storeNotifications(p.store, p.clock.now));
  const job = {
    variables: { recipients: ['user:u9', 'office:o1'], title: '提醒', message: '请尽快处理' },
    idempotencyKey: 'c1:s1:job_1',
  };
  expect(await runHandler(notify, job)).toMatchObject({ kind: 'complete', output: { notifiedCount: 2 } });
  expect(await runHandler(notify, job)).toMatchObject({ kind: 'complete', output: { notifiedCount: 2 } });
  const all = await p.store.findAudit({ action: NOTIFICATION_ACTION, limit: 10 });
  expect(all.items.map((event) => event.target).sort()).toEqual(['office:o1', 'user:u9']);
  await p.close();
});

test('a recipient that is not a principal key is an incident naming it', async () => {
  const p = await startPlatform({ bpmn });
  const notify = createNotifyHandler(storeNotifications(p.store, p.clock.now));
  const result = await runHandler(notify, { variables: { recipients: ['u9'], title: '提醒', message: '' } });
  expect(result).toMatchObject({ kind: 'incident', field: '/recipients/0' });
  await p.close();
});

import { runHandler } from '@ddt/sdk/testing';
import { createDocumentHandler, DOCUMENT_ACTION, storeDocuments, storeNotifications } from '../src/index.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { openTasks, startPlatform, variablesOf } from './support/test-platform.js';

const notice = (items: string) =>
  serviceTaskBpmn({
    type: 'document.generate',
    catches: 'DOC_DATA_INCOMPLETE',
    inputs: {
      template: '="rectification-notice"',
      title: '="问题清单及限期整改通知书"',
      data: `={school: school, campaign: campaign, items: ${items}, deadline: "2026-04-01"}`,
      deliverTo: '=["school:" + school.id, "user:" + null]',
    },
    outputs: { noticeId: '=documentId', noticeNumber: '=documentNumber' },
  });

test('document.generate stores a numbered 整改通知书 in the file area and delivers it to the school', async () => {
  const p = await startPlatform({ bpmn: notice('[{issue: "食堂无陪餐记录", requirement: "建立陪餐制度"}]') });
  const id = await p.launch();
  await p.scheduler.runDue();
  const instance = await p.instance(id);
  expect(openTasks(instance)).toEqual(['after']);
  expect(variablesOf(instance)).toContain('"noticeNumber":"测试县督导室督字〔2026〕1号"');

  const files = await p.store.findFiles({ owner: `instance:${id}`, limit: 10 });
  expect(files.items).toHaveLength(1);
  const stored = await p.store.getFile(files.items[0]!.id);
  const html = new TextDecoder().decode(stored!.bytes);
  expect(stored!.file.contentType).toBe('text/html; charset=utf-8');
  for (const text of [
    '问题清单及限期整改通知书',
    '督字〔2026〕1号',
    '测试小学：',
    '食堂无陪餐记录',
    '建立陪餐制度',
    '测试县督导室',
  ]) {
    expect(html).toContain(text);
  }
  const delivered = await p.store.findAudit({ target: 'school:s1', action: 'notification.sent', limit: 5 });
  expect(delivered.items.map((event) => event.detail.title)).toEqual([
    '整改通知书：问题清单及限期整改通知书',
  ]);
  await p.close();
});

test('documents of one office are numbered in sequence, and a re-run of a job returns its document unchanged', async () => {
  const p = await startPlatform({ bpmn: notice('[]') });
  const generate = createDocumentHandler(
    storeDocuments(p.store),
    storeNotifications(p.store, p.clock.now),
    p.clock.now,
  );
  const job = (key: string) => ({
    idempotencyKey: key,
    campaignId: 'c1',
    instanceId: 'c1:s1',
    variables: {
      template: 'inspection-opinion' as const,
      title: '督导意见书',
      data: { school: { name: '测试小学' }, conclusion: '基本达标', items: [] },
    },
  });
  const first = await runHandler(generate, job('c1:s1:a'));
  const second = await runHandler(generate, job('c1:s1:b'));
  const again = await runHandler(generate, job('c1:s1:a'));
  expect(first).toMatchObject({
    kind: 'complete',
    output: { documentNumber: '测试县督导室督字〔2026〕1号' },
  });
  expect(second).toMatchObject({
    kind: 'complete',
    output: { documentNumber: '测试县督导室督字〔2026〕2号' },
  });
  expect(again).toEqual(first);
  const issued = await p.store.findAudit({ action: DOCUMENT_ACTION, target: 'documents:o1:2026', limit: 10 });
  expect(issued.items).toHaveLength(2);
  await p.close();
});

test('a 整改通知书 without issues is the business error DOC_DATA_INCOMPLETE, caught by the boundary event', async () => {
  const p = await startPlatform({ bpmn: notice('[]') });
  const id = await p.launch();
  await p.scheduler.runDue();
  expect(openTasks(await p.instance(id))).toEqual(['handleError']);
  expect((await p.store.findFiles({ owner: `instance:${id}`, limit: 10 })).items).toEqual([]);
  await p.close();
});

test('an unknown template is refused by the input schema (an incident naming the field), not generated', async () => {
  const p = await startPlatform({ bpmn: notice('[]') });
  const generate = createDocumentHandler(
    storeDocuments(p.store),
    storeNotifications(p.store, p.clock.now),
    p.clock.now,
  );
  const result = await runHandler(generate, {
    variables: { template: 'love-letter', title: 'x', data: {} } as never,
  });
  expect(result).toMatchObject({ kind: 'incident', field: '/template', called: false });
  await p.close();
});

import { defineTaskHandler } from '@ddt/sdk';
import type { Instance } from '@ddt/store';
import { Type } from '@sinclair/typebox';
import { launchProgram } from './support/launch-program.js';

// Handlers are plugins (definitions/HANDLERS.md); these stand in for them at that boundary and record calls.
const AnyInput = Type.Record(Type.String(), Type.Unknown());
function recordingHandlers() {
  const calls: { type: string; variables: Record<string, unknown> }[] = [];
  const notify = defineTaskHandler({
    type: 'notify.send',
    description: '站内通知（测试替身）',
    input: AnyInput,
    output: Type.Object({ notifiedCount: Type.Integer() }),
    handler(job) {
      calls.push({ type: 'notify.send', variables: job.variables });
      return job.complete({ notifiedCount: 1 });
    },
  });
  const documents = defineTaskHandler({
    type: 'document.generate',
    description: '生成文书（测试替身）',
    input: AnyInput,
    output: Type.Object({
      documentId: Type.String(),
      documentNumber: Type.String(),
      issuedAt: Type.String(),
    }),
    handler(job) {
      calls.push({ type: 'document.generate', variables: job.variables });
      return job.complete({
        documentId: 'doc-1',
        documentNumber: '督字〔2026〕1号',
        issuedAt: '2026-03-02T02:00:00.000Z',
      });
    },
  });
  return { calls, handlers: [notify, documents] };
}

const openTasks = (instance: Instance | null) => (instance?.tasks ?? []).map((t) => t.elementId).sort();
const visit = (extra: Record<string, unknown> = {}) => ({
  visitDate: '2026-03-02T00:00:00+08:00',
  visitFeedback: '作业公示不及时',
  visitHasIssues: 'no',
  hazardFound: 'no',
  extraVisit: 'no',
  ...extra,
});

test('挂牌督导 asks for minVisitsPerMonth visits, runs rectification beside the next visit, and resets the count with the monthly report', async () => {
  const { calls, handlers } = recordingHandlers();
  const launched = await launchProgram('guapai', 'primary', { params: { minVisitsPerMonth: 2 }, handlers });

  await launched.complete(
    'Task_Visit',
    visit({ visitHasIssues: 'yes', rectifyItems: [{ issue: '作业公示不及时', requirement: '每周公示' }] }),
  );
  await launched.complete('Task_FeedbackAck', {
    feedbackAcknowledged: true,
    visitFeedback: '被学校改写的反馈',
  });
  const afterFirst = await launched.schoolInstance();
  // One visit of two done: the next visit is open while the school rectifies the first one's issues.
  expect(openTasks(afterFirst)).toEqual(['Task_RectifyReport', 'Task_Visit']);
  const notice = calls.find((c) => c.type === 'document.generate');
  expect(notice?.variables.template).toBe('rectification-notice');
  expect(notice?.variables.data).toEqual(
    expect.objectContaining({ items: [{ issue: '作业公示不及时', requirement: '每周公示' }] }),
  );
  // The acknowledgement's output mapping keeps the inspector's feedback as written.
  expect(JSON.stringify(afterFirst?.state)).not.toContain('被学校改写的反馈');

  await launched.complete('Task_Visit', visit());
  await launched.complete('Task_FeedbackAck', { feedbackAcknowledged: true });
  expect(openTasks(await launched.schoolInstance())).toEqual(['Task_MonthlyReport', 'Task_RectifyReport']);

  await launched.complete('Task_MonthlyReport', {
    monthVisits: 2,
    monthIssues: 1,
    monthRectified: 0,
    monthComplaints: 0,
    monthSummary: '正常',
  });
  const waiting = await launched.schoolInstance();
  expect(openTasks(waiting)).toEqual(['Task_RectifyReport']);
  expect(waiting?.timers.map((t) => t.elementId)).toContain('Timer_NextMonth');
  expect(JSON.stringify(waiting?.state)).toContain('"visitsThisMonth":0');
  expect(waiting?.incidents).toEqual([]);
});

test('疫情: a cluster report alerts the office at once and the daily report goes on; a zero report only waits for tomorrow', async () => {
  const { calls, handlers } = recordingHandlers();
  const launched = await launchProgram('yiqing', 'primary', { handlers });

  await launched.complete('Task_DailyReport', {
    reportType: 'cases',
    newCases: 3,
    maxSameClassToday: 3,
    maxSameClass3Days: 3,
  });
  const alerted = await launched.schoolInstance();
  expect(openTasks(alerted)).toEqual(['Task_EscalationResponse', 'Task_OnsiteCheck']);
  expect(alerted?.tasks.find((t) => t.elementId === 'Task_EscalationResponse')?.candidateGroups).toEqual([
    'office',
  ]);
  expect(alerted?.timers.map((t) => t.elementId)).toContain('Timer_NextDay');
  const alert = calls.find((c) => c.type === 'notify.send');
  expect(alert?.variables).toEqual(
    expect.objectContaining({ severity: 'urgent', recipients: ['office:o1', 'user:u-inspector'] }),
  );
  expect((await launched.store.getInstance('c1:school'))?.incidents).toEqual([]);

  const zero = await launchProgram('yiqing', 'primary', { handlers });
  await zero.complete('Task_DailyReport', { reportType: 'zero' });
  const quiet = await zero.schoolInstance();
  expect(openTasks(quiet)).toEqual(['Task_OnsiteCheck']);
  expect(quiet?.timers.map((t) => t.elementId).sort()).toEqual(['Timer_NextDay']);
});

test('挂牌督导 keeps taking complaints while earlier ones are being verified, and verifies them in turn', async () => {
  const launched = await launchProgram('guapai', 'primary');
  for (const complaintContent of ['食堂未陪餐', '周六组织补课']) {
    const delivered = await launched.runtime.correlateMessage({
      name: 'complaint-received',
      correlationKey: 's-primary',
      variables: { complaintSource: 'hotline', complaintContent },
    });
    expect(delivered).toHaveLength(1);
  }
  const first = await launched.schoolInstance();
  expect(first?.messages.map((m) => m.name)).toEqual(['complaint-received']);
  expect(openTasks(first).filter((id) => id === 'Task_ComplaintVerify')).toHaveLength(1);
  const verified = {
    complaintContent: '食堂未陪餐',
    complaintVerifyProcess: '查阅陪餐记录',
    complaintSubstantiated: 'no',
    replyToComplainant: '已电话反馈',
  };
  await launched.complete('Task_ComplaintVerify', verified);
  // bpmn-elements runs one execution of an activity at a time: the second complaint waited its turn.
  const second = await launched.schoolInstance();
  expect(openTasks(second).filter((id) => id === 'Task_ComplaintVerify')).toHaveLength(1);
  await launched.complete('Task_ComplaintVerify', { ...verified, complaintContent: '周六组织补课' });
  const done = await launched.schoolInstance();
  expect(openTasks(done)).toEqual(['Task_Visit']);
  expect(done?.incidents).toEqual([]);
});

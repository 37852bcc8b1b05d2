import type { Instance } from '@ddt/store';
import { launchProgram } from './support/launch-program.js';
import { recordingHandlers } from './support/recording-handlers.js';

const openTasks = (instance: Instance | null) => (instance?.tasks ?? []).map((t) => t.elementId).sort();
const visit = (extra: Record<string, unknown> = {}) => ({
  visitDate: '2026-03-02T00:00:00+08:00',
  visitFeedback: '作业公示不及时',
  visitHasIssues: 'no',
  hazardFound: 'no',
  extraVisit: 'no',
  ...extra,
});

test('挂牌督导 asks for minVisitsPerMonth visits a month, rectifies beside the next visit, and starts each month with a fresh count', async () => {
  const { calls, handlers } = recordingHandlers();
  const launched = await launchProgram('guapai', 'primary', { params: { minVisitsPerMonth: 2 }, handlers });

  await launched.complete(
    'Task_Visit',
    visit({ visitHasIssues: 'yes', rectifyItems: [{ issue: '作业公示不及时', requirement: '每周公示' }] }),
  );
  // One visit of two done: the second visit is open at once; the school acknowledges the first one's feedback.
  expect(openTasks(await launched.schoolInstance())).toEqual(['Task_FeedbackAck', 'Task_Visit']);
  await launched.complete('Task_FeedbackAck', {
    feedbackAcknowledged: true,
    visitFeedback: '被学校改写的反馈',
  });
  const afterAck = await launched.schoolInstance();
  expect(openTasks(afterAck)).toEqual(['Task_RectifyReport', 'Task_Visit']);
  const notice = calls.find((c) => c.type === 'document.generate');
  expect(notice?.variables.template).toBe('rectification-notice');
  expect(notice?.variables.data).toEqual(
    expect.objectContaining({ items: [{ issue: '作业公示不及时', requirement: '每周公示' }] }),
  );
  // The acknowledgement's output mapping keeps the inspector's feedback as written.
  expect(JSON.stringify(afterAck?.state)).not.toContain('被学校改写的反馈');

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
  const endOfMonth = await launched.schoolInstance();
  expect(openTasks(endOfMonth)).toEqual(['Task_RectifyReport']);
  expect(JSON.stringify(endOfMonth?.state)).toContain('"visitsThisMonth":2');

  // On the 1st the next month's cycle starts: the count is back to 0 and a visit is due again.
  launched.clock.now = new Date('2026-04-02T00:00:00.000Z');
  for (let pass = 0; pass < 5; pass += 1) await launched.scheduler.runDue();
  const nextMonth = await launched.schoolInstance();
  expect(openTasks(nextMonth)).toEqual(['Task_RectifyReport', 'Task_Visit']);
  expect(JSON.stringify(nextMonth?.state)).toContain('"visitsThisMonth":0');
  expect(nextMonth?.incidents).toEqual([]);
});

test('挂牌督导 closes a month left without a visit and tells the office', async () => {
  const { calls, handlers } = recordingHandlers();
  const launched = await launchProgram('guapai', 'primary', { handlers });
  launched.clock.now = new Date('2026-03-31T23:59:59.500Z');
  for (let pass = 0; pass < 3; pass += 1) await launched.scheduler.runDue();
  const closed = await launched.schoolInstance();
  expect(openTasks(closed)).toEqual([]);
  expect(calls.map((c) => c.variables.title)).toContain('挂牌督导次数不足');
  expect(closed?.incidents).toEqual([]);
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
  const launched = await launchProgram('guapai', 'primary', recordingHandlers());
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

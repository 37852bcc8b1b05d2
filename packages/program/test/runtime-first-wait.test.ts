import type { Instance, SchoolType } from '@ddt/store';
import { launchProgram } from './support/launch-program.js';
import { recordingHandlers } from './support/recording-handlers.js';

// Each shipped program, launched on the real runtime and SQLite store, reaches the waits its README
// promises without an incident. (Walking every path is the simulator's job.)
const waits = (instance: Instance | null) => ({
  status: instance?.status,
  incidents: instance?.incidents,
  tasks: (instance?.tasks ?? [])
    .map((t) => `${t.elementId}→${t.candidateGroups.join(',') || t.assignee}`)
    .sort(),
  messages: (instance?.messages ?? []).map((m) => `${m.name}:${m.correlationKey}`).sort(),
  timers: (instance?.timers ?? []).map((t) => t.elementId).sort(),
});

test.each([
  [
    'kaixue',
    'primary',
    ['Task_SelfCheck→school'],
    [],
    ['Timer_SelfCheckOverdue'],
    [],
    ['Timer_CampaignDeadline'],
  ],
  [
    'shuangjian',
    'junior',
    ['Task_SchoolCheck→inspector'],
    ['tip-received:s-junior'],
    ['Timer_CheckOverdue', 'Timer_NextMonth', 'Timer_TipPeriodEnd'],
    [],
    ['Timer_Checkpoint'],
  ],
  [
    'shuangjian',
    'training',
    ['Task_TrainingCheck→inspector'],
    ['tip-received:s-training'],
    ['Timer_NextMonth', 'Timer_TipPeriodEnd'],
    [],
    ['Timer_Checkpoint'],
  ],
  ['youeryuan', 'kindergarten', ['Task_NoticePrepare→office'], [], [], ['Task_Plan→office'], []],
  [
    'yiqing',
    'primary',
    ['Task_DailyReport→school', 'Task_OnsiteCheck→inspector'],
    [],
    ['Timer_ReportMissed'],
    [],
    ['Timer_Digest'],
  ],
  [
    'guapai',
    'primary',
    ['Task_Visit→inspector'],
    ['complaint-received:s-primary'],
    ['Timer_ComplaintPeriodEnd', 'Timer_NextMonth', 'Timer_VisitMissed'],
    [],
    ['Timer_CountyMonthStart'],
  ],
  ['zonghe', 'senior', ['Task_TeamSetup→office'], [], [], ['Task_InspectionPlan→office'], []],
] as [string, SchoolType, string[], string[], string[], string[], string[]][])(
  '%s for a %s school reaches its first waits without an incident',
  async (folder, type, tasks, messages, timers, countyTasks, countyTimers) => {
    const launched = await launchProgram(folder, type, recordingHandlers());
    expect(waits(await launched.schoolInstance())).toEqual({
      status: 'running',
      incidents: [],
      tasks,
      messages,
      timers,
    });
    const county = waits(await launched.store.getInstance('c1:campaign'));
    expect({
      status: county.status,
      incidents: county.incidents,
      tasks: county.tasks,
      timers: county.timers,
    }).toEqual({
      status: 'running',
      incidents: [],
      tasks: countyTasks,
      timers: countyTimers,
    });
  },
);

import type { Campaign, Instance } from '@ddt/store';
import { TimerScheduler } from '../src/index.js';
import { DAY, harness, T0 } from './fixtures/harness.js';
import { campaign } from './fixtures/records.js';

const at = (days: number) => new Date(T0.getTime() + days * DAY).toISOString();
const elementsOf = (instance: Instance | null) =>
  (instance?.tasks ?? []).map((task) => task.elementId).sort();
const complete = (h: Awaited<ReturnType<typeof harness>>, taskId: string) =>
  h.runtime.completeTask({ taskId, output: {}, submissionId: null, completedBy: null });

describe('boundary timers', () => {
  test('the instance record carries every armed timer with its due time from the injected clock', async () => {
    const h = await harness('Timers.deadline.bpmn');
    const id = await h.launch();
    const instance = await h.store.getInstance(id);
    expect(instance?.timers.map((timer) => [timer.elementId, timer.dueAt]).sort()).toEqual([
      ['overdue', at(5)],
      ['remind', at(1)],
    ]);
    expect(await h.store.nextTimerDueAt()).toBe(at(1));
  });

  test('a non-interrupting cycle fires twice and an interrupting deadline then replaces the task', async () => {
    const h = await harness('Timers.deadline.bpmn');
    const id = await h.launch();

    h.clock.advance(0.5 * DAY);
    expect((await h.scheduler.runDue()).claimed).toBe(0);

    h.clock.set(new Date(at(1)));
    expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
    expect(elementsOf(await h.store.getInstance(id))).toEqual(['fill', 'nudge']);

    h.clock.set(new Date(at(2)));
    expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
    const afterSecond = await h.store.getInstance(id);
    expect(afterSecond?.timers.map((timer) => timer.elementId)).toEqual(['overdue']);
    // bpmn-elements runs one token per element at a time: the second reminder waits for the first.
    expect(elementsOf(afterSecond)).toEqual(['fill', 'nudge']);
    await complete(h, afterSecond!.tasks.find((task) => task.elementId === 'nudge')!.id);
    expect(elementsOf(await h.store.getInstance(id))).toEqual(['fill', 'nudge']);

    h.clock.set(new Date(at(5)));
    await h.scheduler.runDue();
    const late = await h.store.getInstance(id);
    expect(elementsOf(late)).toEqual(['late', 'nudge']);
    expect(late?.timers).toEqual([]);
  });

  test('a deadline that fell due while the server was down fires once at the next start', async () => {
    const h = await harness('Timers.deadline.bpmn');
    const id = await h.launch();
    h.restart(); // a new runtime and scheduler: nothing of the first one survives but the store
    h.clock.set(new Date(at(9)));
    const pass = await h.scheduler.runDue();
    expect(pass.outcomes.error).toBe(0);
    const instance = await h.store.getInstance(id);
    expect(elementsOf(instance).filter((element) => element === 'late')).toEqual(['late']);
    expect(elementsOf(instance)).not.toContain('fill');
    expect((await h.scheduler.runDue()).claimed).toBe(0);
  });

  test('two schedulers claiming at the same time fire each timer exactly once', async () => {
    const h = await harness('Timers.deadline.bpmn');
    const id = await h.launch();
    const version = (await h.store.getInstance(id))?.version ?? 0;
    h.clock.set(new Date(at(1)));
    const other = new TimerScheduler({
      store: h.store,
      runtime: h.runtime,
      now: h.clock.now,
      owner: 'other',
    });
    const passes = await Promise.all([h.scheduler.runDue(), other.runDue()]);
    expect(passes.reduce((sum, pass) => sum + pass.outcomes.fired, 0)).toBe(1);
    const instance = await h.store.getInstance(id);
    expect(elementsOf(instance)).toEqual(['fill', 'nudge']);
    expect(instance?.version).toBe(version + 1);
  });

  test('a user completing a task whose deadline is due but not yet fired wins, and the timer is dropped', async () => {
    const h = await harness('Timers.deadline.bpmn');
    const id = await h.launch();
    h.clock.set(new Date(at(6)));
    const fill = (await h.store.getInstance(id))?.tasks.find((task) => task.elementId === 'fill');
    const done = await complete(h, fill!.id);
    expect(done.status).toBe('completed');
    expect(done.timers).toEqual([]);
    expect((await h.scheduler.runDue()).claimed).toBe(0);
  });
});

describe('intermediate timers', () => {
  test('a 40-day wait (longer than Node can arm) fires on its day, across a restart', async () => {
    const h = await harness('Timers.long-wait.bpmn');
    const id = await h.launch();
    expect((await h.store.getInstance(id))?.timers.map((timer) => timer.dueAt)).toEqual([at(40)]);
    h.clock.set(new Date(at(39)));
    expect((await h.scheduler.runDue()).claimed).toBe(0);
    h.restart();
    h.clock.set(new Date(at(40)));
    expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
    const instance = await h.store.getInstance(id);
    expect(elementsOf(instance)).toEqual(['recheck']);
    expect(instance?.tasks[0]?.audience).toEqual(['user:u9']);
  });
});

describe('recurring starts', () => {
  test('a daily cycle opens one report per day in the same instance until the campaign deadline', async () => {
    const h = await harness('Timers.daily-report.bpmn');
    const withDeadline: Campaign = { ...campaign, id: 'c-daily', deadline: at(3.5) };
    await h.store.createCampaign(withDeadline);
    const id = await h.launch({ campaign: withDeadline });
    const launched = await h.store.getInstance(id);
    expect(launched?.tasks).toEqual([]);
    expect(launched?.timers.map((timer) => [timer.id, timer.dueAt])).toEqual([['cycle:everyDay', at(1)]]);

    h.clock.set(new Date(at(1)));
    await h.scheduler.runDue();
    h.clock.set(new Date(at(2)));
    await h.scheduler.runDue();
    const twoDays = await h.store.getInstance(id);
    expect(twoDays?.tasks.map((task) => task.dueAt)).toEqual([at(1.5), at(2.5)]);

    await complete(h, twoDays!.tasks[0]!.id);
    h.clock.set(new Date(at(3)));
    await h.scheduler.runDue();
    const threeDays = await h.store.getInstance(id);
    expect(threeDays?.tasks.map((task) => task.dueAt)).toEqual([at(2.5), at(3.5)]);
    expect(threeDays?.timers).toEqual([]); // the next firing would be after the deadline
    expect(threeDays?.status).toBe('running');

    for (const task of threeDays!.tasks) await complete(h, task.id);
    expect((await h.store.getInstance(id))?.status).toBe('completed');
  });

  test('a bounded half-monthly cycle fires on days 15, 30 and 45, then stops', async () => {
    const h = await harness('Timers.half-monthly.bpmn');
    const id = await h.launch();
    for (const day of [15, 30, 45]) {
      h.clock.set(new Date(at(day)));
      expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
    }
    const instance = await h.store.getInstance(id);
    expect(instance?.tasks).toHaveLength(3);
    expect(instance?.timers).toEqual([]);
    for (const task of instance!.tasks) await complete(h, task.id);
    expect((await h.store.getInstance(id))?.status).toBe('completed');
  });

  test('firings missed while the server was down collapse into one firing at the next start', async () => {
    const h = await harness('Timers.half-monthly.bpmn');
    const id = await h.launch();
    h.clock.set(new Date(at(15)));
    await h.scheduler.runDue();
    h.restart();
    h.clock.set(new Date(at(47))); // down over days 30 and 45
    expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
    const instance = await h.store.getInstance(id);
    expect(instance?.tasks).toHaveLength(2);
    expect(instance?.timers).toEqual([]);
  });
});

import type { Instance } from '@ddt/store';
import { checkDefinition } from '../src/index.js';
import { harness, readFixture } from './fixtures/harness.js';

const elementsOf = (instance: Instance | null) =>
  (instance?.tasks ?? []).map((task) => task.elementId).sort();

async function completeElement(h: Awaited<ReturnType<typeof harness>>, id: string, elementId: string) {
  const task = (await h.store.getInstance(id))?.tasks.find((open) => open.elementId === elementId);
  if (!task) throw new Error(`no open ${elementId}`);
  await h.runtime.completeTask({ taskId: task.id, output: {}, submissionId: null, completedBy: null });
  return h.store.getInstance(id);
}

describe('an inclusive-gateway join', () => {
  test('is refused at publish with a way to remodel', async () => {
    const problems = await checkDefinition(readFixture('Gateways.inclusive-join.bpmn'));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'DEF_INCLUSIVE_JOIN',
        elementId: 'join',
        message: expect.stringContaining('子流程'),
      }),
    ]);
  });

  test('does not wait in bpmn-elements 17 (why it is refused; if this fails, the library fixed it)', async () => {
    const h = await harness('Gateways.inclusive-join.bpmn');
    const id = await h.launch({ params: { safety: true, canteen: true } });
    const early = await completeElement(h, id, 'safety');
    expect(elementsOf(early)).toEqual(['canteen', 'summary']);
  });

  test('remodelled as a parallel split and join of sub-processes, it waits for every active branch', async () => {
    expect(await checkDefinition(readFixture('Gateways.inclusive-remodelled.bpmn'))).toEqual([]);
    const h = await harness('Gateways.inclusive-remodelled.bpmn');
    const both = await h.launch({ params: { safety: true, canteen: true } });
    expect(elementsOf(await h.store.getInstance(both))).toEqual(['canteen', 'safety']);
    expect(elementsOf(await completeElement(h, both, 'safety'))).toEqual(['canteen']);
    expect(elementsOf(await completeElement(h, both, 'canteen'))).toEqual(['summary']);

    await h.store.putSchool({ ...(await h.store.getSchool('s1'))!, id: 's2' });
    const one = await h.launch({
      school: { ...(await h.store.getSchool('s2'))! },
      params: { safety: false, canteen: true },
    });
    expect(elementsOf(await h.store.getInstance(one))).toEqual(['canteen']);
    expect(elementsOf(await completeElement(h, one, 'canteen'))).toEqual(['summary']);
  });
});

describe('a parallel join after an exclusive join', () => {
  test('is refused at publish with a way to remodel', async () => {
    const problems = await checkDefinition(readFixture('Gateways.exclusive-in-parallel.bpmn'));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'DEF_PARALLEL_JOIN_AFTER_EXCLUSIVE_JOIN',
        elementId: 'join',
        message: expect.stringContaining('子流程'),
      }),
    ]);
  });

  test('fires early in bpmn-elements 17 (why it is refused; if this fails, the library fixed it)', async () => {
    const h = await harness('Gateways.exclusive-in-parallel.bpmn');
    const id = await h.launch({ params: { visit: true } });
    expect(elementsOf(await completeElement(h, id, 'upper'))).toEqual(['conclude', 'visit']);
  });

  test('remodelled with the exclusive part in a sub-process, the join waits, across a restart', async () => {
    expect(await checkDefinition(readFixture('Gateways.exclusive-remodelled.bpmn'))).toEqual([]);
    const h = await harness('Gateways.exclusive-remodelled.bpmn');
    const id = await h.launch({ params: { visit: true } });
    expect(elementsOf(await completeElement(h, id, 'upper'))).toEqual(['visit']);
    h.restart();
    expect(elementsOf(await completeElement(h, id, 'visit'))).toEqual(['conclude']);
  });
});

import { createMongoStore, INDEXES, isStoreError } from '../src/index.js';
import { CODECS } from '../src/mongodb/codecs.js';
import { planMongoIndexes } from '../src/mongodb/create-indexes.js';
import { keysetAfter } from '../src/mongodb/find-page.js';
import { instance, programVersion, submission, task } from './conformance/fixtures.js';

/** The parts of the MongoDB adapter that run without a server. */
describe('MongoDB adapter without a server', () => {
  it('reports an unreachable server as STORE_ERR_UNAVAILABLE and refuses work before init', async () => {
    const store = createMongoStore({
      url: 'mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300&connectTimeoutMS=300',
    });
    await expect(store.getInstance('i1')).rejects.toMatchObject({ code: 'STORE_ERR_UNAVAILABLE' });
    const error = await store.init().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isStoreError(error, 'STORE_ERR_UNAVAILABLE')).toBe(true);
    await store.close();
  });

  it('plans every declared index, with `id` as `_id`, and no second index on `_id` alone', () => {
    const plans = planMongoIndexes();
    const declared = INDEXES.filter((i) => !(i.fields.length === 1 && i.fields[0]!.path === 'id'));
    for (const index of declared) {
      const plan = plans.find((p) => p.name === index.name);
      expect(plan?.collection).toBe(index.collection);
      expect(Object.keys(plan!.key)).toEqual(index.fields.map((f) => (f.path === 'id' ? '_id' : f.path)));
    }
    expect(plans.find((p) => p.name === 'messages_subscription')?.key).toEqual({
      'messages.name': 1,
      'messages.correlationKey': 1,
      _id: 1,
      'messages.executionId': 1,
    });
  });

  it('stores records with the id as _id and opaque payloads as JSON text, and reads them back unchanged', () => {
    const i = instance('i1', {
      state: { 'a.b': { $weird: [1, 'x', null] }, 变量: '𠀀' },
      tasks: [task('i1', 'e1', { audience: ['school:s1'] })],
    });
    const doc = CODECS.instances.toDoc(i);
    expect(doc._id).toBe('i1');
    expect(doc).not.toHaveProperty('id');
    expect(doc).not.toHaveProperty('state');
    expect(typeof doc.stateJson).toBe('string');
    expect(doc.tasks).toEqual(i.tasks);
    expect(CODECS.instances.fromDoc(doc)).toEqual(i);

    const s = submission('sub1', { score: null });
    expect(CODECS.submissions.fromDoc(CODECS.submissions.toDoc(s))).toEqual(s);
    const v = programVersion('balanced', 1);
    expect(CODECS.programVersions.fromDoc(CODECS.programVersions.toDoc(v))).toEqual(v);
  });

  it('drops undefined fields as JSON does, instead of storing null', () => {
    const doc = CODECS.schools.toDoc({
      id: 's1',
      name: '一小',
      type: 'primary',
      ownership: 'public',
      officeId: 'c1',
      officePath: '/p1/c1/',
      districtId: 'd1',
      inspectorId: null,
      address: undefined,
    });
    expect(doc).not.toHaveProperty('address');
    expect(doc.inspectorId).toBeNull();
  });

  it('builds a keyset filter that starts strictly after the cursor', () => {
    expect(keysetAfter(['createdAt', '_id'], ['2025-01-01T00:00:00.000Z', 'i9'])).toEqual({
      $or: [
        { createdAt: { $gt: '2025-01-01T00:00:00.000Z' } },
        { createdAt: '2025-01-01T00:00:00.000Z', _id: { $gt: 'i9' } },
      ],
    });
    expect(keysetAfter(['at', '_id'], ['t', 'e1'], true)).toEqual({
      $or: [{ at: { $lt: 't' } }, { at: 't', _id: { $lt: 'e1' } }],
    });
  });
});

import { at, campaign, programVersion, TRICKY_TEXT } from '../fixtures.js';
import { type ConformanceTarget, errorCodeOf } from '../target.js';

export function programAndCampaignCases(target: () => ConformanceTarget): void {
  describe('programs', () => {
    it('keeps every version, refuses to publish one twice, and gives the highest active as latest', async () => {
      const { store } = target();
      await store.createProgramVersion(programVersion('balanced', 1));
      await store.createProgramVersion(programVersion('balanced', 2, { name: TRICKY_TEXT }));
      await store.createProgramVersion(programVersion('balanced', 3, { status: 'retired' }));
      await store.createProgramVersion(programVersion('opening', 1));

      expect(
        await errorCodeOf(() => store.createProgramVersion(programVersion('balanced', 2, { name: '改' }))),
      ).toBe('STORE_ERR_DUPLICATE');
      expect((await store.getProgramVersion('balanced', 2))?.name).toBe(TRICKY_TEXT);
      expect(await store.getProgramVersion('balanced', 9)).toBeNull();
      expect((await store.getLatestProgramVersion('balanced'))?.version).toBe(2);
      expect(await store.getLatestProgramVersion('missing')).toBeNull();
      expect((await store.listProgramVersions()).map((v) => v.id)).toEqual([
        'balanced@1',
        'balanced@2',
        'balanced@3',
        'opening@1',
      ]);
      expect((await store.listProgramVersions('opening')).map((v) => v.id)).toEqual(['opening@1']);
    });

    it('retires a version, which stops it being the latest, and reports an unknown version', async () => {
      const { store } = target();
      await store.createProgramVersion(programVersion('balanced', 1));
      await store.createProgramVersion(programVersion('balanced', 2));
      const retired = await store.setProgramVersionStatus('balanced', 2, 'retired');
      expect(retired).toEqual(programVersion('balanced', 2, { status: 'retired' }));
      expect(await store.getProgramVersion('balanced', 2)).toEqual(retired);
      expect((await store.getLatestProgramVersion('balanced'))?.version).toBe(1);
      expect(await errorCodeOf(() => store.setProgramVersionStatus('balanced', 7, 'retired'))).toBe(
        'STORE_ERR_NOT_FOUND',
      );
      expect(await errorCodeOf(() => store.setProgramVersionStatus('balanced', 1, 'gone' as never))).toBe(
        'STORE_ERR_INVALID',
      );
    });

    it('refuses a version whose id is not key@version', async () => {
      const { store } = target();
      const bad = { ...programVersion('balanced', 1), id: 'balanced@7' };
      expect(await errorCodeOf(() => store.createProgramVersion(bad))).toBe('STORE_ERR_INVALID');
      expect(await store.listProgramVersions()).toEqual([]);
    });
  });

  describe('campaigns', () => {
    it('creates, gets and replaces a campaign; a second create of the id is a duplicate', async () => {
      const { store } = target();
      await store.createCampaign(campaign('k1'));
      expect(await errorCodeOf(() => store.createCampaign(campaign('k1', { title: '另一个' })))).toBe(
        'STORE_ERR_DUPLICATE',
      );
      await store.updateCampaign(campaign('k1', { status: 'completed', targetCount: 12 }));
      expect(await store.getCampaign('k1')).toEqual(campaign('k1', { status: 'completed', targetCount: 12 }));
      expect(await store.getCampaign('k2')).toBeNull();
    });

    it('finds campaigns newest first within an office subtree, by status and by program', async () => {
      const { store } = target();
      await store.createCampaign(campaign('k1', { createdAt: at(1) }));
      await store.createCampaign(
        campaign('k2', { createdAt: at(2), officePath: '/p1/m2/c3/', status: 'completed' }),
      );
      await store.createCampaign(campaign('k3', { createdAt: at(3), programKey: 'opening' }));
      await store.createCampaign(campaign('k4', { createdAt: at(3), officePath: '/p1/m1/' }));
      const ids = async (args: Parameters<typeof store.findCampaigns>[0]) =>
        (await store.findCampaigns(args)).items.map((c) => c.id);
      expect(await ids({ limit: 10 })).toEqual(['k4', 'k3', 'k2', 'k1']);
      expect(await ids({ limit: 10, officePathPrefix: '/p1/m1/' })).toEqual(['k4', 'k3', 'k1']);
      expect(await ids({ limit: 10, status: 'completed' })).toEqual(['k2']);
      expect(await ids({ limit: 10, programKey: 'opening' })).toEqual(['k3']);
      const first = await store.findCampaigns({ limit: 2 });
      expect(
        (await store.findCampaigns({ limit: 2, cursor: first.nextCursor })).items.map((c) => c.id),
      ).toEqual(['k2', 'k1']);
    });

    it('reports a missing campaign on update', async () => {
      const { store } = target();
      expect(await errorCodeOf(() => store.updateCampaign(campaign('k404')))).toBe('STORE_ERR_NOT_FOUND');
      expect(await store.getCampaign('k404')).toBeNull();
    });
  });
}

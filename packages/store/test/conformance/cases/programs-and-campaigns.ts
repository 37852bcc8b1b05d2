import { campaign, programVersion, TRICKY_TEXT } from '../fixtures.js';
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

    it('reports a missing campaign on update', async () => {
      const { store } = target();
      expect(await errorCodeOf(() => store.updateCampaign(campaign('k404')))).toBe('STORE_ERR_NOT_FOUND');
      expect(await store.getCampaign('k404')).toBeNull();
    });
  });
}

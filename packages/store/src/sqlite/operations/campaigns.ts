import { CampaignSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';

type CampaignOps = Pick<Store, 'createCampaign' | 'getCampaign' | 'updateCampaign'>;

export function campaignOps(ctx: SqliteContext): CampaignOps {
  return {
    async createCampaign(campaign) {
      assertValid(CampaignSchema, campaign, '督导任务');
      ctx
        .statement('INSERT INTO campaigns (id, office_path, status, created_at, doc) VALUES (?, ?, ?, ?, ?)')
        .run(campaign.id, campaign.officePath, campaign.status, campaign.createdAt, JSON.stringify(campaign));
    },
    async getCampaign(id) {
      assertValid(Id, id, '督导任务编号');
      return docOf(ctx.statement('SELECT doc FROM campaigns WHERE id = ?').get(id));
    },
    async updateCampaign(campaign) {
      assertValid(CampaignSchema, campaign, '督导任务');
      const result = ctx
        .statement('UPDATE campaigns SET office_path = ?, status = ?, created_at = ?, doc = ? WHERE id = ?')
        .run(campaign.officePath, campaign.status, campaign.createdAt, JSON.stringify(campaign), campaign.id);
      if (result.changes === 0) {
        throw new StoreError('STORE_ERR_NOT_FOUND', `督导任务不存在：${campaign.id}`, { id: campaign.id });
      }
    },
  };
}

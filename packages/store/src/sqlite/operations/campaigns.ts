import { FindCampaignsArgsSchema } from '../../contract/queries.js';
import { type Campaign, CampaignSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import { type Condition, selectPage } from '../select-page.js';

type CampaignOps = Pick<Store, 'createCampaign' | 'getCampaign' | 'updateCampaign' | 'findCampaigns'>;

export function campaignOps(ctx: SqliteContext): CampaignOps {
  return {
    async createCampaign(campaign) {
      assertValid(CampaignSchema, campaign, '督导任务');
      await ctx.write(() =>
        ctx
          .statement(
            'INSERT INTO campaigns (id, office_path, status, program_key, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(
            campaign.id,
            campaign.officePath,
            campaign.status,
            campaign.programKey,
            campaign.createdAt,
            JSON.stringify(campaign),
          ),
      );
    },
    async getCampaign(id) {
      assertValid(Id, id, '督导任务编号');
      return docOf(ctx.statement('SELECT doc FROM campaigns WHERE id = ?').get(id));
    },
    async updateCampaign(campaign) {
      assertValid(CampaignSchema, campaign, '督导任务');
      const result = await ctx.write(() =>
        ctx
          .statement(
            'UPDATE campaigns SET office_path = ?, status = ?, program_key = ?, created_at = ?, doc = ? WHERE id = ?',
          )
          .run(
            campaign.officePath,
            campaign.status,
            campaign.programKey,
            campaign.createdAt,
            JSON.stringify(campaign),
            campaign.id,
          ),
      );
      if (result.changes === 0) {
        throw new StoreError('STORE_ERR_NOT_FOUND', `督导任务不存在：${campaign.id}`, { id: campaign.id });
      }
    },
    async findCampaigns(args) {
      assertValid(FindCampaignsArgsSchema, args, '督导任务查询');
      const where: Condition[] = [];
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        where.push(['office_path >= ? AND office_path < ?', range.from, range.to]);
      }
      if (args.status !== undefined) where.push(['status = ?', args.status]);
      if (args.programKey !== undefined) where.push(['program_key = ?', args.programKey]);
      return selectPage(ctx, {
        from: 'doc FROM campaigns',
        where,
        orderBy: ['created_at', 'id'],
        descending: true,
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<Campaign>(row)!,
        keyOf: (campaign) => [campaign.createdAt, campaign.id],
      });
    },
  };
}

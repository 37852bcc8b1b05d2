import type { Document } from 'mongodb';
import { FindCampaignsArgsSchema } from '../../contract/queries.js';
import { CampaignSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { StoreError } from '../../errors.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';
import { findPage } from '../find-page.js';

type CampaignOps = Pick<Store, 'createCampaign' | 'getCampaign' | 'updateCampaign' | 'findCampaigns'>;

export function campaignOps(ctx: MongoContext): CampaignOps {
  const campaigns = ctx.collection('campaigns');
  return {
    async createCampaign(campaign) {
      assertValid(CampaignSchema, campaign, '督导任务');
      await campaigns.insertOne(CODECS.campaigns.toDoc(campaign));
    },
    async getCampaign(id) {
      assertValid(Id, id, '督导任务编号');
      const doc = await campaigns.findOne({ _id: id });
      return doc ? CODECS.campaigns.fromDoc(doc) : null;
    },
    async updateCampaign(campaign) {
      assertValid(CampaignSchema, campaign, '督导任务');
      const result = await campaigns.replaceOne({ _id: campaign.id }, CODECS.campaigns.toDoc(campaign));
      if (result.matchedCount === 0) {
        throw new StoreError('STORE_ERR_NOT_FOUND', `督导任务不存在：${campaign.id}`, { id: campaign.id });
      }
    },
    async findCampaigns(args) {
      assertValid(FindCampaignsArgsSchema, args, '督导任务查询');
      const filter: Document = {};
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        filter.officePath = { $gte: range.from, $lt: range.to };
      }
      if (args.status !== undefined) filter.status = args.status;
      if (args.programKey !== undefined) filter.programKey = args.programKey;
      return findPage(campaigns, {
        filter,
        sort: ['createdAt', '_id'],
        descending: true,
        limit: args.limit,
        cursor: args.cursor,
        decode: (doc) => CODECS.campaigns.fromDoc(doc),
        keyOf: (campaign) => [campaign.createdAt, campaign.id],
      });
    },
  };
}

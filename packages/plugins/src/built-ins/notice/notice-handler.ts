import { createHash } from 'node:crypto';
import { defineTaskHandler } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import { addIsoDuration } from './iso-duration.js';
import type { NoticeBoard } from './notice-board.js';

export const NOTICE_TYPE = 'notice.publish';

export const NoticeInputSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ maxLength: 20_000 }),
  documentId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
  /** 公示期, an ISO 8601 duration (`P5D`); null or absent: published without end. */
  period: Type.Optional(Type.Union([Type.String({ pattern: '^P' }), Type.Null()])),
});

export const NoticeOutputSchema = Type.Object({
  publicationId: Type.String(),
  publishedAt: Type.String(),
  publicUntil: Type.Union([Type.String(), Type.Null()]),
});

/**
 * `notice.publish` (definitions/HANDLERS.md): publishes a notice on the launching office's 公示栏
 * (书面通知同时公开, 督导结论公示, 督导报告向社会公布), with its 公示期. A re-run of the same job returns
 * the same publication.
 */
export function createNoticeHandler(board: NoticeBoard, now: () => Date) {
  return defineTaskHandler({
    type: NOTICE_TYPE,
    description: '公示公告：在督导室公示栏发布通知、督导结论或报告 / publish a notice on the office board',
    input: NoticeInputSchema,
    output: NoticeOutputSchema,
    async handler(job) {
      const id = `notice_${createHash('sha256').update(job.idempotencyKey).digest('hex').slice(0, 32)}`;
      const existing = await board.find(id);
      if (existing) {
        return job.complete({
          publicationId: id,
          publishedAt: existing.publishedAt,
          publicUntil: existing.publicUntil,
        });
      }
      const officeId = await board.officeOf(job.campaignId);
      if (!officeId) return job.fail(`督导批次 ${job.campaignId} 不存在`);
      const publishedAt = now();
      const period = job.variables.period ?? null;
      const until = period ? addIsoDuration(publishedAt, period) : null;
      if (period && !until) return job.fail(`公示期「${period}」不是 ISO 8601 时长`);
      const publication = {
        id,
        officeId,
        title: job.variables.title,
        body: job.variables.body,
        documentId: job.variables.documentId ?? null,
        publishedAt: publishedAt.toISOString(),
        publicUntil: until?.toISOString() ?? null,
        campaignId: job.campaignId,
        instanceId: job.instanceId,
        schoolId: job.schoolId,
      };
      await board.publish(publication);
      return job.complete({
        publicationId: id,
        publishedAt: publication.publishedAt,
        publicUntil: publication.publicUntil,
      });
    },
  });
}

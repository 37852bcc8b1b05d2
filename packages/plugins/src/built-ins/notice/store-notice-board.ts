import { isStoreError, type Store } from '@ddt/store';
import type { NoticeBoard, Publication } from './notice-board.js';

/** The audit action of a publication; `target` is `notices:<officeId>`, the office's 公示栏. */
export const NOTICE_ACTION = 'notice.published';

/**
 * The 公示栏 kept in the store's append-only audit log: one `notice.published` event per publication,
 * `target` `notices:<officeId>`, so a public page lists them with `findAudit({ target, action })`.
 */
export function storeNoticeBoard(
  store: Pick<Store, 'getCampaign' | 'appendAudit' | 'findAudit'>,
): NoticeBoard {
  return {
    async officeOf(campaignId) {
      return (await store.getCampaign(campaignId))?.officeId ?? null;
    },
    async find(id) {
      const page = await store.findAudit({ target: `notice:${id}`, action: NOTICE_ACTION, limit: 1 });
      return (page.items[0]?.detail as Publication | undefined) ?? null;
    },
    async publish(publication) {
      for (const [index, target] of [
        `notices:${publication.officeId}`,
        `notice:${publication.id}`,
      ].entries()) {
        try {
          await store.appendAudit({
            id: `${NOTICE_ACTION}:${publication.id}:${index}`,
            at: publication.publishedAt,
            actorId: null,
            action: NOTICE_ACTION,
            target,
            requestId: null,
            ip: null,
            detail: { ...publication },
          });
        } catch (error) {
          if (!isStoreError(error, 'STORE_ERR_DUPLICATE')) throw error;
        }
      }
    },
  };
}

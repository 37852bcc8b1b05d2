import { isStoreError, type Store } from '@ddt/store';
import type { DocumentArchive } from './document-archive.js';

/** The audit action recording an issued document; `target` is the office and year it is numbered in. */
export const DOCUMENT_ACTION = 'document.issued';

const numberingTarget = (officeId: string, year: number) => `documents:${officeId}:${year}`;

/**
 * Documents in the store's file area (owner `instance:<id>`), their 文号 in the append-only audit log:
 * one `document.issued` event per document, `target` `documents:<officeId>:<year>`, so the next number
 * is the count of that target's events plus one. Two documents issued at the same instant by two
 * servers could get the same number; a deployment that needs strict numbering wraps `nextSequence`.
 */
export function storeDocuments(
  store: Pick<Store, 'getCampaign' | 'getOffice' | 'getFileRecord' | 'putFile' | 'appendAudit' | 'findAudit'>,
): DocumentArchive {
  return {
    async issuer(campaignId) {
      const campaign = await store.getCampaign(campaignId);
      if (!campaign) return null;
      const office = await store.getOffice(campaign.officeId);
      return {
        officeId: campaign.officeId,
        officeName: office?.name ?? '教育督导室',
        campaignTitle: campaign.title,
      };
    },
    async find(documentId) {
      const file = await store.getFileRecord(documentId);
      if (!file) return null;
      const page = await store.findAudit({
        target: `document:${documentId}`,
        action: DOCUMENT_ACTION,
        limit: 1,
      });
      const detail = page.items[0]?.detail as { number?: string } | undefined;
      return { id: documentId, number: detail?.number ?? '', issuedAt: file.createdAt };
    },
    async nextSequence(officeId, year) {
      let count = 0;
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Store['findAudit']>> = await store.findAudit({
          target: numberingTarget(officeId, year),
          action: DOCUMENT_ACTION,
          limit: 500,
          cursor,
        });
        count += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return count + 1;
    },
    async save(document) {
      await store.putFile(
        {
          id: document.id,
          name: document.name,
          contentType: document.contentType,
          owner: document.owner,
          createdBy: null,
          createdAt: document.issuedAt,
        },
        document.bytes,
      );
      const year = Number(document.issuedAt.slice(0, 4));
      for (const target of [numberingTarget(document.officeId, year), `document:${document.id}`]) {
        try {
          await store.appendAudit({
            id: `${DOCUMENT_ACTION}:${target}:${document.id}`,
            at: document.issuedAt,
            actorId: null,
            action: DOCUMENT_ACTION,
            target,
            requestId: null,
            ip: null,
            detail: { documentId: document.id, number: document.number, name: document.name },
          });
        } catch (error) {
          if (!isStoreError(error, 'STORE_ERR_DUPLICATE')) throw error;
        }
      }
    },
  };
}

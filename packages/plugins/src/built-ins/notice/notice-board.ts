/** One publication on an office's 公示栏. */
export interface Publication {
  /** Derived from the job's idempotency key: a re-run publishes nothing new. */
  id: string;
  officeId: string;
  title: string;
  body: string;
  documentId: string | null;
  publishedAt: string;
  publicUntil: string | null;
  campaignId: string;
  instanceId: string;
  schoolId: string | null;
}

/** What the notice handler needs from the platform, and nothing more. */
export interface NoticeBoard {
  /** The office that launched the campaign (whose board it publishes on); null if unknown. */
  officeOf(campaignId: string): Promise<string | null>;
  /** The publication with this id, if a previous attempt already published it. */
  find(id: string): Promise<Publication | null>;
  /** Publishes. Idempotent by id. */
  publish(publication: Publication): Promise<void>;
}

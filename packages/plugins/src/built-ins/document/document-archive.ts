/** An issued document (督导文书) as the archive keeps it. */
export interface IssuedDocument {
  id: string;
  /** 文号, e.g. `城关县督导室督字〔2026〕3号`. */
  number: string;
  issuedAt: string;
}

export interface DocumentToSave extends IssuedDocument {
  /** The file name shown to users. */
  name: string;
  contentType: string;
  bytes: Uint8Array;
  /** Who the file belongs to in the file area (`instance:<id>`). */
  owner: string;
  officeId: string;
}

/** What the document handler needs from the platform, and nothing more. */
export interface DocumentArchive {
  /** The campaign's issuing office (name for the 文号 and the letterhead) and title; null if unknown. */
  issuer(campaignId: string): Promise<{ officeId: string; officeName: string; campaignTitle: string } | null>;
  /** A document already issued under this id (a re-run of the same job), or null. */
  find(documentId: string): Promise<IssuedDocument | null>;
  /** The next sequence number of the office's documents in that year (1 for the first). */
  nextSequence(officeId: string, year: number): Promise<number>;
  /** Stores the file and records the issue. Idempotent by id. */
  save(document: DocumentToSave): Promise<void>;
}

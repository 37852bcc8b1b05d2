import { createHash } from 'node:crypto';
import type { FileRecord, NewFile } from '../contract/records.js';

/** The stored record of a file: what the caller said plus the size and SHA-256 of the bytes. */
export function fileRecordOf(file: NewFile, bytes: Uint8Array): FileRecord {
  return { ...file, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

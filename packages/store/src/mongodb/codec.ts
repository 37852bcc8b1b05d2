import type { Document } from 'mongodb';
import type { StoredDoc } from './context.js';

/**
 * Records ↔ MongoDB documents. The record id is the document `_id`. Opaque payloads (engine state, form
 * data, manifests, …) are stored as JSON text in `<field>Json`: the store never queries inside them,
 * JSON text keeps them exactly as written (no BSON type changes, keys with `.` or `$` allowed), and it
 * is cheaper than converting a deep object to BSON. Everything else is a plain field, so indexes and
 * queries see it; it goes through JSON first so that `undefined` is dropped exactly as SQLite drops it.
 */
export interface Codec<T> {
  toDoc(record: T): StoredDoc;
  fromDoc(doc: Document): T;
}

export function codec<T extends object>(options: {
  id: (record: T) => string;
  idField?: keyof T & string;
  opaque?: readonly (keyof T & string)[];
}): Codec<T> {
  const opaque = options.opaque ?? [];
  return {
    toDoc(record) {
      const plain: Record<string, unknown> = {};
      const json: Record<string, string> = {};
      for (const [key, value] of Object.entries(record)) {
        if (value === undefined) continue;
        if (opaque.includes(key as keyof T & string)) json[`${key}Json`] = JSON.stringify(value);
        else if (key !== options.idField) plain[key] = value;
      }
      return { _id: options.id(record), ...(JSON.parse(JSON.stringify(plain)) as Document), ...json };
    },
    fromDoc(doc) {
      const record: Record<string, unknown> = {};
      if (options.idField) record[options.idField] = doc._id;
      for (const [key, value] of Object.entries(doc)) {
        if (key === '_id') continue;
        const opaqueKey = key.endsWith('Json') ? key.slice(0, -4) : null;
        if (opaqueKey !== null && opaque.includes(opaqueKey as keyof T & string)) {
          record[opaqueKey] = JSON.parse(value as string);
        } else record[key] = value;
      }
      return record as T;
    },
  };
}

import { type Static, Type } from '@sinclair/typebox';
import { isPlainObject } from '../components/form-component.js';

/**
 * The value of a file component in our submissions: an array of references to files already uploaded to
 * the server (`POST` multipart, stored through the store's file area). The server owns the truth about a
 * file: it looks each `id` up and takes name, size, type and hash from its own record.
 *
 * Input is lenient about what Form.io's file component adds around the provider's answer (`storage`, `url`,
 * `originalName`, `data`, an empty `hash`); cleaned data keeps only these five fields.
 */
export const FileRefSchema = Type.Object(
  {
    /** Opaque file id returned by the upload route. */
    id: Type.String({ minLength: 1, maxLength: 128 }),
    /** The file name as the user chose it. */
    name: Type.String({ maxLength: 255 }),
    /** Bytes. */
    size: Type.Integer({ minimum: 0 }),
    /** MIME type (`image/jpeg`); may be empty when the browser does not know it. */
    type: Type.String({ maxLength: 255 }),
    /** `sha256:<hex>` of the content as computed by the server; empty until the server fills it in. */
    hash: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type FileRef = Static<typeof FileRefSchema>;

/** Reads one entry of a file component's value; undefined when it is not a file reference. */
export function toFileRef(entry: unknown): FileRef | undefined {
  if (!isPlainObject(entry)) return undefined;
  const nested = isPlainObject(entry.data) ? entry.data : {};
  const id = typeof entry.id === 'string' ? entry.id : nested.id;
  const name = typeof entry.originalName === 'string' && entry.originalName ? entry.originalName : entry.name;
  const { size, type } = entry;
  const hash = entry.hash ?? '';
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) return undefined;
  if (typeof name !== 'string' || name.length > 255) return undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return undefined;
  if (typeof type !== 'string' || type.length > 255) return undefined;
  if (typeof hash !== 'string' || hash.length > 100) return undefined;
  return { id, name, size, type, hash };
}

import { type Static, Type } from '@sinclair/typebox';
import type { FormComponent } from '../components/form-component.js';
import { isPlainObject } from '../components/form-component.js';
import { EVIDENCE_FILE_TYPES, extensionOf, type FileType } from './file-types.js';

/** What one file component accepts; the upload route checks each file against it. */
export const FileLimitsSchema = Type.Object(
  {
    /** Bytes; from `fileMaxSize` (`"10MB"`), 20 MB when the form says nothing. */
    maxSize: Type.Integer({ minimum: 0 }),
    /** Bytes; from `fileMinSize`, 1 (no empty files) when the form says nothing. */
    minSize: Type.Integer({ minimum: 0 }),
    /** 1 unless `multiple`; then `properties.maxFiles`, or 20. */
    maxCount: Type.Integer({ minimum: 1 }),
    /** Extensions accepted: the evidence types, narrowed by the component's `filePattern`. */
    extensions: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type FileLimits = Static<typeof FileLimitsSchema>;

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 20;

/** Reads a file component's limits. */
export function fileLimitsOf(component: FormComponent): FileLimits {
  const properties = isPlainObject(component.properties) ? component.properties : {};
  const maxFiles = Number(properties.maxFiles);
  return {
    maxSize: parseSize(component.fileMaxSize) ?? DEFAULT_MAX_FILE_SIZE,
    minSize: parseSize(component.fileMinSize) ?? 1,
    maxCount: component.multiple
      ? Number.isInteger(maxFiles) && maxFiles > 0
        ? maxFiles
        : DEFAULT_MAX_FILES
      : 1,
    extensions: allowedTypes(component.filePattern).map((type) => type.extension),
  };
}

export type FileProblem = 'size' | 'type';

/** Checks one file (as uploaded, or as the store recorded it) against a component's limits. */
export function checkFile(
  limits: FileLimits,
  file: { name: string; size: number; type: string },
): FileProblem | undefined {
  if (file.size > limits.maxSize || file.size < limits.minSize) return 'size';
  const extension = extensionOf(file.name);
  if (!limits.extensions.includes(extension)) return 'type';
  const known = EVIDENCE_FILE_TYPES.find((type) => type.extension === extension);
  if (file.type && known && !known.mimeTypes.includes(file.type.toLowerCase())) return 'type';
  return undefined;
}

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Form.io writes sizes as `"500KB"`, `"1.5 MB"` (1024-based, like @formio/js). */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.floor(value);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i.exec(value);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'B').toUpperCase()]!);
}

/**
 * `filePattern` is Form.io's accept list (`.pdf,.jpg`, `image/*`, `*`). It can only narrow the evidence
 * types: a pattern naming something else (`.zip`) allows nothing more.
 */
function allowedTypes(pattern: unknown): FileType[] {
  const entries =
    typeof pattern === 'string'
      ? pattern
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean)
      : [];
  if (entries.length === 0 || entries.includes('*') || entries.includes('*/*'))
    return [...EVIDENCE_FILE_TYPES];
  return EVIDENCE_FILE_TYPES.filter((type) =>
    entries.some((entry) => {
      if (entry.startsWith('.')) return entry === type.extension;
      if (entry.endsWith('/*')) return type.mimeTypes.some((mime) => mime.startsWith(entry.slice(0, -1)));
      return type.mimeTypes.includes(entry);
    }),
  );
}

import { walkComponents } from '../../../packages/forms/src/components/walk-components.js';
import { fileLimitsOf } from '../../../packages/forms/src/evidence/file-limits.js';
import type { FormioFormJson } from '../api/types.js';
import type { FormioFileValue } from './evidenceStorage.js';

// The walk and the limits are the forms package's own functions, so the paths the upload route matches
// and the limits shown here are the ones the server enforces.

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

/** 「可上传 .jpg、.png…；单个文件不超过 20 MB；最多 20 个」 for one file component. */
export function describeFileLimits(component: Record<string, unknown>): string {
  const limits = fileLimitsOf(component);
  const types = limits.extensions.map((extension) => extension.slice(1)).join('、');
  return `可上传 ${types}；单个文件不超过 ${formatSize(limits.maxSize)}；最多 ${limits.maxCount} 个`;
}

function fileComponentsOf(form: FormioFormJson): { component: Record<string, unknown>; dataPath: string }[] {
  const found: { component: Record<string, unknown>; dataPath: string }[] = [];
  walkComponents(form.components, ({ component, dataPath }) => {
    if (component.type === 'file' && dataPath) found.push({ component, dataPath });
  });
  return found;
}

/**
 * A copy of a task's form ready for the browser: each `storage: "url"` file component uploads to our
 * evidence route for this task and component, and shows its limits under the field.
 */
export function prepareTaskForm(form: FormioFormJson, taskId: string): FormioFormJson {
  const prepared = structuredClone(form);
  for (const { component, dataPath } of fileComponentsOf(prepared)) {
    if (component.storage !== 'url') continue;
    const query = new URLSearchParams({ taskId, component: dataPath });
    component.url = `/api/files?${query}`;
    const hint = describeFileLimits(component);
    component.description = component.description ? `${String(component.description)}（${hint}）` : hint;
  }
  return prepared;
}

/** A file reference as the server stores it in a submission (`resolveFileReferences` keeps these fields). */
interface StoredFileRef {
  id: string;
  name: string;
  size: number;
  type: string;
  hash?: string;
}

function isStoredFileRef(value: unknown): value is StoredFileRef {
  if (!value || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.id === 'string' && typeof entry.name === 'string';
}

function toFormioFile(ref: StoredFileRef): FormioFileValue {
  const url = `/api/files/${encodeURIComponent(ref.id)}`;
  return {
    storage: 'url',
    name: ref.name,
    originalName: ref.name,
    url,
    size: ref.size,
    type: ref.type,
    id: ref.id,
    hash: ref.hash ?? '',
    data: { id: ref.id, name: ref.name, size: ref.size, type: ref.type, hash: ref.hash ?? '', url },
  };
}

/**
 * Submission data with each stored file reference turned back into the value Form.io's file component
 * shows (name, download link), wherever the component sits: at the root, in containers or in grid rows.
 */
export function withDownloadableFiles(
  form: FormioFormJson,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const { dataPath } of fileComponentsOf(form)) {
    convertAt(copy, dataPath.split('.'));
  }
  return copy;
}

function convertAt(holder: unknown, segments: string[]): void {
  if (Array.isArray(holder)) {
    for (const row of holder) convertAt(row, segments);
    return;
  }
  if (!holder || typeof holder !== 'object') return;
  const record = holder as Record<string, unknown>;
  const [first, ...rest] = segments;
  if (first === undefined) return;
  if (rest.length > 0) {
    convertAt(record[first], rest);
    return;
  }
  const value = record[first];
  if (Array.isArray(value))
    record[first] = value.map((entry) => (isStoredFileRef(entry) ? toFormioFile(entry) : entry));
}

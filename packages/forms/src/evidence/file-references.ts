import type { CompiledForm } from '../compile/compile-form.js';
import { allNodes, type FormNode } from '../compile/form-node.js';
import { isPlainObject } from '../components/form-component.js';
import type { FieldError } from '../schemas/field-error.js';
import { renderMessage } from '../validate/render-message.js';
import { checkFile, type FileLimits, fileLimitsOf } from './file-limits.js';
import { type FileRef, toFileRef } from './file-ref.js';

/** The files one file component references in cleaned data (one entry per datagrid row it repeats in). */
export interface FileReferenceGroup {
  componentKey: string;
  /** Data path of the value, with row indexes (`rooms[1].photos`). */
  path: string;
  limits: FileLimits;
  files: FileRef[];
}

/** Every file component of a form with its limits, by path without row indexes (`rooms.photos`). */
export function fileComponents(
  form: CompiledForm,
): { path: string; componentKey: string; limits: FileLimits }[] {
  return fileNodes(form).map((node) => ({
    path: node.path,
    componentKey: node.key,
    limits: fileLimitsOf(node.component),
  }));
}

/**
 * The file references in a submission's cleaned data, grouped by component, with each component's limits:
 * what the server checks before it accepts the submission (every id must be a file this user uploaded or
 * may use).
 */
export function fileReferences(form: CompiledForm, data: Record<string, unknown>): FileReferenceGroup[] {
  const groups: FileReferenceGroup[] = [];
  for (const node of fileNodes(form)) {
    const limits = fileLimitsOf(node.component);
    for (const { path, value } of valuesOf(node, data)) {
      const files = Array.isArray(value)
        ? value.map(toFileRef).filter((file): file is FileRef => !!file)
        : [];
      groups.push({ componentKey: node.key, path, limits, files });
    }
  }
  return groups;
}

/**
 * Checks a submission's file references against the files the server knows. `lookup` returns the stored
 * record of a file this user may use, or undefined (unknown id, another school's file …). The stored record
 * is the truth: it replaces what the client sent, and it is what size, type and count are checked on.
 * Returns the data with the references replaced, or the errors (zh-CN, same shape as validation errors).
 */
export function resolveFileReferences(
  form: CompiledForm,
  data: Record<string, unknown>,
  lookup: (id: string) => FileRef | undefined,
): { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const resolved = structuredClone(data);
  for (const node of fileNodes(form)) {
    const limits = fileLimitsOf(node.component);
    for (const { path, value, holder } of valuesOf(node, resolved)) {
      if (!Array.isArray(value)) continue;
      const fail = (key: string, params: Record<string, unknown>) =>
        errors.push({
          path,
          key: node.key,
          rule: key,
          message: renderMessage(node.component, key, { field: node.field, path, ...params }),
        });
      if (value.length > limits.maxCount) fail('fileCountExceeded', { count: limits.maxCount });
      const stored: FileRef[] = [];
      for (const entry of value) {
        const reference = toFileRef(entry);
        const record = reference ? lookup(reference.id) : undefined;
        if (!reference || !record) {
          fail('fileNotFound', { name: reference?.name ?? '' });
          continue;
        }
        const problem = checkFile(limits, record);
        if (problem === 'size')
          fail('fileSizeExceeded', { name: record.name, size: formatSize(limits.maxSize) });
        if (problem === 'type')
          fail('fileTypeNotAllowed', { name: record.name, types: limits.extensions.join('、') });
        stored.push({
          id: record.id,
          name: record.name,
          size: record.size,
          type: record.type,
          hash: record.hash,
        });
      }
      holder[node.key] = stored;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data: resolved };
}

function fileNodes(form: CompiledForm): FormNode[] {
  return allNodes(form.nodes).filter((node) => node.type === 'file' && node.holdsData);
}

/** The component's value wherever it is: at the root or a container, or in each datagrid row. */
function valuesOf(node: FormNode, data: Record<string, unknown>) {
  const found: { path: string; value: unknown; holder: Record<string, unknown> }[] = [];
  const walk = (holder: unknown, segments: string[], prefix: string) => {
    if (!isPlainObject(holder)) return;
    const [first, ...rest] = segments;
    if (first === undefined) return;
    const path = prefix ? `${prefix}.${first}` : first;
    if (rest.length === 0) {
      if (Object.hasOwn(holder, first)) found.push({ path, value: holder[first], holder });
      return;
    }
    const next = holder[first];
    if (Array.isArray(next) && arrayPaths.has(path.replace(/\[\d+\]/g, ''))) {
      for (const [index, row] of next.entries()) walk(row, rest, `${path}[${index}]`);
    } else {
      walk(next, rest, path);
    }
  };
  const arrayPaths = new Set<string>();
  for (let ancestor = node.arrayAncestor; ancestor; ancestor = ancestor.arrayAncestor)
    arrayPaths.add(ancestor.path);
  walk(data, node.path.split('.'), '');
  return found;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${round(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

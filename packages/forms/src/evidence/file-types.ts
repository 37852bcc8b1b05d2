/**
 * File types evidence (印证材料) may have, whatever a form allows: photos, PDF and Office documents. The
 * extension decides; a MIME type, when the browser sends one, must agree with it (browsers often send an
 * empty type for HEIC photos).
 */
export interface FileType {
  extension: string;
  mimeTypes: readonly string[];
}

export const EVIDENCE_FILE_TYPES: readonly FileType[] = [
  { extension: '.jpg', mimeTypes: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  { extension: '.jpeg', mimeTypes: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  { extension: '.png', mimeTypes: ['image/png'] },
  { extension: '.heic', mimeTypes: ['image/heic', 'image/heif'] },
  { extension: '.heif', mimeTypes: ['image/heif', 'image/heic'] },
  { extension: '.pdf', mimeTypes: ['application/pdf'] },
  { extension: '.doc', mimeTypes: ['application/msword'] },
  {
    extension: '.docx',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  { extension: '.xls', mimeTypes: ['application/vnd.ms-excel'] },
  { extension: '.xlsx', mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  { extension: '.ppt', mimeTypes: ['application/vnd.ms-powerpoint'] },
  {
    extension: '.pptx',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  },
];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

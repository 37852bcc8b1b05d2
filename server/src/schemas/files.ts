import { Type } from '@sinclair/typebox';
import { TaskIdSchema } from './common.js';

export const UploadQuerySchema = Type.Object(
  {
    taskId: TaskIdSchema,
    /** The file component's key (or its path without row indexes). */
    component: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' }),
  },
  { additionalProperties: false },
);

/** A stored file as a file component's value holds it (Form.io's file shape, our fields only). */
export const FileViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  type: Type.String(),
  /** `sha256:<hex>` of the content, computed by the server. */
  hash: Type.String(),
  url: Type.String(),
});

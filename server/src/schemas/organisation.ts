import { Type } from '@sinclair/typebox';
import { IdSchema, NameSchema } from './common.js';

export const OfficeViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  path: Type.String(),
});

export const OfficeListSchema = Type.Object({ items: Type.Array(OfficeViewSchema) });

export const CreateOfficeBodySchema = Type.Object(
  { name: NameSchema, parentId: IdSchema },
  { additionalProperties: false },
);

export const RenameBodySchema = Type.Object({ name: NameSchema }, { additionalProperties: false });

export const DistrictViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  officeId: Type.String(),
});

export const DistrictListSchema = Type.Object({ items: Type.Array(DistrictViewSchema) });

export const OfficeDistrictParamsSchema = Type.Object(
  { id: IdSchema, districtId: IdSchema },
  { additionalProperties: false },
);

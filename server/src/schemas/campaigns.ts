import { Type } from '@sinclair/typebox';

export const ProgramKeyParamsSchema = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' }),
});

export const ProgramListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      version: Type.Integer(),
      description: Type.String(),
    }),
  ),
});

export const LaunchBodySchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    schoolIds: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { minItems: 1, maxItems: 100000 }),
    deadline: Type.Optional(Type.String({ format: 'date-time' })),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    ),
  },
  { additionalProperties: false },
);

export const LaunchResultSchema = Type.Object({ campaignId: Type.String(), launched: Type.Integer() });

export const CampaignIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

export const CampaignViewSchema = Type.Object({
  campaign: Type.Object({
    id: Type.String(),
    title: Type.String(),
    programKey: Type.String(),
    programVersion: Type.Integer(),
    createdAt: Type.String(),
    deadline: Type.Union([Type.String(), Type.Null()]),
    targetCount: Type.Integer(),
    status: Type.String(),
  }),
  progress: Type.Object({
    total: Type.Integer(),
    running: Type.Integer(),
    completed: Type.Integer(),
    failed: Type.Integer(),
    cancelled: Type.Integer(),
  }),
});

export const SchoolListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      districtId: Type.String(),
      inspectorId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

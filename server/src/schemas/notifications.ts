import { Type } from '@sinclair/typebox';

export const NotificationListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      title: Type.String(),
      message: Type.String(),
      campaignId: Type.Union([Type.String(), Type.Null()]),
      senderId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

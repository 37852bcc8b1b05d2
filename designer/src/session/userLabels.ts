import type { Role, User } from '../api/types.js';

export type Post = NonNullable<User['post']>;

/** What each role is called where a user sees their own account (the header, the account page). */
export const ROLE_LABELS: Record<Role, string> = { office: '督导室', inspector: '责任督学', school: '学校' };

export const POST_LABELS: Record<Post, string> = {
  full_time: '专职督学',
  part_time: '兼职督学',
  principal: '校长',
  liaison: '联络员',
};

/** The posts each role may hold (the server refuses others). */
export const POSTS_OF_ROLE: Record<Role, Post[]> = {
  office: [],
  inspector: ['full_time', 'part_time'],
  school: ['liaison', 'principal'],
};

/** "责任督学（兼职督学）", "学校（校长）", "督导室". */
export function roleWithPost(user: Pick<User, 'role' | 'post'>): string {
  return user.post ? `${ROLE_LABELS[user.role]}（${POST_LABELS[user.post]}）` : ROLE_LABELS[user.role];
}

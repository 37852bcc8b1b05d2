import type { Ownership, SchoolType } from '../api/types.js';

/** School types (学校类型) in the order offices list them. */
export const SCHOOL_TYPE_LABELS: Record<SchoolType, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior: '初中',
  nine_year: '九年一贯制学校',
  complete_secondary: '完全中学',
  senior: '普通高中',
  special: '特殊教育学校',
  training: '校外培训机构',
};

export const SCHOOL_TYPES = Object.keys(SCHOOL_TYPE_LABELS) as SchoolType[];

export function schoolTypeLabel(type: string): string {
  return SCHOOL_TYPE_LABELS[type as SchoolType] ?? type;
}

export const OWNERSHIP_LABELS: Record<Ownership, string> = { public: '公办', private: '民办' };

export function ownershipLabel(ownership: string): string {
  return OWNERSHIP_LABELS[ownership as Ownership] ?? ownership;
}

import type { School, SchoolType } from '@ddt/store';

/** The Chinese names offices use for school types, as in 教育事业统计. */
export const SCHOOL_TYPE_NAMES: Record<SchoolType, string> = {
  primary: '小学',
  junior: '初中',
  nine_year: '九年一贯制',
  complete_secondary: '完全中学',
  senior: '普通高中',
  kindergarten: '幼儿园',
  training: '校外培训机构',
  special: '特殊教育学校',
};

const ALIASES: Record<string, SchoolType> = {
  高中: 'senior',
  初级中学: 'junior',
  九年一贯制学校: 'nine_year',
  特殊教育: 'special',
  培训机构: 'training',
};

export const OWNERSHIP_NAMES: Record<School['ownership'], string> = { public: '公办', private: '民办' };

/** The school type a sheet names, by its Chinese name or its code; undefined if unknown. */
export function schoolTypeFromName(name: string): SchoolType | undefined {
  const entry = Object.entries(SCHOOL_TYPE_NAMES).find(([code, label]) => label === name || code === name);
  return (entry?.[0] as SchoolType | undefined) ?? ALIASES[name];
}

export function ownershipFromName(name: string): School['ownership'] | undefined {
  if (name === '公办' || name === 'public') return 'public';
  if (name === '民办' || name === 'private') return 'private';
  return undefined;
}

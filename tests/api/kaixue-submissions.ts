/** Valid answers for the 开学督导 forms, as a school and an inspector would submit them. */
export const selfCheckStatuses = [
  'k11',
  'k12',
  'k13',
  'k14',
  'k21',
  'k22',
  'k23',
  'k31',
  'k32',
  'k33',
  'k41',
  'k42',
  'k43',
  'k44',
  'k51',
];

export function validSelfCheck(): Record<string, unknown> {
  return {
    ...Object.fromEntries(selfCheckStatuses.map((key) => [`${key}Status`, 'met'])),
    selfCheckSummary: '本校开学各项准备工作已全部落实，师生按时到岗到校。',
    contactName: '王老师',
    contactPhone: '13800138000',
  };
}

export function validReview(): Record<string, unknown> {
  return { reviewResult: 'pass', reviewComment: '自查报告真实完整，同意通过。' };
}

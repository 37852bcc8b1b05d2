import type { TestPlatform } from '../support/platform.js';
import { multipart } from './support/multipart.js';

/** Answers for the 开学督导 forms, as a school, the county office and a 责任督学 would submit them. */

const selfCheckItems = [
  'staffOnDuty',
  'textbooks',
  'teachingReady',
  'logistics',
  'dropoutControl',
  'studentAid',
  'specialGroups',
  'fees',
  'curriculum',
  'enrolment',
  'hazardCheck',
  'foodWater',
  'campusSecurity',
  'emergency',
  'teacherDiscipline',
];

/** A file reference as `POST /api/files` returns it, to put into a file component's value. */
export type FileRef = Record<string, unknown>;

/** Uploads a small evidence file for one file component of a task. */
export async function uploadEvidence(
  platform: TestPlatform,
  cookie: string,
  taskId: string,
  component: string,
  kind: 'pdf' | 'png',
): Promise<FileRef> {
  const file =
    kind === 'pdf'
      ? { name: '自查报告.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4\n% 自查报告\n') }
      : {
          name: '现场照片.png',
          type: 'image/png',
          content: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
        };
  const response = await platform.request(cookie, {
    method: 'POST',
    url: `/api/files?taskId=${encodeURIComponent(taskId)}&component=${component}`,
    ...multipart([file]),
  });
  if (response.statusCode !== 201)
    throw new Error(`upload ${component}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export function validSelfCheck(report: FileRef, buildingPhoto: FileRef): Record<string, unknown> {
  return {
    staffExpected: 86,
    staffPresent: 86,
    studentsExpected: 1240,
    studentsPresent: 1238,
    ...Object.fromEntries(selfCheckItems.map((key) => [key, 'met'])),
    dangerousBuildings: 'pass',
    // 关键指标 K4.1.2 (D级危房) always needs its photo evidence.
    dangerousBuildingsEvidence: [buildingPhoto],
    selfCheckProblems: [],
    selfCheckSummary: '本校开学各项准备工作已全部落实，师生按时到岗到校。',
    selfCheckReport: [report],
    principalConfirm: true,
  };
}

export function passingCountyReview(): Record<string, unknown> {
  return { reviewResult: 'pass', reviewComment: '自查材料齐全，情况属实。' };
}

export function passingOnsiteCheck(photo: FileRef): Record<string, unknown> {
  return {
    inspectionDate: '2026-03-05T00:00:00.000Z',
    inspectorNames: '张明、李华',
    onsiteMethods: { documents: true, walkthrough: true, lessons: false, interviews: true, survey: false },
    ...Object.fromEntries(
      selfCheckItems.map((key) => [`onsite${key[0]!.toUpperCase()}${key.slice(1)}`, 'met']),
    ),
    onsiteDangerousBuildings: 'pass',
    onsiteDangerousBuildingsEvidence: [photo],
    onsiteSummary: '实地查看校舍、食堂和安保设施，开学准备到位。',
    onsiteConclusion: 'pass',
    onsitePhotos: [photo],
  };
}

/** The radio keys of the kaixue-basic self-check, one per 检查要点. */
export const basicSelfCheckStatuses = [
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

/** The self-check of the kaixue-basic fixture (tests/api/fixtures): the API tests' simple two-step program. */
export function basicSelfCheck(): Record<string, unknown> {
  return {
    ...Object.fromEntries(basicSelfCheckStatuses.map((key) => [`${key}Status`, 'met'])),
    selfCheckSummary: '本校开学各项准备工作已全部落实，师生按时到岗到校。',
    contactName: '王老师',
    contactPhone: '13800138000',
  };
}

/** The 责任督学's review in the kaixue-basic fixture. */
export function basicReview(): Record<string, unknown> {
  return { reviewResult: 'pass', reviewComment: '自查报告真实完整，同意通过。' };
}

/**
 * What the server passes to `completeTask` for the 开学督导 program (definitions/kaixue): the cleaned
 * form data of a school, the county office or a 责任督学, plus the score sheet the server adds for the
 * scored forms (`score`, see server/src/tasks/task-service.ts). Built once, outside any timing: each
 * answer is validated with the real Form.io validation (`validateSubmission`) and scored with the real
 * scorer, so the variables the benchmarks carry are the size and shape of real ones.
 *
 * Shared by the engine benchmark and the store benchmark's instance templates.
 */
import { readFileSync } from 'node:fs';
import { compileForm, type FileRef, type SchoolType, scoreSubmission, validateSubmission } from '@ddt/forms';
import type { IndicatorSet } from '@ddt/program';

const kaixueFolder = new URL('../../../definitions/kaixue/', import.meta.url);

/** The 15 level items of the self-check (K1.1 … K5.1 without the key pass item K4.1.2), in form order. */
const LEVEL_ITEMS = [
  ['staffOnDuty', 'K1.1', '2名教师因病请假，已安排代课'],
  ['textbooks', 'K1.2', '部分地方教材晚到3天，已全部发放到班'],
  ['teachingReady', 'K1.3', '新学期课表已排定，个别学科教案未完成集体备课'],
  ['logistics', 'K1.4', '食堂冷库维修中，预计开学第一周完成'],
  ['dropoutControl', 'K2.1', '1名学生未返校，班主任已家访，正在劝返'],
  ['studentAid', 'K2.2', '资助名单公示中'],
  ['specialGroups', 'K2.3', '留守儿童台账需更新'],
  ['fees', 'K3.1', '收费公示栏位置不醒目，已调整'],
  ['curriculum', 'K3.2', '体育课时安排不足，已按课程方案调整'],
  ['enrolment', 'K3.3', '2名转入学生学籍手续在办理中'],
  ['hazardCheck', 'K4.1.1', '教学楼外墙瓷砖有脱落隐患，已设置警示隔离'],
  ['foodWater', 'K4.2', '饮水机滤芯更换记录不全'],
  ['campusSecurity', 'K4.3', '门卫室一键报警装置待调试'],
  ['emergency', 'K4.4', '开学第一课安全演练已排期'],
  ['teacherDiscipline', 'K5.1', '师德承诺书签订率95%，其余在补签'],
] as const;

const SCHOOL_NAMES = ['城关小学', '实验初级中学', '第一小学', '育才九年一贯制学校', '希望小学', '民族中学'];

export interface KaixueForms {
  indicators: IndicatorSet;
  forms: Record<string, ReturnType<typeof compileForm>>;
}

/** The program's forms, compiled, and its indicator set (program.json). */
export function loadKaixueForms(): KaixueForms {
  const manifest = JSON.parse(readFileSync(new URL('program.json', kaixueFolder), 'utf8')) as {
    indicators: Record<string, IndicatorSet>;
    forms: Record<string, unknown>;
  };
  const forms: KaixueForms['forms'] = {};
  for (const id of Object.keys(manifest.forms)) {
    forms[id] = compileForm(JSON.parse(readFileSync(new URL(`forms/${id}.json`, kaixueFolder), 'utf8')));
  }
  return { indicators: manifest.indicators.kaixue!, forms };
}

/** The parameters of a campaign launched with every default of program.json. */
export function kaixueDefaultParams(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(new URL('program.json', kaixueFolder), 'utf8')) as {
    parameters: { key: string; default?: unknown }[];
  };
  return Object.fromEntries(manifest.parameters.map((p) => [p.key, p.default]));
}

function fileRef(id: string, name: string, type: string, size: number): FileRef {
  return { id, name, size, type, hash: `sha256:${id.padEnd(64, '0').slice(0, 64)}` };
}

function cleaned(kit: KaixueForms, formId: string, data: Record<string, unknown>): Record<string, unknown> {
  const result = validateSubmission(kit.forms[formId]!, data);
  if (!result.ok) {
    throw new Error(`bench answer for ${formId} does not validate: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/**
 * The n-th school's self-check as the server completes the task with it: most items 达标, a few 基本达标
 * (with the school's note and an entry in the problem list), now and then one 不达标; photo evidence for
 * the D级危房 key item, the signed report as a PDF, and the score sheet.
 */
export function selfCheckAnswer(
  kit: KaixueForms,
  n: number,
  schoolType: SchoolType,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    staffExpected: 40 + (n % 90),
    staffPresent: 40 + (n % 90) - (n % 3),
    studentsExpected: 600 + ((n * 37) % 1500),
    studentsPresent: 600 + ((n * 37) % 1500) - (n % 5),
  };
  const problems: Record<string, unknown>[] = [];
  for (const [i, [key, code, note]] of LEVEL_ITEMS.entries()) {
    const roll = (n * 7 + i * 13) % 29;
    const level = roll === 0 ? 'unmet' : roll < 4 ? 'basic' : 'met';
    data[key] = level;
    if (level !== 'met') {
      data[`${key}Note`] = `${note}（${code}）`;
      problems.push({
        problem: note,
        measure: '已明确责任人，限期整改到位',
        plannedDate: `2026-03-${String(10 + (i % 15)).padStart(2, '0')}T00:00:00+08:00`,
      });
    }
    if (i % 4 === 0) {
      data[`${key}Evidence`] = [
        fileRef(`f-${n}-${key}`, `${code}印证材料.jpg`, 'image/jpeg', 180_000 + i * 1000),
      ];
    }
  }
  data.dangerousBuildings = 'pass';
  data.dangerousBuildingsEvidence = [fileRef(`f-${n}-db`, '校舍安全鉴定报告.jpg', 'image/jpeg', 412_000)];
  data.selfCheckProblems = problems;
  data.selfCheckSummary = `${SCHOOL_NAMES[n % SCHOOL_NAMES.length]}已对照开学工作督导检查指标逐项自查：师生按时到岗到校，教材教辅全部到位，校舍、食堂、饮水和安保设施完成开学前安全检查；${problems.length > 0 ? `发现问题${problems.length}项，已制定整改措施` : '未发现问题'}。`;
  data.selfCheckReport = [fileRef(`f-${n}-report`, '开学工作自查报告.pdf', 'application/pdf', 1_240_000)];
  data.principalConfirm = true;
  const output = cleaned(kit, 'self-check', data);
  const score = scoreSubmission({
    indicators: kit.indicators,
    forms: kit.forms,
    data: { 'self-check': output },
    schoolType,
  });
  return { ...output, score };
}

/** The county office's review: 审核通过 (the default flow), or 列入实地督查. */
export function countyReviewAnswer(kit: KaixueForms, result: 'pass' | 'onsite'): Record<string, unknown> {
  return cleaned(kit, 'county-review', {
    reviewResult: result,
    reviewComment:
      result === 'pass'
        ? '自查材料齐全，印证材料充分，情况属实，同意通过。'
        : '自查发现校舍安全隐患，列入实地督查。',
  });
}

/**
 * The 责任督学's on-site check, every item 达标, conclusion 未发现问题, scored together with the school's
 * earlier self-check (its form data; a score sheet it carries is left out, as the server reads the
 * stored submission).
 */
export function onsiteCheckAnswer(
  kit: KaixueForms,
  n: number,
  earlierSelfCheck: Record<string, unknown>,
  schoolType: SchoolType,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    inspectionDate: '2026-03-05T09:00:00+08:00',
    inspectorNames: '张明、李华',
    onsiteMethods: {
      documents: true,
      walkthrough: true,
      lessons: n % 2 === 0,
      interviews: true,
      survey: false,
    },
    onsiteDangerousBuildings: 'pass',
    onsiteDangerousBuildingsEvidence: [
      fileRef(`f-${n}-onsite-db`, '危房排查现场照片.jpg', 'image/jpeg', 530_000),
    ],
    onsiteSummary: '查阅开学工作台账，实地查看校舍、食堂、饮水和安保设施，随堂听课两节，开学准备到位。',
    onsiteConclusion: 'pass',
    onsitePhotos: [fileRef(`f-${n}-onsite`, '实地督查照片.jpg', 'image/jpeg', 860_000)],
  };
  for (const [key] of LEVEL_ITEMS) data[`onsite${key[0]!.toUpperCase()}${key.slice(1)}`] = 'met';
  const { score: _sheet, ...selfCheck } = earlierSelfCheck;
  const output = cleaned(kit, 'onsite-check', data);
  const score = scoreSubmission({
    indicators: kit.indicators,
    forms: kit.forms,
    data: { 'self-check': selfCheck, 'onsite-check': output },
    schoolType,
  });
  return { ...output, score };
}

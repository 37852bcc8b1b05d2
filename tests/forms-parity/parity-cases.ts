import { kindergartenForm, referenceEngineForm, selfCheckForm } from './parity-forms.js';

export interface ParityCase {
  name: string;
  form: Record<string, unknown>;
  data: Record<string, unknown>;
  /** `path:rule` pairs the case is built to trigger, so the comparison can never pass on two empty lists. */
  expects: string[];
}

const validSelfCheck = {
  schoolName: '城关第一小学',
  contactPhone: '13800138000',
  contactEmail: 'office@school.cn',
  teacherCount: 86,
  studentCount: 1200,
  schoolType: 'primary',
  textbooksReady: 'yes',
  textbooksCount: 12,
  safetyChecks: { fire: true, food: true, building: false },
  rooms: [
    { room: '101', beds: 8, hazard: 'none' },
    { room: '102', beds: 6, hazard: 'high', hazardNote: '插座老化' },
  ],
  principal: '王校长',
  reporter: '李老师',
  headTeachers: 30,
  confirmed: true,
};

const validKindergarten = {
  kgName: '实验幼儿园',
  summary: '整体 良好 有待 提高',
  budget: 120000,
  licence: 'met',
  internalCode: 'K-01',
  staff: { teachers: 12, carers: 6 },
  classes: [{ className: '小一班', children: 25 }],
  grade: 'B',
};

export const parityCases: ParityCase[] = [
  { name: '自查表：完整有效', form: selfCheckForm, data: validSelfCheck, expects: [] },
  {
    name: '自查表：全部留空',
    form: selfCheckForm,
    data: {},
    expects: [
      'schoolName:required',
      'teacherCount:required',
      'schoolType:required',
      'textbooksReady:required',
      'rooms[0].room:required',
      'principal:required',
      'reporter:required',
      'confirmed:required',
    ],
  },
  {
    name: '自查表：长度、格式、范围、选项错误',
    form: selfCheckForm,
    data: {
      ...validSelfCheck,
      schoolName: '一小',
      contactPhone: '12345',
      contactEmail: 'not-an-email',
      teacherCount: 6000,
      studentCount: -1,
      schoolType: 'college',
      textbooksReady: 'maybe',
      safetyChecks: { fire: true, food: false, building: false },
    },
    expects: [
      'schoolName:minLength',
      'contactPhone:pattern',
      'contactEmail:email',
      'teacherCount:max',
      'studentCount:min',
      'schoolType:onlyAvailableItems',
      'textbooksReady:onlyAvailableItems',
      'safetyChecks:minSelectedCount',
    ],
  },
  {
    name: '自查表：数据表格行错误与行内条件',
    form: selfCheckForm,
    data: {
      ...validSelfCheck,
      rooms: [
        { room: '', beds: 0, hazard: 'high' },
        { room: '202', beds: 25, hazard: 'none' },
        { room: '203', beds: 4, hazard: 'extreme' },
      ],
    },
    expects: [
      'rooms[0].room:required',
      'rooms[0].beds:min',
      'rooms[0].hazardNote:required',
      'rooms[1].beds:max',
      'rooms[2].hazard:onlyAvailableItems',
    ],
  },
  {
    name: '自查表：条件显示的必填项',
    form: selfCheckForm,
    data: { ...validSelfCheck, textbooksReady: 'no', textbooksCount: undefined, schoolType: 'senior' },
    expects: ['textbooksIssue:required', 'seniorNote:required'],
  },
  {
    name: '自查表：隐藏字段的值',
    form: selfCheckForm,
    data: { ...validSelfCheck, textbooksReady: 'yes', textbooksIssue: '隐藏时不应校验', textbooksCount: 0 },
    expects: ['textbooksCount:min'],
  },
  {
    name: '自查表：数字以文本提交',
    form: selfCheckForm,
    data: {
      ...validSelfCheck,
      teacherCount: '120',
      studentCount: '300',
      rooms: [{ room: '101', beds: '4', hazard: 'none' }],
    },
    expects: [],
  },
  {
    name: '自查表：篡改计算值',
    form: selfCheckForm,
    data: { ...validSelfCheck, totalBeds: 999 },
    expects: [],
  },
  {
    name: '自查表：自定义消息与 JSONLogic 校验',
    form: selfCheckForm,
    data: { ...validSelfCheck, principal: '', reporter: '', headTeachers: 100 },
    expects: ['principal:required', 'reporter:required', 'headTeachers:json'],
  },
  {
    name: '自查表：超长文本',
    form: selfCheckForm,
    data: {
      ...validSelfCheck,
      schoolName: '很'.repeat(31),
      textbooksReady: 'no',
      textbooksIssue: '长'.repeat(201),
    },
    expects: ['schoolName:maxLength', 'textbooksIssue:maxLength'],
  },
  { name: '幼儿园：完整有效', form: kindergartenForm, data: validKindergarten, expects: [] },
  {
    name: '幼儿园：全部留空',
    form: kindergartenForm,
    data: {},
    expects: ['kgName:required', 'licence:required', 'licenceNote:required', 'staff.teachers:required'],
  },
  {
    name: '幼儿园：词数、金额、容器与编辑表格',
    form: kindergartenForm,
    data: {
      ...validKindergarten,
      kgName: '',
      summary: '太短',
      budget: -5,
      licence: 'unmet',
      staff: { teachers: -1, carers: 101 },
      classes: [
        { className: '', children: 40 },
        { className: '中一班', children: 30 },
      ],
      grade: 'E',
    },
    expects: [
      'kgName:required',
      'licenceNote:required',
      'summary:minWords',
      'budget:min',
      'staff.teachers:min',
      'staff.carers:max',
      'classes[0].className:required',
      'classes[0].children:max',
      'grade:onlyAvailableItems',
    ],
  },
  {
    name: '幼儿园：条件显示（show: false）的必填项',
    form: kindergartenForm,
    data: { ...validKindergarten, licence: 'basic', licenceNote: '' },
    expects: ['licenceNote:required'],
  },
  {
    name: '幼儿园：隐藏字段保留值不校验',
    form: kindergartenForm,
    data: { ...validKindergarten, licence: 'met', licenceNote: '旧说明', internalCode: '' },
    expects: [],
  },
  {
    name: '幼儿园：词数过多',
    form: kindergartenForm,
    data: { ...validKindergarten, summary: '一 二 三 四 五 六' },
    expects: ['summary:maxWords'],
  },
  {
    name: '参考引擎：完整有效',
    form: referenceEngineForm,
    data: { founded: '09/01/1958', contact: '王老师', area: 'rural', pupils: 320 },
    expects: [],
  },
  {
    name: '参考引擎：必填、长度、选项、范围',
    form: referenceEngineForm,
    data: { contact: '很长的联系人', area: 'mountain', pupils: 0 },
    expects: ['founded:day', 'contact:maxLength', 'area:onlyAvailableItems', 'pupils:min'],
  },
];

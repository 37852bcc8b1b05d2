/**
 * Forms for the browser/server parity test, built like the builder saves them. Together they use every
 * rule the issue lists: required, min/max, minLength/maxLength, patterns, options, conditions (simple,
 * legacy, JSONLogic, per datagrid row), datagrid and editgrid rows, calculated values, custom messages.
 */
const options = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));

export const selfCheckForm = {
  display: 'form',
  title: '开学工作学校自查表',
  components: [
    {
      type: 'panel',
      key: 'basic',
      title: '基本信息',
      input: false,
      components: [
        {
          type: 'textfield',
          key: 'schoolName',
          label: '学校名称',
          input: true,
          validate: { required: true, minLength: 4, maxLength: 30 },
        },
        {
          type: 'textfield',
          key: 'contactPhone',
          label: '联系电话',
          input: true,
          validate: { pattern: '1[3-9]\\d{9}' },
        },
        { type: 'email', key: 'contactEmail', label: '联系邮箱', input: true },
        {
          type: 'columns',
          key: 'counts',
          input: false,
          columns: [
            {
              width: 6,
              components: [
                {
                  type: 'number',
                  key: 'teacherCount',
                  label: '教职工人数',
                  input: true,
                  validate: { required: true, min: 1, max: 5000 },
                },
              ],
            },
            {
              width: 6,
              components: [
                { type: 'number', key: 'studentCount', label: '学生人数', input: true, validate: { min: 0 } },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'select',
      key: 'schoolType',
      label: '学校类型',
      input: true,
      dataSrc: 'values',
      data: {
        values: options([
          ['primary', '小学'],
          ['junior', '初中'],
          ['senior', '高中'],
        ]),
      },
      validate: { required: true },
    },
    {
      type: 'radio',
      key: 'textbooksReady',
      label: '教材是否到位',
      input: true,
      values: options([
        ['yes', '是'],
        ['no', '否'],
      ]),
      validate: { required: true },
    },
    {
      type: 'textarea',
      key: 'textbooksIssue',
      label: '教材问题说明',
      input: true,
      validate: { required: true, maxLength: 200 },
      conditional: {
        show: true,
        conjunction: 'all',
        conditions: [{ component: 'textbooksReady', operator: 'isEqual', value: 'no' }],
      },
    },
    {
      type: 'number',
      key: 'textbooksCount',
      label: '到位教材种数',
      input: true,
      validate: { required: true, min: 1 },
      conditional: { json: { '==': [{ var: 'data.textbooksReady' }, 'yes'] } },
    },
    {
      type: 'selectboxes',
      key: 'safetyChecks',
      label: '安全检查项目',
      input: true,
      values: options([
        ['fire', '消防'],
        ['food', '食品'],
        ['building', '校舍'],
      ]),
      validate: { minSelectedCount: 2 },
    },
    {
      type: 'datagrid',
      key: 'rooms',
      label: '宿舍检查',
      input: true,
      components: [
        { type: 'textfield', key: 'room', label: '房间号', input: true, validate: { required: true } },
        { type: 'number', key: 'beds', label: '床位数', input: true, validate: { min: 1, max: 20 } },
        {
          type: 'select',
          key: 'hazard',
          label: '隐患等级',
          input: true,
          dataSrc: 'values',
          data: {
            values: options([
              ['none', '无'],
              ['low', '一般'],
              ['high', '重大'],
            ]),
          },
        },
        {
          type: 'textfield',
          key: 'hazardNote',
          label: '隐患说明',
          input: true,
          validate: { required: true },
          conditional: {
            show: true,
            conjunction: 'all',
            conditions: [{ component: 'rooms.hazard', operator: 'isEqual', value: 'high' }],
          },
        },
      ],
    },
    {
      type: 'number',
      key: 'totalBeds',
      label: '床位合计',
      input: true,
      disabled: true,
      calculateValue: {
        reduce: [{ var: 'data.rooms' }, { '+': [{ var: 'accumulator' }, { var: 'current.beds' }] }, 0],
      },
    },
    {
      type: 'textfield',
      key: 'seniorNote',
      label: '高中补充说明',
      input: true,
      validate: { required: true },
      conditional: { show: 'true', when: 'schoolType', eq: 'senior' },
    },
    {
      type: 'textfield',
      key: 'principal',
      label: '校长姓名',
      input: true,
      validate: { required: true, customMessage: '请填写校长姓名' },
    },
    {
      type: 'textfield',
      key: 'reporter',
      label: '填报人',
      input: true,
      validate: { required: true },
      errors: { required: '{{field}}必须填写（本表要求）' },
    },
    {
      type: 'number',
      key: 'headTeachers',
      label: '班主任人数',
      input: true,
      validate: {
        json: {
          if: [
            { '<=': [{ var: 'data.headTeachers' }, { var: 'data.teacherCount' }] },
            true,
            '班主任人数不能超过教职工人数',
          ],
        },
      },
    },
    {
      type: 'checkbox',
      key: 'confirmed',
      label: '本人确认以上信息属实',
      input: true,
      validate: { required: true },
    },
    { type: 'htmlelement', key: 'notice', tag: 'p', content: '请如实填写。', input: false },
    { type: 'button', key: 'submit', label: '提交', input: true, action: 'submit' },
  ],
};

export const kindergartenForm = {
  display: 'form',
  title: '幼儿园办园行为督导评估',
  components: [
    {
      type: 'textfield',
      key: 'kgName',
      label: '幼儿园名称 &amp; 分园',
      input: true,
      validate: { required: true },
    },
    {
      type: 'textarea',
      key: 'summary',
      label: '自评概述',
      input: true,
      validate: { minWords: 2, maxWords: 5 },
    },
    {
      type: 'currency',
      key: 'budget',
      label: '年度经费',
      input: true,
      currency: 'CNY',
      validate: { min: 0 },
    },
    {
      type: 'radio',
      key: 'licence',
      label: '办园许可证',
      input: true,
      values: options([
        ['met', '达标'],
        ['basic', '基本达标'],
        ['unmet', '不达标'],
      ]),
      validate: { required: true },
    },
    {
      type: 'textfield',
      key: 'licenceNote',
      label: '许可证情况说明',
      input: true,
      clearOnHide: false,
      validate: { required: true },
      conditional: {
        show: false,
        conjunction: 'any',
        conditions: [{ component: 'licence', operator: 'isEqual', value: 'met' }],
      },
    },
    {
      type: 'textfield',
      key: 'internalCode',
      label: '内部编号',
      input: true,
      hidden: true,
      validate: { required: true },
    },
    {
      type: 'container',
      key: 'staff',
      label: '教职工',
      input: true,
      components: [
        {
          type: 'number',
          key: 'teachers',
          label: '专任教师数',
          input: true,
          validate: { required: true, min: 0 },
        },
        { type: 'number', key: 'carers', label: '保育员数', input: true, validate: { min: 0, max: 100 } },
      ],
    },
    {
      type: 'editgrid',
      key: 'classes',
      label: '班级',
      input: true,
      components: [
        { type: 'textfield', key: 'className', label: '班级名称', input: true, validate: { required: true } },
        {
          type: 'number',
          key: 'children',
          label: '幼儿人数',
          input: true,
          validate: { required: true, min: 1, max: 35 },
        },
      ],
    },
    {
      type: 'select',
      key: 'grade',
      label: '自评等级',
      input: true,
      dataSrc: 'values',
      data: {
        values: options([
          ['A', '优秀'],
          ['B', '良好'],
          ['C', '合格'],
          ['D', '不合格'],
        ]),
      },
    },
    { type: 'button', key: 'submit', label: '提交', input: true, action: 'submit' },
  ],
};

/** Uses a `day` component, which the fast engine leaves to @formio/core: the reference path must match too. */
export const referenceEngineForm = {
  display: 'form',
  components: [
    {
      type: 'day',
      key: 'founded',
      label: '建校日期',
      input: true,
      fields: { day: { required: true }, month: { required: true }, year: { required: true } },
    },
    {
      type: 'textfield',
      key: 'contact',
      label: '联系人',
      input: true,
      validate: { required: true, maxLength: 4 },
    },
    {
      type: 'select',
      key: 'area',
      label: '所在区域',
      input: true,
      dataSrc: 'values',
      data: {
        values: options([
          ['city', '城区'],
          ['rural', '农村'],
        ]),
      },
      validate: { required: true },
    },
    { type: 'number', key: 'pupils', label: '学生数', input: true, validate: { min: 1 } },
    { type: 'button', key: 'submit', label: '提交', input: true, action: 'submit' },
  ],
};

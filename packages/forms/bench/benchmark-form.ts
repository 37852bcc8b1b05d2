/**
 * The benchmark's form, shaped like the one measured in shared/reference/formio-bpmnjs-notes.md: 101
 * inputs (25 text, 25 number, 20 select, 15 radio, 10 conditional textareas, a 4-column datagrid with 10
 * rows) and a JSONLogic total. Its numbers, one select and one radio answer the 开学督导 indicator tree.
 */
const SCORE_LEAVES = [
  'K1.1',
  'K1.3',
  'K1.4',
  'K2.1',
  'K2.2',
  'K2.3',
  'K3.1',
  'K3.2',
  'K3.3',
  'K4.1.2',
  'K4.2',
  'K4.3',
  'K4.4',
  'K5.1',
];

const options = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ label: `选项${index}`, value: `o${index}` }));

export function benchmarkForm(): { display: string; components: Record<string, unknown>[] } {
  const components: Record<string, unknown>[] = [];
  for (let i = 0; i < 25; i++) {
    components.push({
      type: 'textfield',
      key: `t${i}`,
      label: `文本${i}`,
      input: true,
      validate: { required: true, maxLength: 50 },
    });
  }
  for (let i = 0; i < 25; i++) {
    components.push({
      type: 'number',
      key: `n${i}`,
      label: `得分${i}`,
      input: true,
      validate: { min: 0, max: 10 },
      properties: { indicator: SCORE_LEAVES[i % SCORE_LEAVES.length] },
    });
  }
  components.push({
    type: 'select',
    key: 's0',
    label: '教材教辅',
    input: true,
    dataSrc: 'values',
    data: {
      values: [
        { label: '达标', value: 'met' },
        { label: '基本达标', value: 'basic' },
        { label: '不达标', value: 'unmet' },
      ],
    },
    validate: { required: true },
    properties: { indicator: 'K1.2' },
  });
  for (let i = 1; i < 20; i++) {
    components.push({
      type: 'select',
      key: `s${i}`,
      label: `选择${i}`,
      input: true,
      dataSrc: 'values',
      data: { values: options(4) },
      validate: { required: true },
    });
  }
  for (let i = 0; i < 15; i++) {
    components.push({
      type: 'radio',
      key: `r${i}`,
      label: `单选${i}`,
      input: true,
      values: [
        { label: '是', value: 'yes' },
        { label: '否', value: 'no' },
      ],
      ...(i === 0 ? { properties: { indicator: 'K4.1.1' } } : {}),
    });
  }
  for (let i = 0; i < 10; i++) {
    components.push({
      type: 'textarea',
      key: `d${i}`,
      label: `说明${i}`,
      input: true,
      validate: { required: true },
      conditional: {
        show: true,
        conjunction: 'all',
        conditions: [{ component: `r${i}`, operator: 'isEqual', value: 'no' }],
      },
    });
  }
  components.push({
    type: 'datagrid',
    key: 'rooms',
    label: '房间',
    input: true,
    components: [
      { type: 'textfield', key: 'room', label: '房间名', input: true, validate: { required: true } },
      { type: 'number', key: 'ext', label: '灭火器', input: true, validate: { min: 1 } },
      {
        type: 'select',
        key: 'kind',
        label: '类型',
        input: true,
        dataSrc: 'values',
        data: { values: options(3) },
      },
      { type: 'textfield', key: 'note', label: '备注', input: true },
    ],
  });
  components.push({
    type: 'number',
    key: 'total',
    label: '合计',
    input: true,
    calculateValue: { '+': Array.from({ length: 25 }, (_, i) => ({ var: `data.n${i}` })) },
  });
  return { display: 'form', components };
}

/** A valid submission: every required field filled, half of the conditional textareas shown. */
export function benchmarkData(): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (let i = 0; i < 25; i++) data[`t${i}`] = `值${i}`;
  for (let i = 0; i < 25; i++) data[`n${i}`] = (i * 3) % 11;
  data.s0 = 'basic';
  for (let i = 1; i < 20; i++) data[`s${i}`] = `o${i % 4}`;
  for (let i = 0; i < 15; i++) data[`r${i}`] = i % 2 === 0 ? 'yes' : 'no';
  for (let i = 0; i < 10; i++) data[`d${i}`] = `说明文字${i}`;
  data.rooms = Array.from({ length: 10 }, (_, i) => ({
    room: `房间${i}`,
    ext: i + 1,
    kind: `o${i % 3}`,
    note: '',
  }));
  data.total = 0;
  return data;
}

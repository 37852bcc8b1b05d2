/**
 * Random submissions for a form, right and wrong in all the ways a client could send them: valid
 * options, other options, numbers as text, wrong JSON types, empty and missing values, extra keys, rows
 * that are missing, empty, null or half filled. Seeded, so a failure can be replayed.
 */
interface Component {
  type?: string;
  key: string;
  multiple?: boolean;
  values?: { value: unknown }[];
  data?: { values?: { value: unknown }[] };
  components?: Component[];
  columns?: { components?: Component[] }[];
}

type FormLike = { components: Component[] };

export function generateSubmissions(form: object, count: number, seed: number) {
  const { components } = form as FormLike;
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const file = (id: string) => ({
    id,
    name: `${id}.jpg`,
    size: 1024,
    type: 'image/jpeg',
    hash: '',
    storage: 'url',
    url: '/x',
  });

  // Mostly values of the right JSON type (those reach the engines), sometimes a wrong one.
  const wrong = (right: unknown[], wrongTyped: unknown[]) =>
    random() < 0.9 ? pick(right) : pick(wrongTyped);
  const valueFor = (component: Component): unknown => {
    const options: unknown[] = (component.values ?? component.data?.values ?? []).map(
      (option) => option.value,
    );
    switch (component.type) {
      case 'textfield':
      case 'textarea':
      case 'email':
      case 'hidden':
        return wrong(
          ['abc', '', '很长的一段文字 x', ' Mixed@Case.CN ', 'a b', null, 'xx', '一 二 三', 'a@b.cn'],
          [5, true, {}, ['a']],
        );
      case 'number':
        return wrong([0, 1, 5, 11, -3, 2.5, '7', ' 8 ', '', null, 1001, 3, 4], ['abc', true, [1]]);
      case 'datetime':
        return wrong(
          ['2026-03-01T00:00:00+08:00', '2019-05-01T00:00:00Z', 'not a date', 'Invalid date', '', null],
          [20260301, {}],
        );
      case 'currency':
        return wrong([0, 50, 150, null, '', 99.5], ['20', 'x']);
      case 'radio':
      case 'select': {
        const scalars = [
          ...options,
          ...options,
          ...options.map(String),
          '',
          null,
          'nope',
          7,
          true,
          'true',
          '05',
        ];
        if (component.multiple) {
          return wrong(
            [[pick(options)], [pick(options), pick(options)], [], null],
            [['nope'], pick(scalars), [{}]],
          );
        }
        return wrong(scalars, [{}, [pick(options)]]);
      }
      case 'selectboxes': {
        const all = Object.fromEntries(options.map((option) => [String(option), random() < 0.5]));
        return wrong(
          [all, all, { [String(pick(options))]: true }, null, {}],
          [{ z: true }, 'p', ['p'], { p: 'yes' }],
        );
      }
      case 'checkbox':
        return wrong([true, false, null], ['yes']);
      case 'file':
        return wrong([[file('f1')], [file('f1'), file('f2')], [], null], [[{ id: '' }], file('f3'), 'x']);
      case 'button':
        return wrong([false, true, null], ['x']);
      default:
        return null;
    }
  };

  const fill = (components: Component[], target: Record<string, unknown>) => {
    for (const component of components) {
      if (component.columns) {
        for (const column of component.columns) fill(column.components ?? [], target);
        continue;
      }
      const holdsData =
        component.type &&
        !['panel', 'fieldset', 'columns', 'well', 'table', 'tabs', 'htmlelement', 'content'].includes(
          component.type,
        );
      if (!holdsData) {
        fill(component.components ?? [], target);
        continue;
      }
      if (random() < 0.2) continue;
      if (component.type === 'datagrid' || component.type === 'editgrid') {
        const shape = random();
        if (shape < 0.1) target[component.key] = null;
        else if (shape < 0.2) target[component.key] = [];
        else if (shape < 0.22) target[component.key] = [null];
        else if (shape < 0.24) target[component.key] = 'rows';
        else {
          const rows = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
            const row: Record<string, unknown> = {};
            fill(component.components ?? [], row);
            return row;
          });
          target[component.key] = rows;
        }
      } else if (component.type === 'container') {
        const shape = random();
        if (shape < 0.1) target[component.key] = null;
        else if (shape < 0.12) target[component.key] = 'box';
        else {
          const inner: Record<string, unknown> = {};
          fill(component.components ?? [], inner);
          target[component.key] = inner;
        }
      } else {
        target[component.key] = valueFor(component);
      }
    }
    if (random() < 0.2) target.unknownKey = pick([1, 'x', { deep: true }]);
  };

  return Array.from({ length: count }, () => {
    const data: Record<string, unknown> = {};
    fill(components, data);
    return data;
  });
}

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import { type Static, Type } from '@sinclair/typebox';

/**
 * program.json: what an office admin reads and changes to adapt a program without touching the BPMN.
 * The same schema checks shipped definitions, uploaded bundles and published versions.
 */

const SchoolTypeList = Type.Array(
  Type.Union([
    Type.Literal('primary'),
    Type.Literal('junior'),
    Type.Literal('nine_year'),
    Type.Literal('complete_secondary'),
    Type.Literal('senior'),
    Type.Literal('kindergarten'),
    Type.Literal('training'),
    Type.Literal('special'),
  ]),
  { uniqueItems: true },
);

/**
 * A launch parameter. FEEL sees it as `params.<key>`; a launch may override the default within the
 * limits given here. Durations are ISO 8601 (`P30D`), so a BPMN can write `=now() + duration(params.x)`.
 */
export const ParameterSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,63}$' }),
    label: Type.String({ minLength: 1 }),
    type: Type.Union([
      Type.Literal('integer'),
      Type.Literal('number'),
      Type.Literal('string'),
      Type.Literal('boolean'),
      Type.Literal('duration'),
      Type.Literal('date'),
    ]),
    default: Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    description: Type.Optional(Type.String()),
    /** Where the default comes from: a national rule, a local rule, or our suggestion. */
    basis: Type.Optional(
      Type.Union([Type.Literal('national'), Type.Literal('local'), Type.Literal('suggested')]),
    ),
  },
  { additionalProperties: false },
);
export type Parameter = Static<typeof ParameterSchema>;

/**
 * One node of the indicator tree (评估标准): 一级指标 at the top, 二级指标 and 考察要点 below. Leaves are
 * scored from the form components that name them (`component.properties.indicator = "<code>"`):
 * - `rule: 'score'` (评分): the component's number, 0 to maxScore;
 * - `rule: 'level'`: `met` / `basic` / `unmet` (达标 / 基本达标 / 不达标), worth maxScore × levelFactors;
 * - `rule: 'pass'`: must-pass yes/no.
 * `key: true` marks a 关键指标: failing it fails `keyScope` — its 一级 area, or the whole evaluation (一票否决).
 * `appliesTo` limits a node to some school types; absent means all.
 */
export const IndicatorNodeSchema = Type.Recursive(
  (Self) =>
    Type.Object(
      {
        code: Type.String({ pattern: '^[A-Z][A-Za-z0-9.]{0,31}$' }),
        name: Type.String({ minLength: 1 }),
        maxScore: Type.Optional(Type.Number({ minimum: 0 })),
        rule: Type.Optional(Type.Union([Type.Literal('score'), Type.Literal('level'), Type.Literal('pass')])),
        key: Type.Optional(Type.Boolean()),
        keyScope: Type.Optional(Type.Union([Type.Literal('area'), Type.Literal('total')])),
        appliesTo: Type.Optional(SchoolTypeList),
        children: Type.Optional(Type.Array(Self)),
      },
      { additionalProperties: false },
    ),
  { $id: 'IndicatorNode' },
);
export type IndicatorNode = Static<typeof IndicatorNodeSchema>;

export const GradeBandSchema = Type.Object(
  {
    /** Lowest total (percent of the applicable maximum) for this band. */
    minPercent: Type.Number({ minimum: 0, maximum: 100 }),
    label: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const IndicatorSetSchema = Type.Object(
  {
    /** Forms whose components score against this tree. */
    forms: Type.Array(Type.String(), { minItems: 1 }),
    /** Fraction of a level leaf's maxScore for 达标 / 基本达标 / 不达标. */
    levelFactors: Type.Optional(
      Type.Object(
        { met: Type.Number(), basic: Type.Number(), unmet: Type.Number() },
        { additionalProperties: false },
      ),
    ),
    /** Highest first; a failed total-scope key indicator forces the last band. */
    gradeBands: Type.Array(GradeBandSchema, { minItems: 1 }),
    tree: Type.Array(IndicatorNodeSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type IndicatorSet = Static<typeof IndicatorSetSchema>;

export const FormEntrySchema = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    /** Who fills it in: `school`, `inspector` or `office`. */
    filledBy: Type.Union([Type.Literal('school'), Type.Literal('inspector'), Type.Literal('office')]),
  },
  { additionalProperties: false },
);

export const ProgramManifestSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1 }),
    /** Which schools the program is meant for; a launch to other types is refused. */
    targetSchoolTypes: Type.Array(SchoolTypeList.items, { minItems: 1, uniqueItems: true }),
    parameters: Type.Array(ParameterSchema),
    /** The program's forms by id; `forms/<id>.json` holds each Form.io definition. */
    forms: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }), FormEntrySchema),
    /** Indicator trees (评估标准和计分方法) by id, for programs that score. */
    indicators: Type.Optional(Type.Record(Type.String(), IndicatorSetSchema)),
  },
  { additionalProperties: false },
);
export type ProgramManifest = Static<typeof ProgramManifestSchema>;

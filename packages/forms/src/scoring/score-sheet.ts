import { type Static, Type } from '@sinclair/typebox';

const Level = Type.Union([Type.Literal('met'), Type.Literal('basic'), Type.Literal('unmet')]);

/** One node of the indicator tree as scored for one submission. */
export const IndicatorScoreSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    /** 1 for 一级指标, 2 for 二级, 3 for 考察要点 … */
    depth: Type.Integer({ minimum: 1 }),
    parent: Type.Union([Type.String(), Type.Null()]),
    /** Scoring rule of a leaf; null for a node with children. */
    rule: Type.Union([Type.Literal('score'), Type.Literal('level'), Type.Literal('pass'), Type.Null()]),
    key: Type.Boolean(),
    keyScope: Type.Union([Type.Literal('area'), Type.Literal('total'), Type.Null()]),
    /** False when the school type is not in `appliesTo` (here or above): then it counts for nothing. */
    applicable: Type.Boolean(),
    /** A mapped component had a usable value (for a parent: any child had). */
    answered: Type.Boolean(),
    score: Type.Number(),
    max: Type.Number(),
    /** 达标 / 基本达标 / 不达标 of a `level` leaf; null otherwise or when unanswered. */
    level: Type.Union([Level, Type.Null()]),
    /** Outcome of a `pass` leaf or of a key indicator; null when neither. */
    passed: Type.Union([Type.Boolean(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type IndicatorScore = Static<typeof IndicatorScoreSchema>;

/** A 一级 area. */
export const AreaScoreSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    applicable: Type.Boolean(),
    score: Type.Number(),
    max: Type.Number(),
    percent: Type.Number(),
    /** False when a key indicator with `keyScope: 'area'` inside it failed. */
    passed: Type.Boolean(),
    failedKeyIndicators: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type AreaScore = Static<typeof AreaScoreSchema>;

/**
 * The score sheet of one submission: plain JSON (numbers are numbers) so that BPMN gateways can test it in
 * FEEL, e.g. `=score.total >= 80`, `=score.failedKeyIndicators = []`, `=score.passed`. Stored with the
 * submission.
 */
export const ScoreSheetSchema = Type.Object(
  {
    schoolType: Type.String(),
    total: Type.Number(),
    /** Sum of the maxima of the applicable indicators. */
    maxTotal: Type.Number(),
    /** total / maxTotal × 100, two decimals; 100 when nothing applicable carries points. */
    percent: Type.Number(),
    /** Label of the grade band (优秀 / 良好 / 合格 / 不合格 …). */
    grade: Type.String(),
    /** No total-scope key indicator failed, every applicable area passed, and the grade is not the last band. */
    passed: Type.Boolean(),
    /** Codes of every failed key indicator (area and total scope), in tree order. */
    failedKeyIndicators: Type.Array(Type.String()),
    /**
     * How many there are. For the "something failed" branch of a gateway write `=score.failedKeyCount > 0`:
     * feelin 8 gives null, not false, for `=score.failedKeyIndicators = []` when the list is not empty.
     */
    failedKeyCount: Type.Integer({ minimum: 0 }),
    areas: Type.Array(AreaScoreSchema),
    /** Every node of the tree, parents first. */
    indicators: Type.Array(IndicatorScoreSchema),
  },
  { additionalProperties: false },
);
export type ScoreSheet = Static<typeof ScoreSheetSchema>;

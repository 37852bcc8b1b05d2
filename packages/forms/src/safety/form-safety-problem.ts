import { type Static, Type } from '@sinclair/typebox';

export const FormSafetyProblemSchema = Type.Object(
  {
    /**
     * - `FORM_ERR_JAVASCRIPT`: a JavaScript string or a template that is code;
     * - `FORM_ERR_JSONLOGIC`: JSONLogic using an operation or a variable outside the allowed set;
     * - `FORM_ERR_COMPONENT_KEY`: a key that would reach an object prototype (`__proto__`, `constructor`, …).
     */
    code: Type.Union([
      Type.Literal('FORM_ERR_JAVASCRIPT'),
      Type.Literal('FORM_ERR_JSONLOGIC'),
      Type.Literal('FORM_ERR_COMPONENT_KEY'),
    ]),
    componentKey: Type.String(),
    /** Keys from the form root, layouts included (`page1.rooms.room`). */
    componentPath: Type.String(),
    /** The offending property, dotted (`validate.custom`, `logic[0].actions[1].value`). */
    property: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type FormSafetyProblem = Static<typeof FormSafetyProblemSchema>;

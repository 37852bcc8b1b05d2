/** Thrown while planning: the fast engine does not cover this form, @formio/core's processSync will validate it. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

import { parseExpression } from 'feelin';

/** A comparison of a variable with a number or a launch parameter (`maxSameClassToday >= params.x`). */
export interface Comparison {
  variable: string;
  number?: number;
  param?: string;
}

/**
 * The comparisons in a FEEL condition between a plain variable and a number literal or `params.<key>`,
 * either way round: the thresholds a simulator probes around for that variable.
 */
export function comparisonsOf(condition: string): Comparison[] {
  const body = condition.startsWith('=') ? condition.slice(1) : condition;
  const tree = parseExpression(body, {}, undefined);
  const found: Comparison[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.name !== 'Comparison') continue;
    const node = cursor.node;
    const left = node.firstChild;
    const right = node.lastChild;
    if (!left || !right) continue;
    const sides = [left, right];
    const variable = sides.find((side) => side.name === 'VariableName');
    const other = sides.find((side) => side !== variable);
    if (!variable || !other) continue;
    const name = body.slice(variable.from, variable.to).trim();
    const text = body.slice(other.from, other.to).trim();
    if (other.name === 'NumericLiteral' || /^-?\d+(\.\d+)?$/.test(text))
      found.push({ variable: name, number: Number(text) });
    const param = /^params\.([A-Za-z][A-Za-z0-9_]*)$/.exec(text);
    if (param) found.push({ variable: name, param: param[1] as string });
  } while (cursor.next());
  return found;
}

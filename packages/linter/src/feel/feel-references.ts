import { parseExpression } from 'feelin';

export interface FeelReference {
  /** The variable a path starts with (`params` in `params.rectifyPeriod`). */
  root: string;
  /** The first property read from it, if any (`rectifyPeriod`). */
  property?: string;
}

export interface FeelAnalysis {
  syntaxErrors: number;
  references: FeelReference[];
  /** Number literals in the expression (thresholds a simulator can probe around). */
  numbers: number[];
  /** String literals in the expression (values a simulator can choose). */
  strings: string[];
}

const cache = new Map<string, FeelAnalysis>();

/**
 * Parses a FEEL expression (with or without its leading `=`) and lists the variables it reads. Names
 * bound inside the expression (context keys, `for`/`some`/`every` variables, `item` in filters) and
 * function names are not variables.
 */
export function analyseFeel(expression: string): FeelAnalysis {
  const body = expression.startsWith('=') ? expression.slice(1) : expression;
  const cached = cache.get(body);
  if (cached) return cached;
  const tree = parseExpression(body, {}, undefined);
  const local = new Set<string>(['item']);
  const references: FeelReference[] = [];
  const numbers: number[] = [];
  const strings: string[] = [];
  let syntaxErrors = 0;
  const slice = (from: number, to: number) => body.slice(from, to);

  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) syntaxErrors += 1;
    if (cursor.name === 'ContextEntry' || cursor.name === 'InExpression') {
      const entry = cursor.node;
      const nameNode = entry.getChild('Key')?.getChild('Name') ?? entry.getChild('Name');
      if (nameNode) local.add(slice(nameNode.from, nameNode.to).trim());
    }
    if (cursor.name === 'NumericLiteral') numbers.push(Number(slice(cursor.from, cursor.to)));
    if (cursor.name === 'StringLiteral') strings.push(JSON.parse(slice(cursor.from, cursor.to)) as string);
  } while (cursor.next());

  const walk = tree.cursor();
  do {
    if (walk.name !== 'VariableName') continue;
    const node = walk.node;
    const parent = node.parent;
    if (parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) continue;
    const root = slice(node.from, node.to).trim();
    if (local.has(root)) continue;
    let property: string | undefined;
    const next = node.nextSibling;
    if (parent?.name === 'PathExpression' && next?.name === '.') {
      const path = next.nextSibling;
      if (path) property = slice(path.from, path.to).trim();
    }
    references.push(property === undefined ? { root } : { root, property });
  } while (walk.next());

  const analysis = { syntaxErrors, references, numbers, strings };
  cache.set(body, analysis);
  return analysis;
}

export function isFeelText(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

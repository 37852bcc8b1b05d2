import { parseExpression } from 'feelin';

export interface FeelReference {
  /** The variable the path starts with (`params` in `params.rectifyPeriod`). */
  root: string;
  /** The first property read from it, if any (`rectifyPeriod`). */
  property?: string;
}

export interface FeelAnalysis {
  syntaxErrors: number;
  references: FeelReference[];
}

/**
 * Parses a FEEL expression (without its leading `=`) and lists the variables it reads. Names bound
 * inside the expression (context keys, `for` variables, `item` in filters) and function names are not
 * variables.
 */
export function analyseFeel(expression: string): FeelAnalysis {
  const tree = parseExpression(expression, {}, undefined);
  const local = new Set<string>(['item']);
  const references: FeelReference[] = [];
  let syntaxErrors = 0;
  const text = (from: number, to: number) => expression.slice(from, to);

  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) syntaxErrors += 1;
    if (cursor.name === 'ContextEntry' || cursor.name === 'InExpression') {
      const entry = cursor.node;
      const nameNode = entry.getChild('Key')?.getChild('Name') ?? entry.getChild('Name');
      if (nameNode) local.add(text(nameNode.from, nameNode.to).trim());
    }
  } while (cursor.next());

  const walk = tree.cursor();
  do {
    if (walk.name !== 'VariableName') continue;
    const node = walk.node;
    const parent = node.parent;
    if (parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) continue;
    const root = text(node.from, node.to).trim();
    if (local.has(root)) continue;
    let property: string | undefined;
    const next = node.nextSibling;
    if (parent?.name === 'PathExpression' && next?.name === '.') {
      const path = next.nextSibling;
      if (path) property = text(path.from, path.to).trim();
    }
    references.push(property === undefined ? { root } : { root, property });
  } while (walk.next());

  return { syntaxErrors, references };
}

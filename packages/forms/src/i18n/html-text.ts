/**
 * The text a browser's `DOMParser` gives for an HTML fragment (`documentElement.textContent`): @formio/js
 * passes every error message through it, so the server must too for the texts to match. Covers tags,
 * comments and character references; a message is a short label plus a dictionary string, not a page.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  times: '×',
  divide: '÷',
  yen: '¥',
  copy: '©',
  reg: '®',
};

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+);?/g, (match, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
      }
      return NAMED_ENTITIES[ref] ?? match;
    });
}

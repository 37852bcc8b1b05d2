import type { Table } from './read-table.js';

/** A bad cell of an import: the row number as the user sees it, the column's name, and why (zh-CN). */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** Collects the errors of every row, so a dry run can report all of them at once. */
export class RowErrors {
  readonly list: RowError[] = [];

  add(row: number, column: string, message: string): void {
    this.list.push({ row, column, message });
  }

  /** Reports required columns the header lacks (as errors of row 1); true when all are there. */
  requireColumns(table: Table, columns: string[]): boolean {
    const missing = columns.filter((column) => !table.header.includes(column));
    for (const column of missing) this.add(1, column, `缺少必填列「${column}」`);
    return missing.length === 0;
  }

  /** Reports every value of `column` that appears in more than one row. */
  checkUnique(table: Table, column: string, label: string): void {
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const value = cells[column];
      if (!value) continue;
      const first = seen.get(value);
      if (first !== undefined) this.add(row, column, `${label}「${value}」与第 ${first} 行重复`);
      else seen.set(value, row);
    }
  }
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{1,63}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

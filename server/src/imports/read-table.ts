import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { errors } from '../errors/app-error.js';

/** One data row of an uploaded sheet: its row number as the user sees it (the header is row 1). */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export const MAX_IMPORT_ROWS = 5000;

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into rows keyed by the header's column names.
 * CSV files saved by Excel on Chinese Windows are GB18030, not UTF-8; both are read.
 */
export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  const matrix = isXlsx(bytes, fileName) ? await readXlsx(bytes) : readCsv(bytes);
  const [headerRow, ...body] = matrix;
  const header = (headerRow ?? []).map((cell) => cell.trim());
  if (header.length === 0 || header.every((cell) => cell === '')) throw errors.importFile('缺少表头行');
  const rows: TableRow[] = [];
  for (const [index, values] of body.entries()) {
    if (values.every((value) => value.trim() === '')) continue;
    const cells: Record<string, string> = {};
    for (const [column, name] of header.entries()) if (name) cells[name] = (values[column] ?? '').trim();
    rows.push({ row: index + 2, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw errors.importFile(`数据行超过 ${MAX_IMPORT_ROWS} 行，请分批导入`);
  return { header, rows };
}

function isXlsx(bytes: Buffer, fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw errors.importFile('不是有效的 XLSX 文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw errors.importFile('工作簿中没有工作表');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    throw errors.importFile(`数据行超过 ${MAX_IMPORT_ROWS} 行，请分批导入`);
  const matrix: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const values: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) values.push(row.getCell(column).text ?? '');
    matrix.push(values);
  }
  return matrix;
}

function readCsv(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw errors.importFile(`CSV 格式错误（${(error as Error).message.slice(0, 200)}）`);
  }
}

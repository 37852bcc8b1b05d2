import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const definitionsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../definitions');

/** Every folder under definitions/ that holds a program.json. */
export function programFolders(): string[] {
  return readdirSync(definitionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(definitionsDir, entry.name, 'program.json')))
    .map((entry) => entry.name)
    .sort();
}

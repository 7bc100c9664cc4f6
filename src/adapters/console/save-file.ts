import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { AnswerFile } from '../../chat/port.js';

/** Writes a file an answer carries into `dir` (created when missing); returns its absolute path. */
export async function saveFile(dir: string, file: AnswerFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  // basename: a file name never chooses its own folder.
  const path = resolve(join(dir, basename(file.name)));
  await writeFile(path, file.content);
  return path;
}

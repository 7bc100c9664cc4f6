import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { PRIVATE_FILE } from './private-files.js';

/**
 * A note beside the database saying that one was created and used here. Without it, a database
 * file deleted (or a volume not mounted) looks exactly like a first run, and the bot would start
 * on a new empty database and answer "Logged" into it while the real data sits elsewhere.
 */
export interface OpenMarker {
  schemaVersion: number;
  records: number;
  openedAt: string;
}

export const markerPath = (file: string): string => `${file}.marker.json`;

function readMarker(file: string): OpenMarker | null {
  try {
    return JSON.parse(fs.readFileSync(markerPath(file), 'utf8')) as OpenMarker;
  } catch {
    return null;
  }
}

/** The newest backup in DATA_DIR/backups, for the message. */
function latestBackup(file: string): string | null {
  const dir = path.join(path.dirname(file), 'backups');
  try {
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.db')).sort();
    return names.length ? path.join(dir, names.at(-1)!) : null;
  } catch {
    return null;
  }
}

/**
 * Throws UNAVAILABLE when the database file is missing although the marker says one existed,
 * unless `init` says to start afresh. A first run ever (no marker) starts with no setup.
 */
export function assertNotLost(file: string, init: boolean): void {
  if (init || fs.existsSync(file)) return;
  const marker = readMarker(file);
  if (!marker) return;
  const backup = latestBackup(file);
  throw new AppError(
    'UNAVAILABLE',
    [
      `The embedded database ${file} is missing, but one was in use here (schema version ${marker.schemaVersion}, ${marker.records} records when opened at ${marker.openedAt}).`,
      `Refusing to start on a new, empty database. Put the file back, or restore a backup: npm run restore -- ${backup ?? 'FILE'}`,
      'To really start over with an empty database, start once with --init (npm start -- --init) or STORE_INIT=true.',
    ].join('\n'),
    { params: { file, marker: markerPath(file) } },
  );
}

export function writeMarker(file: string, marker: OpenMarker): void {
  fs.writeFileSync(markerPath(file), `${JSON.stringify(marker, null, 2)}\n`, { mode: PRIVATE_FILE });
}

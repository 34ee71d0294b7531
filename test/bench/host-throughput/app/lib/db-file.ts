import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The SQLite file Loupe writes (from LOUPE_DATABASE_URL, `file:` URL or path). */
export function loupeDbPath(): string | undefined {
  const url = process.env.LOUPE_DATABASE_URL;
  if (!url?.startsWith("file:")) return undefined;
  return url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
}

/** Bytes of the database, its WAL and shared-memory files together (0 when absent). */
export function loupeDbBytes(): number {
  const file = loupeDbPath();
  if (!file) return 0;
  let bytes = 0;
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      bytes += statSync(file + suffix).size;
    } catch {
      // not created (yet)
    }
  }
  return bytes;
}

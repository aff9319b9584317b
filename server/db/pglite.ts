import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite/vector";
import { acquireDataDirLock } from "./lock";

export const pgliteExtensions = { vector, pg_trgm, btree_gin };

export type TPgliteHandle = { pg: PGlite; dataDir: string | null; release: () => void };

/** Opens the embedded database under dataDir (locked to this process), or an in-memory one. */
export async function openPglite(opts: {
  dataDir: string | null;
  snapshotFile?: string;
}): Promise<TPgliteHandle> {
  if (opts.dataDir === null) {
    const loadDataDir = opts.snapshotFile
      ? new Blob([new Uint8Array(fs.readFileSync(opts.snapshotFile))])
      : undefined;
    const pg = new PGlite("memory://", { extensions: pgliteExtensions, loadDataDir });
    await pg.waitReady;
    return { pg, dataDir: null, release: () => {} };
  }
  const dataDir = path.resolve(opts.dataDir);
  const release = acquireDataDirLock(path.dirname(dataDir));
  try {
    // PGlite's own mkdir is not recursive.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const pg = new PGlite(dataDir, { extensions: pgliteExtensions });
    await pg.waitReady;
    return { pg, dataDir, release };
  } catch (e) {
    release();
    throw e;
  }
}

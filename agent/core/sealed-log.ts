import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { seal, unseal, type TSealKey } from "./sealing";

export type TLogReadReport = { records: unknown[]; tornTail: boolean; unreadable: number };

/**
 * An append-only file of AES-256-GCM sealed JSON records, one per line, each write fsync'd before it
 * returns. A crash mid-write leaves at most a torn last line, which is cut off on open; a line that fails
 * authentication elsewhere is skipped and counted (it cannot be trusted, and stopping would lose the rest).
 */
export class SealedLog {
  private fd: number | null = null;

  constructor(
    readonly path: string,
    private readonly key: TSealKey,
  ) {}

  /** Reads every record and leaves the file open for appends, with any torn tail removed. */
  open(): TLogReadReport {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const report: TLogReadReport = { records: [], tornTail: false, unreadable: 0 };
    const content = existsSync(this.path) ? readFileSync(this.path) : Buffer.alloc(0);
    const lastNewline = content.lastIndexOf(0x0a);
    const complete = content.subarray(0, lastNewline + 1);
    report.tornTail = complete.length < content.length;
    const lines = complete.toString("utf8").split("\n").slice(0, -1);
    for (const line of lines) {
      try {
        report.records.push(JSON.parse(unseal(this.key, line)));
      } catch {
        report.unreadable++;
      }
    }
    this.fd = openSync(this.path, "a+", 0o600);
    // Appending after a torn tail would glue the next record to garbage, so cut it off first.
    if (report.tornTail) {
      ftruncateSync(this.fd, complete.length);
      fsyncSync(this.fd);
    }
    return report;
  }

  /** Appends records with one write and one fsync: they are on disk when this returns. */
  append(records: unknown[]): void {
    if (this.fd === null) throw new Error("sealed log is not open");
    if (records.length === 0) return;
    const text = records.map((r) => seal(this.key, JSON.stringify(r)) + "\n").join("");
    writeSync(this.fd, text);
    fsyncSync(this.fd);
  }

  /** Replaces the whole file atomically (temp file, fsync, rename): used for compaction. */
  rewrite(records: unknown[]): void {
    const tmp = `${this.path}.compact`;
    const fd = openSync(tmp, "w", 0o600);
    try {
      writeSync(fd, records.map((r) => seal(this.key, JSON.stringify(r)) + "\n").join(""));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.close();
    renameSync(tmp, this.path);
    syncDirectory(dirname(this.path));
    this.fd = openSync(this.path, "a+", 0o600);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Makes the rename durable on POSIX; Windows cannot open a directory, and NTFS journals renames anyway. */
function syncDirectory(dir: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

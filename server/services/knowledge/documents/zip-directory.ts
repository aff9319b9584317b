import { inflateRawSync } from "node:zlib";

// DOCX and XLSX are ZIP archives that the parsers (mammoth, exceljs — both via JSZip) inflate fully
// into memory. Before that, the central directory is read (same idea as qa/zip-guard.ts, plus entry
// names, which format detection needs) and every entry is test-inflated with a hard output cap: the
// sizes in the directory are written by whoever made the file, so a bomb can simply under-declare
// them. Inflating twice costs little next to parsing; inflating 20 GB once would take the server down.

const LOCAL_ENTRY = 0x04034b50;
const CENTRAL_ENTRY = 0x02014b50;
const EOCD = 0x06054b50;

export const MAX_ZIP_INFLATED = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

export type TZipDirectory =
  { ok: true; names: string[]; uncompressed: number } | { ok: false; reason: string };

type TEntry = { name: string; method: number; flags: number; csize: number; usize: number; local: number };

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL_ENTRY;
}

function findEocd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes, so it is near the end.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function readEntries(buf: Buffer, maxEntries: number): TEntry[] | string {
  const eocd = findEocd(buf);
  if (eocd < 0) return "the archive has no central directory (truncated or corrupt)";
  const count = buf.readUInt16LE(eocd + 10);
  if (count > maxEntries) return `too many files in the archive (${count})`;
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: TEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_ENTRY) {
      return "the archive's central directory is corrupt";
    }
    const nameLen = buf.readUInt16LE(offset + 28);
    entries.push({
      flags: buf.readUInt16LE(offset + 8),
      method: buf.readUInt16LE(offset + 10),
      csize: buf.readUInt32LE(offset + 20),
      usize: buf.readUInt32LE(offset + 24),
      local: buf.readUInt32LE(offset + 42),
      name: buf.toString("utf8", offset + 46, Math.min(buf.length, offset + 46 + nameLen)),
    });
    offset += 46 + nameLen + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
  return entries;
}

/** Checks that the entry really inflates to its declared size (never more), without keeping the data. */
function verifyEntry(buf: Buffer, e: TEntry): string | null {
  if (e.flags & 1) return "the archive is encrypted";
  if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL_ENTRY) {
    return "the archive's entries are corrupt";
  }
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  if (start + e.csize > buf.length) return "the archive is truncated";
  if (e.method === 0) return e.csize === e.usize ? null : "the archive's entries are corrupt";
  if (e.method !== 8) return `the archive uses an unsupported compression method (${e.method})`;
  try {
    // maxOutputLength makes zlib stop (RangeError) as soon as the output passes the declared size.
    const out = inflateRawSync(buf.subarray(start, start + e.csize), { maxOutputLength: e.usize || 1 });
    return out.length === e.usize ? null : "the archive's entries are corrupt";
  } catch (err) {
    return err instanceof RangeError
      ? "the archive inflates to more than it declares (zip bomb)"
      : "the archive's entries are corrupt";
  }
}

export function readZipDirectory(
  buf: Buffer,
  maxUncompressed = MAX_ZIP_INFLATED,
  maxEntries = MAX_ZIP_ENTRIES,
): TZipDirectory {
  if (!isZip(buf) || buf.length < 22) return { ok: false, reason: "not a ZIP archive" };
  const entries = readEntries(buf, maxEntries);
  if (typeof entries === "string") return { ok: false, reason: entries };
  let total = 0;
  for (const e of entries) {
    // ZIP64 markers: a genuine DOCX/XLSX under 20 MB never needs them.
    if (e.usize === 0xffffffff || e.csize === 0xffffffff) {
      return { ok: false, reason: "the archive is too large to inflate" };
    }
    total += e.usize;
    if (total > maxUncompressed) {
      return { ok: false, reason: "the archive inflates to more than the allowed size (zip bomb)" };
    }
  }
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const problem = verifyEntry(buf, e);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, names: entries.map((e) => e.name), uncompressed: total };
}

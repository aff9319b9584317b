// XLSX files are ZIP archives. Before a parser inflates one, the central directory is read to refuse
// archives that would expand to far more than a spreadsheet needs (zip bombs).

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

export type TZipCheck = { ok: true; entries: number; uncompressed: number } | { ok: false; reason: string };

export function checkZip(buf: Buffer, maxUncompressed: number, maxEntries = 10_000): TZipCheck {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50)
    return { ok: false, reason: "not a ZIP archive" };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "the archive has no central directory (truncated or corrupt)" };
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count > maxEntries) return { ok: false, reason: `too many files in the archive (${count})` };
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_ENTRY) {
      return { ok: false, reason: "the archive's central directory is corrupt" };
    }
    const size = buf.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return { ok: false, reason: "the archive is too large to inflate" };
    total += size;
    if (total > maxUncompressed)
      return { ok: false, reason: "the archive inflates to more than the allowed size" };
    offset +=
      46 + buf.readUInt16LE(offset + 28) + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
  return { ok: true, entries: count, uncompressed: total };
}

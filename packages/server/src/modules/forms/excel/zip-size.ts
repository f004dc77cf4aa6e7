/** End of central directory record, central directory file header: their signatures. */
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** A 32-bit size or offset of all ones means the real one is in a ZIP64 record. */
const ZIP64 = 0xffffffff;

/**
 * The total inflated size a ZIP archive's central directory declares for its entries, read without inflating
 * anything: Infinity for a ZIP64 archive (no template needs one), null when there is no readable directory
 * (the workbook reader then refuses the file itself).
 */
export function declaredInflatedBytes(zip: Buffer): number | null {
  // The end record is the last 22 bytes, unless a comment of up to 65 535 bytes follows it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (at === ZIP64 || entries === 0xffff) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === ZIP64) return Number.POSITIVE_INFINITY;
    total += size;
    // The fixed header, then the name, the extra field and the comment.
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

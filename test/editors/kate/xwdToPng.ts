import { deflateSync } from "node:zlib";

/**
 * Converts an X window dump (the XWD file Xvfb keeps its screen in when started with `-fbdir`) to
 * PNG, so a screenshot needs neither ImageMagick nor xwd. Handles what Xvfb writes: a TrueColor
 * visual with 24 or 32 bits a pixel, either byte order.
 */
export function xwdToPng(xwd: Buffer): Buffer {
  const field = (index: number): number => xwd.readUInt32BE(index * 4);
  const headerSize = field(0);
  const version = field(1);
  const width = field(4);
  const height = field(5);
  const byteOrder = field(7); // 0: least significant byte first
  const bitsPerPixel = field(11);
  const bytesPerLine = field(12);
  const visualClass = field(13);
  const masks = [field(14), field(15), field(16)];
  const colours = field(19);
  if (version !== 7) throw new Error(`not an XWD version 7 file (version ${version})`);
  if (visualClass !== 4 && visualClass !== 5) throw new Error(`XWD visual class ${visualClass} is not TrueColor or DirectColor`);
  if (bitsPerPixel !== 24 && bitsPerPixel !== 32) throw new Error(`XWD with ${bitsPerPixel} bits a pixel is not handled`);

  const bytesPerPixel = bitsPerPixel / 8;
  const channels = masks.map((mask) => ({ mask, shift: mask === 0 ? 0 : Math.log2(mask & -mask) }));
  const dataStart = headerSize + colours * 12;
  if (xwd.length < dataStart + bytesPerLine * height) throw new Error("XWD file is shorter than its header says");

  // PNG scanlines: a filter byte (0, none) and then RGB triples.
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const rowIn = dataStart + y * bytesPerLine;
    const rowOut = y * (1 + width * 3) + 1;
    for (let x = 0; x < width; x++) {
      const at = rowIn + x * bytesPerPixel;
      const pixel = byteOrder === 0 ? xwd.readUIntLE(at, bytesPerPixel) : xwd.readUIntBE(at, bytesPerPixel);
      for (const [channel, { mask, shift }] of channels.entries()) {
        raw[rowOut + x * 3 + channel] = Math.floor((pixel & mask) / 2 ** shift) & 0xff;
      }
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a channel
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  // The index is a byte, and the table has an entry for each of the 256.
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

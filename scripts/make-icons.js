#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,32,64,80}.png without any image library:
 * a green rounded tile (Excel's green) with a white 3x3 table grid, i.e. "a salary schedule".
 * PNG = signature + IHDR + IDAT (zlib-deflated RGBA scanlines, filter 0) + IEND, each chunk CRC-32'd.
 * Run: node scripts/make-icons.js   (the PNGs are committed; rerun only to change the design)
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, pixel) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREEN = [0x10, 0x7c, 0x41, 255];
const DARK = [0x0b, 0x5a, 0x2f, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function icon(size) {
  const r = Math.max(2, Math.round(size * 0.18)); // corner radius
  const m = Math.round(size * 0.2); // margin of the grid inside the tile
  const line = Math.max(1, Math.round(size / 16)); // grid line width
  const inner = size - 2 * m;
  const insideTile = (x, y) => {
    const cx = Math.min(Math.max(x + 0.5, r), size - r);
    const cy = Math.min(Math.max(y + 0.5, r), size - r);
    return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
  };
  return encodePng(size, (x, y) => {
    if (!insideTile(x, y)) return CLEAR;
    const gx = x - m;
    const gy = y - m;
    if (gx < 0 || gy < 0 || gx >= inner || gy >= inner) return GREEN;
    // Header row of the little table is solid white; other cells are outlined.
    if (gy < inner / 3) return WHITE;
    const onLine = (v) =>
      [0, 1, 2, 3].some((i) => {
        const at = Math.round((i * (inner - line)) / 3);
        return v >= at && v < at + line;
      });
    return onLine(gx) || onLine(gy) ? WHITE : DARK;
  });
}

const outDir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, icon(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

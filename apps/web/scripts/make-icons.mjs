// Writes public/icons/icon-192.png, icon-512.png (the icon.svg design) and icon-maskable-512.png
// with no dependencies. The maskable icon fills the whole square (the launcher cuts its own shape)
// and keeps the ring inside the central safe circle (radius 40% of the size).
// Run: node apps/web/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

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
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function render(size, maskable = false) {
  const s = size / 512;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) / s;
      const py = (y + 0.5) / s;
      // rounded square, radius 96
      const r = 96;
      const cx = Math.min(Math.max(px, r), 512 - r);
      const cy = Math.min(Math.max(py, r), 512 - r);
      const inside = maskable || Math.hypot(px - cx, py - cy) <= r;
      const d = Math.hypot(px - 256, py - 256);
      const white = Math.abs(d - 150) <= 22 || d <= 52;
      const o = 1 + x * 4;
      if (!inside) continue; // transparent
      const [R, G, B] = white ? [255, 255, 255] : [0x0e, 0xa5, 0xe9];
      row[o] = R; row[o + 1] = G; row[o + 2] = B; row[o + 3] = 255;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
];
for (const [name, size, maskable] of icons) {
  const out = fileURLToPath(new URL(`../public/icons/${name}`, import.meta.url));
  writeFileSync(out, render(size, maskable));
  console.log('wrote', out);
}

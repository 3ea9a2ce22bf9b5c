#!/usr/bin/env node
/**
 * Draws Muster's two Teams icons, offline and with no dependencies: the
 * assembly-point mark (four arrows pointing in at a group of three people)
 * in white, on the accent colour for `color.png` (192×192) and on
 * transparency for `outline.png` (32×32, white only, as Teams requires).
 * Shapes are drawn with 4×4 supersampling for smooth edges, and written as
 * PNG by hand (zlib + CRC). Run `node manifests/teams/make-icons.mjs` after
 * changing the drawing; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x1f, 0x5c, 0x99];
const here = new URL('./', import.meta.url);

/** Is the point (x, y) in the unit square [0,1]² part of the white mark? */
function inMark(x, y) {
  const cx = x - 0.5;
  const cy = y - 0.5;
  // Three people: heads and shoulders, the middle one a little taller.
  const person = (px, py, s) => {
    const head = (cx - px) ** 2 + (cy - py) ** 2 <= (0.055 * s) ** 2;
    const dy = cy - (py + 0.12 * s);
    const body =
      dy >= -0.02 * s && dy <= 0.07 * s && ((cx - px) / (0.1 * s)) ** 2 + (dy / (0.08 * s)) ** 2 <= 1;
    return head || body;
  };
  if (person(0, -0.06, 1.1) || person(-0.14, -0.02, 0.9) || person(0.14, -0.02, 0.9)) return true;
  // Four arrows, one from each side, pointing at the centre.
  const arrow = (u, v) => {
    // u: distance from the centre along the arrow's axis (outwards), v: across it.
    const shaft = u >= 0.34 && u <= 0.46 && Math.abs(v) <= 0.028;
    const head = u >= 0.26 && u < 0.34 && Math.abs(v) <= (u - 0.26) * 0.9;
    return shaft || head;
  };
  return arrow(-cy, cx) || arrow(cy, cx) || arrow(-cx, cy) || arrow(cx, cy);
}

/** Coverage of pixel (i, j) of an n×n image, 0..1, by 4×4 supersampling. */
function coverage(i, j, n) {
  let hits = 0;
  for (let a = 0; a < 4; a++)
    for (let b = 0; b < 4; b++) if (inMark((i + (a + 0.5) / 4) / n, (j + (b + 0.5) / 4) / n)) hits++;
  return hits / 16;
}

/** RGBA pixels: white mark over the background (a colour, or transparent). */
function draw(n, background) {
  const pixels = Buffer.alloc(n * n * 4);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const c = coverage(i, j, n);
      const at = (j * n + i) * 4;
      if (background) {
        for (let k = 0; k < 3; k++) pixels[at + k] = Math.round(background[k] * (1 - c) + 255 * c);
        pixels[at + 3] = 255;
      } else {
        pixels.fill(255, at, at + 3);
        pixels[at + 3] = Math.round(255 * c);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(n, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(n, 0);
  header.writeUInt32BE(n, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(n * (n * 4 + 1));
  for (let j = 0; j < n; j++) rgba.copy(rows, j * (n * 4 + 1) + 1, j * n * 4, (j + 1) * n * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(new URL('color.png', here), png(192, draw(192, ACCENT)));
writeFileSync(new URL('outline.png', here), png(32, draw(32, undefined)));
console.error('wrote manifests/teams/color.png (192×192) and outline.png (32×32)');

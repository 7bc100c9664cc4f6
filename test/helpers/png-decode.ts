import zlib from 'node:zlib';

/** An 8-bit RGBA, non-interlaced PNG → its size and pixels (all five row filters), to compare pictures in tests. */
export function decodePng(png: Uint8Array): { width: number; height: number; pixels: Buffer } {
  const b = Buffer.from(png);
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('decodePng: only 8-bit RGBA, not interlaced');
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const row = width * 4;
  const pixels = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (row + 1)]!;
    for (let i = 0; i < row; i++) {
      const x = raw[y * (row + 1) + 1 + i]!;
      const a = i >= 4 ? pixels[y * row + i - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * row + i]! : 0;
      const c = i >= 4 && y > 0 ? pixels[(y - 1) * row + i - 4]! : 0;
      const paeth = (): number => {
        const p = a + up - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - up), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      };
      const pred = [0, a, up, (a + up) >> 1, filter === 4 ? paeth() : 0][filter]!;
      pixels[y * row + i] = (x + pred) & 255;
    }
  }
  return { width, height, pixels };
}

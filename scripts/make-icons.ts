/**
 * Draws Plaza's app icons (committed under public/icons). Run again after changing the design:
 *   npx tsx scripts/make-icons.ts
 */
import sharp from 'sharp';

const green = '#0b7a4b';

function svg(size: number, maskable: boolean): Buffer {
  // Maskable icons keep their mark inside the central 80% safe zone and fill the whole square.
  const radius = maskable ? 0 : size * 0.22;
  const font = size * (maskable ? 0.42 : 0.56);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${green}"/>
  <rect x="${size * 0.2}" y="${size * 0.74}" width="${size * 0.6}" height="${size * 0.05}" rx="${size * 0.025}" fill="#fff" opacity="0.85"/>
  <text x="50%" y="50%" dy="0.3em" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="700" font-size="${font}" fill="#fff">P</text>
</svg>`);
}

const outputs: [string, number, boolean][] = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-192.png', 192, true],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];

for (const [name, size, maskable] of outputs) {
  await sharp(svg(size, maskable)).png().toFile(`public/icons/${name}`);
}
console.log('icons written to public/icons');

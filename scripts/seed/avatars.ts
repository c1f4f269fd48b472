/**
 * Generated initial avatars for the demo people, stored through the same media service as any
 * upload (so they are checked, re-encoded and served like one). The image is drawn as SVG and
 * rasterised by sharp; a Chinese initial needs a CJK font, and where fontconfig has none the
 * avatar shows a plain silhouette rather than a box of hex digits.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { setAvatar } from '@/lib/account';
import { storeImage } from '@/lib/media';
import { initialAvatarColour, initialOf } from '@/lib/media/client';

const size = 640;

function hasFontFor(language: string): boolean {
  try {
    return execFileSync('fc-list', [`:lang=${language}`, 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
  } catch {
    // No fontconfig tools at all: assume no such font.
    return false;
  }
}

/** Han, kana, hangul and the like: outside what DejaVu and Liberation draw. */
const needsCjkFont = (text: string) => /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/u.test(text);

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

function avatarSvg(initial: string | null, colour: string): string {
  const glyph = initial
    ? `<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="Noto Sans CJK SC, DejaVu Sans, Liberation Sans, sans-serif" font-weight="600" font-size="${size * 0.45}" fill="#ffffff">${escapeXml(initial)}</text>`
    : `<circle cx="${size / 2}" cy="${size * 0.4}" r="${size * 0.16}" fill="#ffffff" fill-opacity="0.9"/>
       <path d="M ${size * 0.2} ${size * 0.86} a ${size * 0.3} ${size * 0.26} 0 0 1 ${size * 0.6} 0 z" fill="#ffffff" fill-opacity="0.9"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" fill="${colour}"/>
    ${glyph}
  </svg>`;
}

export async function renderInitialAvatar(person: { handle: string; name: string }, cjkFont: boolean): Promise<Buffer> {
  const initial = initialOf(person.name, person.handle);
  const drawable = !needsCjkFont(initial) || cjkFont;
  return sharp(Buffer.from(avatarSvg(drawable ? initial : null, initialAvatarColour(person.handle))))
    .png()
    .toBuffer();
}

export async function seedAvatars(people: { id: string; handle: string; name: string }[]): Promise<void> {
  const cjkFont = hasFontFor('zh');
  for (const person of people) {
    const viewer = { kind: 'person' as const, id: person.id, handle: person.handle, isAdmin: false };
    const asset = await storeImage(viewer, { bytes: await renderInitialAvatar(person, cjkFont), purpose: 'avatar' });
    await setAvatar(viewer, asset.id);
  }
}

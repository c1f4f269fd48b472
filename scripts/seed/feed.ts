/**
 * Demo posts for the feed: words in English and Chinese, hashtags, mentions, photos, likes,
 * comments and a share, written through the feed's own service so they obey its rules. The
 * photos are drawn (sky, sun, hills, in each post's own colours) and stored like any upload.
 */
import sharp from 'sharp';
import type { Viewer } from '@/lib/core/session';
import { addComment, createPost, setLike, sharePost, type Audience } from '@/lib/feed';
import { storeImage } from '@/lib/media';

type Scene = { sky: [string, string]; sun: string; hills: [string, string]; width: number; height: number };

function sceneSvg({ sky, sun, hills, width, height }: Scene): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#s)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.35}" r="${Math.min(width, height) * 0.12}" fill="${sun}"/>
    <path d="M0 ${height * 0.7} Q ${width * 0.25} ${height * 0.45} ${width * 0.5} ${height * 0.68} T ${width} ${height * 0.6} V ${height} H 0 Z" fill="${hills[0]}"/>
    <path d="M0 ${height * 0.85} Q ${width * 0.4} ${height * 0.7} ${width} ${height * 0.82} V ${height} H 0 Z" fill="${hills[1]}"/>
  </svg>`;
}

const scenes: Scene[] = [
  { sky: ['#f97316', '#fde68a'], sun: '#fff7ed', hills: ['#7c2d12', '#431407'], width: 1600, height: 1200 },
  { sky: ['#0ea5e9', '#e0f2fe'], sun: '#fef9c3', hills: ['#15803d', '#14532d'], width: 1200, height: 1600 },
  { sky: ['#6366f1', '#f0abfc'], sun: '#fdf4ff', hills: ['#312e81', '#1e1b4b'], width: 1600, height: 1600 },
  { sky: ['#14b8a6', '#ccfbf1'], sun: '#fefce8', hills: ['#0f766e', '#134e4a'], width: 1600, height: 1000 },
  { sky: ['#f43f5e', '#fecdd3'], sun: '#fff1f2', hills: ['#881337', '#4c0519'], width: 1200, height: 1200 },
  { sky: ['#64748b', '#e2e8f0'], sun: '#f8fafc', hills: ['#334155', '#0f172a'], width: 1600, height: 1200 },
];

async function photo(viewer: Viewer, scene: Scene): Promise<string> {
  const bytes = await sharp(Buffer.from(sceneSvg(scene))).jpeg({ quality: 85 }).toBuffer();
  return (await storeImage(viewer, { bytes, purpose: 'post' })).id;
}

type DemoPost = { by: string; body: string; audience: Audience; location?: string; photos?: number[]; likes?: string[]; comments?: [string, string][] };

const demoPosts: DemoPost[] = [
  { by: 'mei', body: '周末去爬了莫干山，空气太好了 🌄 #周末 #爬山', audience: 'FRIENDS', location: '莫干山', photos: [0, 1, 3], likes: ['ana', 'wei', 'yuki'], comments: [['wei', '下次带上我！'], ['ana', 'Beautiful! 好美']] },
  { by: 'tomas', body: 'New rye sourdough is out of the oven. First ten loaves go to whoever says hi at the door 🍞 #bakery #valencia', audience: 'PUBLIC', location: 'Valencia', photos: [0], likes: ['ana', 'sofia', 'lukas'], comments: [['sofia', 'Saving one for me please!']] },
  { by: 'priya', body: 'Finished "The Emperor of All Maladies" on the night shift. Heavy, brilliant. What should I read next? #books', audience: 'FRIENDS', likes: ['ana', 'kwame'], comments: [['amara', 'Try "Being Mortal"!'], ['ana', 'Seconding Being Mortal.']] },
  { by: 'amara', body: 'Friday live: jollof rice, the smoky party way. 8pm Lagos time. Bring your questions! #cooking #live', audience: 'PUBLIC', photos: [4], likes: ['ana', 'mei', 'kwame', 'yuki'] },
  { by: 'sofia', body: 'Summer colours are in. Booking Tuesday to Saturday — @ana your balayage is due 😉 #hair', audience: 'PUBLIC', location: 'Milan', photos: [2, 4], likes: ['tomas', 'priya'], comments: [['ana', 'Booking this week!']] },
  { by: 'ana', body: 'Sunrise hike above Sintra with @mei in spirit. Film photos to follow once they are developed. #hiking #filmphotography', audience: 'FRIENDS', location: 'Sintra', photos: [1, 0, 3, 5], likes: ['mei', 'tomas', 'priya', 'sofia'], comments: [['mei', '好想一起去！'], ['tomas', 'That light 😍']] },
  { by: 'yuki', body: 'Drew the Osaka loop line at dusk. Trains are the best subject. #illustration', audience: 'PUBLIC', photos: [2], likes: ['mei', 'ana'] },
  { by: 'kwame', body: 'Sunday league: we won 3–1! Bikes fixed for two of the lads on Saturday so they could make it 🚲⚽', audience: 'FRIENDS', likes: ['priya', 'omar'], comments: [['omar', 'Great match!']] },
  { by: 'chenchen', body: '今天调研了杭州地铁早高峰，数据比想象中有意思。#城市交通', audience: 'PUBLIC', photos: [5], likes: ['mei'] },
  { by: 'ana', body: 'Note to self: renew passport before the Lisbon → Shanghai trip.', audience: 'ONLY_ME' },
  { by: 'omar', body: 'Neighbourhood running club meets at 6:30 tomorrow by the citadel. All paces welcome! #running', audience: 'PUBLIC', location: 'Amman', likes: ['kwame', 'ana'] },
  { by: 'wei', body: '新买的吉他到了，练了一晚上《成都》🎸 #音乐', audience: 'PUBLIC', likes: ['mei', 'chenchen'], comments: [['mei', '弹给我听！']] },
];

export async function seedFeed(viewers: Map<string, Viewer>): Promise<string> {
  const as = (handle: string) => viewers.get(handle)!;
  let photos = 0;
  let likes = 0;
  let comments = 0;
  const ids: string[] = [];
  for (const post of demoPosts) {
    const author = as(post.by);
    const mediaIds: string[] = [];
    for (const scene of post.photos ?? []) mediaIds.push(await photo(author, scenes[scene]!));
    photos += mediaIds.length;
    const { id } = await createPost(author, { body: post.body, audience: post.audience, locationName: post.location ?? null, mediaIds });
    ids.push(id);
    for (const liker of post.likes ?? []) {
      await setLike(as(liker), { postId: id, liked: true });
      likes += 1;
    }
    for (const [commenter, body] of post.comments ?? []) {
      await addComment(as(commenter), { postId: id, body });
      comments += 1;
    }
  }
  // Ana passes Tomás's bakery post on to her friends.
  await sharePost(as('ana'), { postId: ids[1]!, body: 'Best bread in Valencia, trust me.', audience: 'FRIENDS' });
  return `${demoPosts.length + 1} posts (${photos} photos, ${likes} likes, ${comments} comments, 1 share)`;
}

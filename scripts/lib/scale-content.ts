/**
 * The posts of the scale data set and what hangs off them: hashtags, photos (rows only, no
 * files), likes and comments. Everything about a post is decided up front in typed arrays, so
 * the counters written on Post agree with the PostLike and PostComment rows written after it.
 * A few people post a lot and most post a little; likes and comments come mostly from friends,
 * and only from people who can see the post.
 */
import { friendsOf, type Graph } from './scale-graph';
import { copyText, copyTime, scaleId, type Random } from './scale-random';

const day = 24 * 60 * 60 * 1000;
const PUBLIC = 0;
const FRIENDS = 1;
const ONLY_ME = 2;
const audienceNames = ['PUBLIC', 'FRIENDS', 'ONLY_ME'];

const words = 'morning coffee walk park market bread river bike train rain sunset garden friends dinner lunch music concert book film photo city street beach mountain trail cat dog kids school work office weekend holiday trip airport home kitchen recipe noodles soup tea cake bakery run gym match football game team studio paint guitar song night stars moon light window balcony plants flowers neighbours festival library museum bridge harbour ferry snow summer autumn winter spring fresh quiet busy lovely finally again today tomorrow yesterday really great small big new old first last best'.split(' ');
const chineseSentences = ['今天天气真好', '周末去爬山了', '终于吃到这家店', '和朋友一起喝咖啡', '下班路上的晚霞', '新学了一道菜', '这本书推荐给大家', '孩子们玩得很开心', '第一次尝试跑步', '城市的夜景好美'];
const tagWords = ['coffee', 'weekend', 'food', 'travel', 'running', 'photography', 'music', 'books', 'cats', 'dogs', 'sunset', 'hiking', 'baking', 'football', 'art', 'garden', 'family', 'work', 'study', 'cooking', 'cycling', 'rain', 'summer', 'winter', 'city', 'nature', 'friends', 'film', 'tea', 'market', '周末', '美食', '旅行', '咖啡', '摄影', '跑步', '读书', '猫', '日常', '晚霞'];
// A long tail of rarer tags after the common ones: the hashtag index sees both.
const tags = [...tagWords, ...tagWords.flatMap((word) => Array.from({ length: 8 }, (_, k) => `${word}${2019 + k}`))];

export type Content = {
  posts: number;
  ids: string[];
  author: Int32Array;
  audience: Uint8Array;
  createdAt: Float64Array;
  sharedOf: Int32Array;
  likes: Int32Array;
  comments: Int32Array;
  shares: Int32Array;
  media: Uint8Array;
};

export function makeContent(graph: Graph, posts: number, random: Random, now: number): Content {
  // How much each person posts: log-normal weights, searched through their running sum.
  const running = new Float64Array(graph.users);
  let total = 0;
  for (let i = 0; i < graph.users; i++) running[i] = total += Math.exp(1.1 * random.normal());
  const pickAuthor = () => {
    const target = random.next() * total;
    let low = 0;
    let high = graph.users - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (running[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  // Times over the last year, ascending, so post ids ascend with time as real ones roughly do.
  const createdAt = new Float64Array(posts);
  for (let j = 0; j < posts; j++) createdAt[j] = now - random.next() * 365 * day;
  createdAt.sort();

  const content: Content = {
    posts,
    ids: [],
    author: new Int32Array(posts),
    audience: new Uint8Array(posts),
    createdAt,
    sharedOf: new Int32Array(posts).fill(-1),
    likes: new Int32Array(posts),
    comments: new Int32Array(posts),
    shares: new Int32Array(posts),
    media: new Uint8Array(posts),
  };
  for (let j = 0; j < posts; j++) {
    content.ids.push(scaleId('sp', j, random));
    const author = pickAuthor();
    content.author[j] = author;
    const roll = random.next();
    const audience = roll < 0.6 ? PUBLIC : roll < 0.95 ? FRIENDS : ONLY_ME;
    content.audience[j] = audience;
    // One post in thirty passes on an earlier public post by someone else.
    if (j > 0 && random.next() < 1 / 30) {
      for (let tries = 0; tries < 8; tries++) {
        const original = random.int(j);
        if (content.audience[original] === PUBLIC && content.sharedOf[original] === -1 && content.author[original] !== author) {
          content.sharedOf[j] = original;
          content.shares[original]! += 1;
          break;
        }
      }
    }
    if (content.sharedOf[j] === -1 && random.next() < 0.12) content.media[j] = 1 + random.int(4);
    if (audience === ONLY_ME) continue;
    const audienceSize = friendsOf(graph, author).length + (audience === PUBLIC ? graph.users : 0);
    // Most posts get a few likes, some none, a few very many; never more than could see it.
    const likes = Math.max(0, Math.floor(Math.exp(0.2 + random.normal())) - 1);
    content.likes[j] = Math.min(likes, Math.floor(audienceSize * 0.7));
    const comments = random.next() < 0.35 ? Math.min(200, Math.max(1, Math.floor(Math.exp(0.3 + 0.9 * random.normal())))) : 0;
    content.comments[j] = audienceSize > 0 ? comments : 0;
  }
  return content;
}

function sentence(random: Random, length: number): string {
  const parts: string[] = [];
  for (let k = 0; k < length; k++) parts.push(random.pick(words));
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The tags of post j, decided by its own seeded randomness so the Post and PostHashtag rows agree. */
function tagsOf(random: Random): string[] {
  const count = random.next() < 0.4 ? 1 + random.int(3) : 0;
  const chosen = new Set<string>();
  for (let k = 0; k < count; k++) chosen.add(tags[random.zipf(tags.length)]!.toLowerCase());
  return [...chosen];
}

/**
 * The benchmark's viewer: among the busiest tenth by friend count, the person whose friends
 * (and they themselves) wrote the most posts others can see. With few posts in the data set
 * this still gives a full first page, so small and large data sets are compared page for page.
 */
export function busiestViewer(graph: Graph, content: Content, minFriends: number): number {
  const postsBy = new Int32Array(graph.users);
  for (let j = 0; j < content.posts; j++) if (content.audience[j] !== ONLY_ME) postsBy[content.author[j]!]! += 1;
  let best = -1;
  let chosen = 0;
  for (let i = 0; i < graph.users; i++) {
    const friends = friendsOf(graph, i);
    if (friends.length < minFriends) continue;
    let visible = postsBy[i]!;
    for (const friend of friends) visible += postsBy[friend]!;
    if (visible > best) {
      best = visible;
      chosen = i;
    }
  }
  return chosen;
}

export const postColumns = ['id', 'authorId', 'body', 'audience', 'mediaIds', 'sharedPostId', 'likeCount', 'commentCount', 'shareCount', 'createdAt'];
export const hashtagColumns = ['tag', 'postId', 'authorId', 'audience', 'createdAt'];
export const mediaColumns = ['id', 'ownerId', 'purpose', 'width', 'height', 'variants', 'createdAt'];

/**
 * Post rows, with their hashtag and photo rows collected alongside (emitted by the caller
 * after the posts).
 */
export function* postRows(graph: Graph, content: Content, random: Random, hashtagLines: string[], mediaLines: string[]): Generator<string> {
  for (let j = 0; j < content.posts; j++) {
    const author = content.author[j]!;
    const at = copyTime(content.createdAt[j]!);
    const audience = audienceNames[content.audience[j]!]!;
    const shared = content.sharedOf[j]!;
    const postTags = tagsOf(random);
    let body: string;
    if (shared !== -1 && random.next() < 0.5) body = '';
    else body = random.next() < 0.2 ? random.pick(chineseSentences) : sentence(random, 5 + random.int(20));
    const friends = friendsOf(graph, author);
    if (friends.length > 0 && random.next() < 0.15) body += ` @${graph.handles[friends[random.int(friends.length)]!]}`;
    for (const tag of postTags) body += ` #${tag}`;
    body = body.trim();
    const mediaIds: string[] = [];
    for (let k = 0; k < content.media[j]!; k++) {
      const id = scaleId('sm', j * 4 + k, random);
      mediaIds.push(id);
      const height = [360, 480, 270][random.int(3)]!;
      const variants = [['sm', 360], ['md', 720], ['lg', 1440]].map(([name, width]) => ({ name, width, height: Math.round(((width as number) / 360) * height), bytes: 20_000, key: `${id}/${name}.webp` }));
      mediaLines.push(`${id}\t${graph.ids[author]}\tpost\t1440\t${Math.round(4 * height)}\t${JSON.stringify(variants)}\t${at}\n`);
    }
    for (const tag of postTags) hashtagLines.push(`${copyText(tag)}\t${content.ids[j]}\t${graph.ids[author]}\t${audience}\t${at}\n`);
    yield `${content.ids[j]}\t${graph.ids[author]}\t${copyText(body)}\t${audience}\t{${mediaIds.join(',')}}\t${shared === -1 ? '\\N' : content.ids[shared]}\t${content.likes[j]}\t${content.comments[j]}\t${content.shares[j]}\t${at}\n`;
  }
}

/** Someone who can see post j: mostly the author's friends; anyone, for a public post. */
function viewerOf(graph: Graph, content: Content, j: number, random: Random): number {
  const friends = friendsOf(graph, content.author[j]!);
  const anyone = content.audience[j] === PUBLIC && (friends.length === 0 || random.next() < 0.3);
  return anyone ? random.int(graph.users) : friends[random.int(friends.length)]!;
}

export const likeColumns = ['postId', 'userId', 'createdAt'];
export function* likeRows(graph: Graph, content: Content, random: Random, now: number): Generator<string> {
  for (let j = 0; j < content.posts; j++) {
    const count = content.likes[j]!;
    if (count === 0) continue;
    const after = content.createdAt[j]!;
    const likers = new Set<number>();
    while (likers.size < count) {
      const person = viewerOf(graph, content, j, random);
      if (person !== content.author[j]) likers.add(person);
    }
    for (const person of likers) {
      yield `${content.ids[j]}\t${graph.ids[person]}\t${copyTime(after + random.next() * Math.min(3 * day, now - after))}\n`;
    }
  }
}

export const commentColumns = ['id', 'postId', 'authorId', 'parentId', 'body', 'createdAt'];
export function* commentRows(graph: Graph, content: Content, random: Random, now: number): Generator<string> {
  let next = 0;
  for (let j = 0; j < content.posts; j++) {
    const count = content.comments[j]!;
    if (count === 0) continue;
    const after = content.createdAt[j]!;
    const times = Array.from({ length: count }, () => after + random.next() * Math.min(3 * day, now - after)).sort((a, b) => a - b);
    const topLevel: string[] = [];
    for (let k = 0; k < count; k++) {
      const id = scaleId('sc', next++, random);
      // A reply's parent is always a top-level comment (one level of replies).
      const parent = topLevel.length > 0 && random.next() < 0.3 ? random.pick(topLevel) : null;
      if (!parent) topLevel.push(id);
      const body = random.next() < 0.2 ? random.pick(chineseSentences) : sentence(random, 2 + random.int(10));
      yield `${id}\t${content.ids[j]}\t${graph.ids[random.next() < 0.15 ? content.author[j]! : viewerOf(graph, content, j, random)]}\t${parent ?? '\\N'}\t${copyText(body)}\t${copyTime(times[k]!)}\n`;
    }
  }
}

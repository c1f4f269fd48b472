/**
 * The people of the scale data set and who knows whom. Friend counts follow a log-normal curve
 * (most people have 20–50 friends, a few have hundreds) and three in four friendships stay
 * inside a community of a few hundred people, so friends share friends as they do in life.
 * Follows lean towards a small number of popular people.
 */
import { copyText, copyTime, scaleId, type Random } from './scale-random';

const day = 24 * 60 * 60 * 1000;

export const scaleEmailDomain = 'scale.plaza';
export const scaleHandle = (index: number) => `scale${String(index + 1).padStart(6, '0')}`;
export const scaleEmail = (index: number) => `${scaleHandle(index)}@${scaleEmailDomain}`;

const latinFirst = ['Ana', 'Tomás', 'Priya', 'Kwame', 'Sofia', 'Lukas', 'Amara', 'Yuki', 'Omar', 'Lena', 'Mateo', 'Aisha', 'Noah', 'Chloé', 'Ivan', 'Fatima', 'Liam', 'Zara', 'Diego', 'Nina', 'Hugo', 'Leila', 'Oscar', 'Maya', 'Felix', 'Inès', 'Rahul', 'Olga', 'Samuel', 'Hana'];
const latinLast = ['Souza', 'García', 'Sharma', 'Mensah', 'Rossi', 'Becker', 'Okafor', 'Tanaka', 'Haddad', 'Novak', 'Silva', 'Khan', 'Smith', 'Dubois', 'Petrov', 'Hassan', 'Murphy', 'Ali', 'López', 'Jensen', 'Moreau', 'Rahimi', 'Berg', 'Patel', 'Weber', 'Costa', 'Nair', 'Ivanova', 'Adeyemi', 'Kim'];
const chineseFamily = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高'];
const chineseGiven = ['梅', '伟', '晨', '静', '磊', '芳', '洋', '娜', '杰', '丽', '强', '敏', '婷', '浩', '雪', '宇轩', '子涵', '欣怡', '梓萱', '一诺'];
const cities = ['Lisbon', 'Valencia', 'Bengaluru', 'Accra', 'Milan', 'Berlin', 'Lagos', 'Osaka', 'Amman', '上海', '北京', '杭州', '深圳', '成都', 'São Paulo', 'Nairobi', 'Toronto', 'Seoul', 'Istanbul', 'Mexico City'];
const bios = ['Coffee first.', 'Weekend hiker, film photographer.', 'Runs a small bakery.', 'Books, chai and long walks.', 'Football on Sundays.', '周末爬山，喜欢拍照。', '程序员，吉他爱好者。', 'Cats, trains and ramen.', 'Learning to cook, slowly.', 'Always planning the next trip.'];

export type Graph = {
  users: number;
  ids: string[];
  handles: string[];
  joinedAt: Float64Array;
  /** Friends as adjacency lists: friendsOf(i) = neighbours.subarray(offsets[i], offsets[i + 1]), ascending. */
  offsets: Int32Array;
  neighbours: Int32Array;
  friendships: number;
};

export const friendsOf = (graph: Graph, index: number) => graph.neighbours.subarray(graph.offsets[index]!, graph.offsets[index + 1]!);

export function makeGraph(users: number, random: Random, now: number): Graph {
  const ids: string[] = [];
  const handles: string[] = [];
  const joinedAt = new Float64Array(users);
  for (let i = 0; i < users; i++) {
    ids.push(scaleId('su', i, random));
    handles.push(scaleHandle(i));
    // Everyone joined between two years and one year ago, so every post (last year) comes after.
    joinedAt[i] = now - 730 * day + random.next() * 365 * day;
  }

  // Friendships: each person's wanted friend count becomes that many "stubs" dropped into a
  // community bucket (their own three times in four); shuffled stubs in a bucket pair up.
  const communitySize = 400;
  const communities = Math.max(1, Math.ceil(users / communitySize));
  const buckets: number[][] = Array.from({ length: communities }, () => []);
  for (let i = 0; i < users; i++) {
    const wanted = Math.max(2, Math.min(1000, Math.round(Math.exp(Math.log(32) + 0.55 * random.normal()))));
    const own = Math.floor(i / communitySize);
    for (let s = 0; s < wanted; s++) buckets[random.next() < 0.75 ? own : random.int(communities)]!.push(i);
  }
  const pairs: number[] = [];
  const seen = new Set<number>();
  for (const bucket of buckets) {
    for (let k = bucket.length - 1; k > 0; k--) {
      const j = random.int(k + 1);
      [bucket[k], bucket[j]] = [bucket[j]!, bucket[k]!];
    }
    for (let k = 0; k + 1 < bucket.length; k += 2) {
      const a = Math.min(bucket[k]!, bucket[k + 1]!);
      const b = Math.max(bucket[k]!, bucket[k + 1]!);
      if (a === b || seen.has(a * users + b)) continue;
      seen.add(a * users + b);
      pairs.push(a, b);
    }
  }
  const degree = new Int32Array(users);
  for (const person of pairs) degree[person]! += 1;
  const offsets = new Int32Array(users + 1);
  for (let i = 0; i < users; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const neighbours = new Int32Array(pairs.length);
  const fill = offsets.slice(0, users);
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k]!;
    const b = pairs[k + 1]!;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  for (let i = 0; i < users; i++) neighbours.subarray(offsets[i]!, offsets[i + 1]!).sort();
  return { users, ids, handles, joinedAt, offsets, neighbours, friendships: pairs.length / 2 };
}

export function* userRows(graph: Graph, passwordHash: string, random: Random): Generator<string> {
  for (let i = 0; i < graph.users; i++) {
    const chinese = random.next() < 0.25;
    const name = chinese ? `${random.pick(chineseFamily)}${random.pick(chineseGiven)}` : `${random.pick(latinFirst)} ${random.pick(latinLast)}`;
    const bio = random.next() < 0.6 ? random.pick(bios) : '';
    const location = random.next() < 0.7 ? random.pick(cities) : '';
    const joined = copyTime(graph.joinedAt[i]!);
    yield `${graph.ids[i]}\t${scaleEmail(i)}\t${joined}\t${graph.handles[i]}\t${copyText(name)}\t${copyText(bio)}\t${copyText(location)}\t${passwordHash}\t${joined}\t${joined}\n`;
  }
}
export const userColumns = ['id', 'email', 'emailVerifiedAt', 'handle', 'name', 'bio', 'location', 'passwordHash', 'createdAt', 'updatedAt'];

/** Two rows per friendship, as the account domain keeps them; ordered by person. */
export function* friendshipRows(graph: Graph, now: number): Generator<string> {
  for (let i = 0; i < graph.users; i++) {
    for (const j of friendsOf(graph, i)) {
      // Both rows of a pair carry the same time: a hash of the pair, after both joined.
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const spread = (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0) / 4294967296;
      const since = Math.max(graph.joinedAt[a]!, graph.joinedAt[b]!);
      yield `${graph.ids[i]}\t${graph.ids[j]}\t${copyTime(since + spread * (now - since))}\n`;
    }
  }
}
export const friendshipColumns = ['userId', 'friendId', 'createdAt'];

/** About ten follows each: half towards popular people, half anyone. */
export function* followRows(graph: Graph, random: Random, now: number): Generator<string> {
  // Popularity ranks are a fixed shuffle of everyone, so popular people are spread out.
  const byRank = Int32Array.from({ length: graph.users }, (_, i) => i);
  for (let k = graph.users - 1; k > 0; k--) {
    const j = random.int(k + 1);
    [byRank[k], byRank[j]] = [byRank[j]!, byRank[k]!];
  }
  for (let i = 0; i < graph.users; i++) {
    const count = Math.min(graph.users - 1, 5 + random.int(11));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < count && tries < count * 5; tries++) {
      const followee = random.next() < 0.5 ? byRank[random.zipf(graph.users)]! : random.int(graph.users);
      if (followee !== i) chosen.add(followee);
    }
    for (const followee of chosen) {
      const since = Math.max(graph.joinedAt[i]!, graph.joinedAt[followee]!);
      yield `${graph.ids[i]}\t${graph.ids[followee]}\t${copyTime(since + random.next() * (now - since))}\n`;
    }
  }
}
export const followColumns = ['followerId', 'followeeId', 'createdAt'];

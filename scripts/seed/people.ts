/** The demo people: varied names (Latin and Chinese), handles and bios. */
export const demoPassword = 'plaza-demo-2026';
export const demoLogin = { email: 'ana@demo.plaza', handle: 'ana' };
export const demoAdminHandle = 'ana';

export const demoPeople = [
  { name: 'Ana Souza', handle: 'ana', location: 'Lisbon', bio: 'Product designer in Lisbon. Weekend hiker, film photographer.' },
  { name: '李梅', handle: 'mei', location: '上海', bio: '上海的咖啡师 ☕ 周末爬山，喜欢拍照。' },
  { name: 'Tomás García', handle: 'tomas', location: 'Valencia', bio: 'Runs a small bakery. Sourdough every morning at 7.' },
  { name: '王伟', handle: 'wei', location: '北京', bio: '程序员，吉他爱好者。' },
  { name: 'Priya Sharma', handle: 'priya', location: 'Bengaluru', bio: 'Paediatrician. Books, chai and long walks.' },
  { name: 'Kwame Mensah', handle: 'kwame', location: 'Accra', bio: 'Football on Sundays, fixing bikes on Saturdays.' },
  { name: 'Sofia Rossi', handle: 'sofia', location: 'Milan', bio: 'Hair stylist — bookings open Tuesday to Saturday.' },
  { name: '陈晨', handle: 'chenchen', location: '杭州', bio: '在读研究生，研究城市交通。' },
  { name: 'Lukas Becker', handle: 'lukas', location: 'Berlin', bio: 'Selling my old camera gear. Ask me anything about lenses.' },
  { name: 'Amara Okafor', handle: 'amara', location: 'Lagos', bio: 'Live-streams cooking every Friday night.' },
  { name: 'Yuki Tanaka', handle: 'yuki', location: 'Osaka', bio: 'Illustrator. Cats, trains and ramen.' },
  { name: 'Omar Haddad', handle: 'omar', location: 'Amman', bio: 'Organises the neighbourhood running club.' },
] as const;

/** Who is friends with whom on first start, so Contacts and "people you may know" are alive. */
export const demoFriendships: [string, string][] = [
  ['ana', 'mei'], ['ana', 'tomas'], ['ana', 'priya'], ['ana', 'sofia'],
  ['mei', 'wei'], ['mei', 'chenchen'], ['mei', 'yuki'],
  ['tomas', 'sofia'], ['tomas', 'lukas'],
  ['priya', 'kwame'], ['priya', 'amara'], ['kwame', 'omar'],
];
/** Ana's friends who were on Plaza a moment ago: their profiles say when they were last active. */
export const demoRecentlyActive = ['mei', 'tomas', 'priya'];
/** Requests still waiting: two to Ana, one from her. */
export const demoPendingRequests: [from: string, to: string][] = [['wei', 'ana'], ['lukas', 'ana'], ['ana', 'omar']];
export const demoFollows: [follower: string, followee: string][] = [
  ['ana', 'amara'], ['mei', 'amara'], ['kwame', 'amara'], ['yuki', 'amara'], ['ana', 'sofia'], ['priya', 'sofia'], ['chenchen', 'wei'], ['omar', 'ana'],
];
/** Omar blocked Lukas: neither can find the other. */
export const demoBlocks: [blocker: string, blocked: string][] = [['omar', 'lukas']];

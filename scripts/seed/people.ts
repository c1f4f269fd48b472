/** The demo people: varied names (Latin and Chinese), handles and bios. */
export const demoPassword = 'plaza-demo-2026';
export const demoLogin = { email: 'ana@demo.plaza', handle: 'ana' };
export const demoAdminHandle = 'ana';

export const demoPeople = [
  { name: 'Ana Souza', handle: 'ana', bio: 'Product designer in Lisbon. Weekend hiker, film photographer.' },
  { name: '李梅', handle: 'mei', bio: '上海的咖啡师 ☕ 周末爬山，喜欢拍照。' },
  { name: 'Tomás García', handle: 'tomas', bio: 'Runs a small bakery. Sourdough every morning at 7.' },
  { name: '王伟', handle: 'wei', bio: '程序员，吉他爱好者。' },
  { name: 'Priya Sharma', handle: 'priya', bio: 'Paediatrician. Books, chai and long walks.' },
  { name: 'Kwame Mensah', handle: 'kwame', bio: 'Football on Sundays, fixing bikes on Saturdays.' },
  { name: 'Sofia Rossi', handle: 'sofia', bio: 'Hair stylist — bookings open Tuesday to Saturday.' },
  { name: '陈晨', handle: 'chenchen', bio: '在读研究生，研究城市交通。' },
  { name: 'Lukas Becker', handle: 'lukas', bio: 'Selling my old camera gear. Ask me anything about lenses.' },
  { name: 'Amara Okafor', handle: 'amara', bio: 'Live-streams cooking every Friday night.' },
  { name: 'Yuki Tanaka', handle: 'yuki', bio: 'Illustrator. Cats, trains and ramen.' },
  { name: 'Omar Haddad', handle: 'omar', bio: 'Organises the neighbourhood running club.' },
] as const;

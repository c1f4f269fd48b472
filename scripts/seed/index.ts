/**
 * Demo data for an empty database, written through the domains' own services so it obeys the
 * same rules as anything a person does. Run with the react-server condition (see start.ts).
 */
import { countPeople, signUp, updateProfile } from '@/lib/account';
import { seedAvatars } from './avatars';
import { demoPassword, demoPeople } from './people';

export async function seedDemoData(log: (line: string) => void): Promise<boolean> {
  if ((await countPeople()) > 0) return false;
  const people: { id: string; handle: string; name: string }[] = [];
  for (const person of demoPeople) {
    const account = await signUp({ name: person.name, handle: person.handle, email: `${person.handle}@demo.plaza`, password: demoPassword });
    await updateProfile({ kind: 'person', id: account.id, handle: account.handle, isAdmin: false }, { name: person.name, bio: person.bio });
    people.push({ id: account.id, handle: account.handle, name: person.name });
  }
  await seedAvatars(people);
  log(`Demo data: ${demoPeople.length} people.`);
  return true;
}

// Run directly: `tsx --conditions=react-server scripts/seed/index.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemoData(console.log);
  if (!seeded) console.log('The database already has people; demo data was not added.');
  process.exit(0);
}

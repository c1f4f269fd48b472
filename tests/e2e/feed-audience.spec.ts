import { expect, test } from '@playwright/test';
import { befriend, personInOwnBrowser, postCard, writePost } from './feed-support';

test('feed: a friends-only post is invisible to a non-friend everywhere a browser can look', async ({ browser }) => {
  const author = await personInOwnBrowser(browser, 'au');
  const friend = await personInOwnBrowser(browser, 'fr');
  const stranger = await personInOwnBrowser(browser, 'st');
  await befriend(author, friend);
  // The stranger follows the author, so the author's public posts do reach the stranger's feed.
  await stranger.page.goto(`/u/${author.person.handle}`);
  await stranger.page.getByRole('button', { name: 'Follow' }).click();
  await expect(stranger.page.getByRole('button', { name: 'Unfollow' })).toBeVisible();

  const tag = `quiet${Date.now()}`;
  const secret = `Friends only, mentioning @${stranger.person.handle} #${tag}`;
  const open = `Everyone may read this #${tag}`;
  await writePost(author.page, secret, 'Friends');
  await writePost(author.page, open, 'Public');
  const postUrl = await postCard(author.page, secret).locator('a[href^="/feed/p/"]').first().getAttribute('href');
  expect(postUrl).toMatch(/^\/feed\/p\//);

  // The friend sees it everywhere, and can like it.
  await friend.page.goto(`/feed/tag/${tag}`);
  await expect(postCard(friend.page, secret)).toBeVisible();
  await postCard(friend.page, secret).getByRole('button', { name: 'Like', exact: true }).click();
  await expect(postCard(friend.page, secret).getByTestId('like-count')).toHaveText('1 like');

  // The stranger sees the public post in each place, and never the friends-only one.
  for (const path of ['/feed', `/u/${author.person.handle}`, `/feed/tag/${tag}`]) {
    await stranger.page.goto(path);
    await expect(postCard(stranger.page, open)).toBeVisible();
    await expect(stranger.page.getByText('Friends only, mentioning')).toHaveCount(0);
  }
  // Its address answers exactly as an address that never existed.
  await stranger.page.goto('/feed/p/zzzzzzzzzzzzzzzzzzzzzzzzz');
  await expect(stranger.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const missing = await stranger.page.getByRole('main').innerText();
  await stranger.page.goto(postUrl!);
  await expect(stranger.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(await stranger.page.getByRole('main').innerText()).toBe(missing);
  // Mentioned in it, but outside its audience: no notification.
  await stranger.page.goto('/notifications');
  await expect(stranger.page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expect(stranger.page.getByText('mentioned you in a post')).toHaveCount(0);

  await author.context.close();
  await friend.context.close();
  await stranger.context.close();
});

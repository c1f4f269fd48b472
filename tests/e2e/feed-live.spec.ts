import { expect, test } from '@playwright/test';
import { befriend, cardIsLive, personInOwnBrowser, postCard, writePost } from './feed-support';

test('feed: a friend’s post, like and comment reach the other open browser without a reload', async ({ browser }) => {
  const ana = await personInOwnBrowser(browser, 'ana');
  const bo = await personInOwnBrowser(browser, 'bo');
  await befriend(ana, bo);

  // Bo reads his feed; Ana posts. Bo is offered the new post instead of having it pushed in.
  await bo.page.goto('/feed');
  await expect(bo.page.locator('html[data-realtime="live"]')).toBeAttached();
  const text = `Sunrise over the river #morning ${Date.now()}`;
  await writePost(ana.page, text);
  await bo.page.getByRole('button', { name: '1 new post' }).click();
  const onBo = postCard(bo.page, text);
  await expect(onBo).toBeVisible();
  await expect(onBo.getByRole('link', { name: '#morning' })).toHaveAttribute('href', '/feed/tag/morning');

  // Bo likes it: Ana's card counts it, live.
  await cardIsLive(ana.page, text);
  const onAna = postCard(ana.page, text);
  await expect(onAna.getByTestId('like-count')).toHaveText('No likes');
  await onBo.getByRole('button', { name: 'Like', exact: true }).click();
  await expect(onBo.getByRole('button', { name: 'Liked' })).toHaveAttribute('aria-pressed', 'true');
  await expect(onAna.getByTestId('like-count')).toHaveText('1 like');

  // Ana opens the comments and Bo comments: it appears under Ana's post, and the count moves.
  await onAna.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(onAna.getByText('No comments yet. Be the first.')).toBeVisible();
  await onBo.getByRole('button', { name: 'Comment', exact: true }).click();
  await onBo.getByLabel('Write a comment…').fill('What a view!');
  await onBo.getByRole('button', { name: 'Send' }).click();
  await expect(onAna.getByRole('list', { name: 'Comments' }).getByText('What a view!')).toBeVisible();
  await expect(onAna.getByTestId('comment-count')).toHaveText('1 comment');

  // And Ana hears about both.
  await ana.page.goto('/notifications');
  await expect(ana.page.getByText(/liked your post/)).toBeVisible();
  await expect(ana.page.getByText(/commented on your post/)).toBeVisible();
  await ana.context.close();
  await bo.context.close();
});

import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { befriend, personInOwnBrowser, postCard, writePost } from './feed-support';
import { chatIsLive, delivered, expectAccessible, messageList, startChat, threeFriends, write } from './chat-support';

const photo = () => sharp({ create: { width: 900, height: 600, channels: 3, background: '#16a085' } }).jpeg().toBuffer();

test('photos, refused files, edits, forwarding, delete for me and a shared post', async ({ browser }) => {
  // Three browsers, a dozen steps and four accessibility scans: more than the usual budget.
  test.slow();
  const { a, b, c, close } = await threeFriends(browser, 'msg');
  const withC = await startChat(a, c);
  const withB = await startChat(a, b);
  await b.page.goto(withB);
  await chatIsLive(a.page);
  await chatIsLive(b.page);

  // A file that is not an image is refused in words and nothing is sent.
  await a.page.getByRole('button', { name: 'Add photos' }).click();
  await a.page.getByLabel('Photos', { exact: true }).setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just some text, not a picture') });
  await expect(a.page.getByText("This file isn't an image we can use.", { exact: false })).toBeVisible();
  await a.page.getByRole('button', { name: /Dismiss/ }).first().click();

  // A photo goes through the media pipeline and arrives with its caption.
  await a.page.getByLabel('Photos', { exact: true }).setInputFiles({ name: 'lake.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await expect(a.page.getByRole('list', { name: 'Chosen photos' }).getByRole('listitem')).toHaveCount(1);
  await a.page.getByRole('textbox', { name: 'Message' }).fill('The lake this morning');
  await a.page.getByRole('button', { name: 'Send', exact: true }).click();
  const photoMessage = delivered(b.page, 'The lake this morning');
  await expect(photoMessage.getByRole('img', { name: `Photo from ${a.person.name}` })).toBeVisible();

  // An edit within 15 minutes reaches B, marked as edited.
  await write(a.page, 'Meet at the nrth gate');
  await delivered(a.page, 'Meet at the nrth gate').getByRole('button', { name: 'Message actions' }).click();
  await a.page.getByRole('button', { name: 'Edit', exact: true }).click();
  await a.page.getByLabel('Edit message').fill('Meet at the north gate');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await expect(delivered(b.page, 'Meet at the north gate')).toContainText('edited');

  // Forwarded to another chat, marked as forwarded.
  await delivered(a.page, 'Meet at the north gate').getByRole('button', { name: 'Message actions' }).click();
  await a.page.getByRole('button', { name: 'Forward', exact: true }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Forward to' });
  await dialog.getByRole('checkbox', { name: c.person.name }).check();
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(a.page.getByText('Forwarded.')).toBeVisible();
  await c.page.goto(withC);
  await expect(delivered(c.page, 'Meet at the north gate')).toContainText('Forwarded');

  // Delete for me: gone for B, after a reload too; still there for A.
  await photoMessage.getByRole('button', { name: 'Message actions' }).click();
  await b.page.getByRole('button', { name: 'Delete for me' }).click();
  await expect(delivered(b.page, 'The lake this morning')).toHaveCount(0);
  await b.page.reload();
  await expect(delivered(b.page, 'Meet at the north gate')).toBeVisible();
  await expect(delivered(b.page, 'The lake this morning')).toHaveCount(0);
  await a.page.reload();
  await expect(delivered(a.page, 'The lake this morning')).toBeVisible();

  // A post sent into the chat arrives as a card that opens the post.
  const postText = `Sunset from the ridge ${Date.now()}`;
  await writePost(a.page, postText);
  await postCard(a.page, postText).getByRole('button', { name: 'Post options' }).click();
  await postCard(a.page, postText).getByRole('button', { name: 'Send in chat' }).click();
  const send = a.page.getByRole('dialog', { name: 'Send to' });
  await send.getByRole('checkbox', { name: b.person.name }).check();
  await send.getByRole('button', { name: 'Send' }).click();
  await expect(a.page.getByText('Sent.')).toBeVisible();
  await chatIsLive(b.page);
  const card = messageList(b.page).getByRole('link', { name: new RegExp(`Post by ${a.person.name}`) });
  await expect(card).toContainText(postText);
  await card.click();
  await expect(postCard(b.page, postText)).toBeVisible();

  // The conversation, with photos, cards, receipts and an open menu, and its info page.
  await a.page.goto(withB);
  await delivered(a.page, 'Meet at the north gate').getByRole('button', { name: 'Message actions' }).click();
  await expectAccessible(a.page);
  await a.page.goto(`${withB}/info`);
  await expectAccessible(a.page);

  await close();
});

test('search finds a Chinese word inside a sentence and an English word by its stem, and opens the chat there', async ({ browser }) => {
  const a = await personInOwnBrowser(browser, 'srca');
  const b = await personInOwnBrowser(browser, 'srcb');
  await befriend(a, b);
  const path = await startChat(a, b);
  await write(a.page, '我们明天去长城爬山，你来吗？');
  await write(a.page, 'She runs every morning before work');
  await expect(delivered(a.page, 'She runs every morning')).toBeVisible();

  await b.page.goto('/chats/search?q=长城');
  const chineseHit = b.page.getByRole('link', { name: /长城/ });
  await expect(chineseHit).toBeVisible();
  await b.page.goto('/chats/search?q=running');
  const hit = b.page.getByRole('link', { name: /runs every morning/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(b.page).toHaveURL(new RegExp(`${path}\\?at=\\d+$`));
  await expect(delivered(b.page, 'She runs every morning')).toBeVisible();

  // Someone outside the chat finds nothing.
  const stranger = await personInOwnBrowser(browser, 'srcc');
  await stranger.page.goto('/chats/search?q=长城');
  await expect(stranger.page.getByRole('link', { name: /长城/ })).toHaveCount(0);

  await a.context.close();
  await b.context.close();
  await stranger.context.close();
});

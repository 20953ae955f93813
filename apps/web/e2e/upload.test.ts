import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken } from './api';
import { launchBrowser, newContext, REPO_ROOT, signIn } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, baseUrl)).newPage();
  await signIn(page, 'technician@plantops.local');
  await page.waitForURL(`${baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
});

const card = () => page.getByTestId('my-uploads');
const picker = () => card().getByLabel('Upload equipment photos');
const item = (name: string) => card().getByTestId('upload-item').filter({ hasText: name });

describe('My uploads (equipment photos)', () => {
  it('uploads a PNG with progress, then shows the server thumbnail, and removes it', async () => {
    const png = await readFile(path.join(REPO_ROOT, 'apps/web/public/icons/icon-192.png'));
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/files'));
    await picker().setInputFiles({ name: 'pump-e2e.png', mimeType: 'image/png', buffer: png });
    const response = await answered;
    expect(response.status()).toBe(201);
    const { data: stored } = (await response.json()) as { data: { id: string; status: string } };

    const row = item('pump-e2e.png');
    await card().locator('[data-testid="upload-item"][data-state="done"]').filter({ hasText: 'pump-e2e.png' }).waitFor();
    expect(await row.getByRole('progressbar', { name: 'Upload of pump-e2e.png' }).getAttribute('value')).toBe('100');
    await row.getByText('Uploaded').waitFor();
    // the server's thumbnail replaces the local preview once the file processor has run
    await row.locator('img[data-thumbnail="server"]').waitFor({ timeout: 20_000 });
    const src = await row.locator('img[data-thumbnail="server"]').getAttribute('src');
    expect(src).toMatch(/^blob:/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="my-uploads"] img[data-thumbnail="server"]');
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });

    const token = await apiToken(baseUrl, 'technician@plantops.local');
    const fetched = await apiCall(baseUrl, token, 'GET', `/api/v1/files/${stored.id}`);
    expect(fetched.body.data).toMatchObject({ status: 'PROCESSED', bucket: 'equipment-photos', fileName: 'pump-e2e.png' });

    await row.getByRole('button', { name: 'Remove pump-e2e.png' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await apiCall(baseUrl, token, 'GET', `/api/v1/files/${stored.id}`)).status).toBe(404);
  });

  it("shows the server's 415 for a .png whose content is text", async () => {
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/files'));
    await picker().setInputFiles({ name: 'notes-e2e.png', mimeType: 'image/png', buffer: Buffer.from('These are notes, not a picture.\n') });
    const response = await answered;
    expect(response.status()).toBe(415);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await item('notes-e2e.png').getByRole('alert').filter({ hasText: error.message }).waitFor();
    await item('notes-e2e.png').getByRole('button', { name: 'Dismiss notes-e2e.png' }).click();
    await item('notes-e2e.png').waitFor({ state: 'detached' });
  });

  it('refuses a file of another type before sending it', async () => {
    let sent = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/files')) sent = true;
    });
    await picker().setInputFiles({ name: 'manual-e2e.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await item('manual-e2e.pdf').getByRole('alert').filter({ hasText: 'is not an accepted type' }).waitFor();
    expect(sent).toBe(false);
  });
});

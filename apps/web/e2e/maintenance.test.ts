import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken } from './api';
import { fakeCameraFile, qrPicture, rgba } from './camera';
import { launchBrowser, load, newContext, REPO_ROOT, signIn } from './harness';
import { readFrame } from '../src/features/maintenance/qrDecode';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(browser, baseUrl, viewport ? { viewport } : {})).newPage();
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

const statusOf = async (id: string) => (await apiCall(baseUrl, await apiToken(baseUrl, 'manager@plantops.local'), 'GET', `/api/v1/work-orders/${id}`)).body.data;

/** Nothing on the page is wider than a phone screen. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe("a requester's request, from the report to the close", () => {
  it('is reported from a typed asset, assigned on the board, done on a phone, verified and closed', async () => {
    // The requester reports a fault on the feed pump, found by its asset tag.
    const requester = await as('requester@plantops.local', PHONE);
    await load(requester, '/work-orders/new');
    await requester.getByLabel('Asset tag').fill('MAIN-UTL-PMP');
    await requester.getByRole('button', { name: 'Find' }).click();
    await requester.getByRole('status').filter({ hasText: 'Boiler feed pump' }).waitFor();
    await requester.getByLabel('What is wrong?').fill('E2E pump vibrates');
    await requester.getByLabel('How urgent?').selectOption('HIGH');
    await requester.getByRole('button', { name: 'Send request' }).click();
    await requester.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const id = requester.url().split('/').pop()!;
    await requester.getByRole('heading', { name: 'E2E pump vibrates' }).waitFor();
    await requester.getByText('New', { exact: true }).first().waitFor();
    const { foNumber } = await statusOf(id);

    // The supervisor assigns it from the board, and adds the one check it needs.
    const supervisor = await as('supervisor@plantops.local');
    await load(supervisor, '/work-orders');
    const card = supervisor.getByRole('region', { name: 'New and unassigned' }).locator(`[data-fo="${foNumber}"]`);
    await card.getByLabel(`Assign ${foNumber} to`).selectOption({ label: 'Toni Technician (technician)' });
    await card.getByRole('button', { name: 'Assign' }).click();
    await supervisor.getByRole('region', { name: 'In the works' }).locator(`[data-fo="${foNumber}"]`).waitFor();
    const supToken = await apiToken(baseUrl, 'supervisor@plantops.local');
    expect((await apiCall(baseUrl, supToken, 'POST', `/api/v1/work-orders/${id}/checklist-items`, { component: 'Bearing', action: 'Check for play' })).status).toBe(201);

    // The technician does the work on a phone.
    const tech = await as('technician@plantops.local', PHONE);
    await load(tech, '/work-orders/my');
    await tech.getByRole('link', { name: 'E2E pump vibrates' }).click();
    await tech.waitForURL(`${baseUrl}/work-orders/${id}`);
    await tech.getByRole('button', { name: 'Start work' }).click();
    await tech.getByText('In progress', { exact: true }).first().waitFor();
    // Completing is blocked, and the page says by what.
    expect(await tech.getByRole('button', { name: 'Complete' }).isDisabled()).toBe(true);
    await tech.getByRole('note', { name: 'What still blocks completion' }).getByText('Checklist: Bearing - Check for play is still open').waitFor();
    await tech.getByRole('button', { name: 'Start timer' }).click();
    await tech.getByRole('timer', { name: 'Running timer' }).waitFor();
    await tech.getByRole('button', { name: 'Done: Bearing: Check for play' }).click();
    await tech.locator('[data-testid="checklist-item"][data-status="DONE"]').waitFor();
    const png = await readFile(path.join(REPO_ROOT, 'apps/web/public/icons/icon-192.png'));
    const photo = tech.locator('input[type="file"][capture="environment"]');
    expect(await photo.getAttribute('accept')).toBe('image/*');
    await photo.setInputFiles({ name: 'pump-e2e.png', mimeType: 'image/png', buffer: png });
    await tech.getByText('pump-e2e.png').waitFor();
    await tech.getByRole('button', { name: 'Stop timer' }).click();
    await tech.getByRole('button', { name: 'Start timer' }).waitFor();
    expect(await fitsWidth(tech)).toBe(true);
    await tech.getByRole('button', { name: 'Complete' }).click();
    await tech.getByText('Completed', { exact: true }).first().waitFor();

    // The supervisor verifies it from the board; the manager closes it.
    await load(supervisor, '/work-orders');
    await supervisor.getByRole('region', { name: 'Awaiting verification' }).getByRole('button', { name: `Verify ${foNumber}` }).click();
    await supervisor.getByRole('region', { name: 'Awaiting verification' }).locator(`[data-fo="${foNumber}"]`).waitFor({ state: 'detached' });
    const manager = await as('manager@plantops.local');
    await load(manager, `/work-orders/${id}`);
    await manager.getByRole('button', { name: 'Close' }).click();
    await manager.getByText('Closed', { exact: true }).first().waitFor();

    // The requester follows it to the end.
    await load(requester, `/work-orders/${id}`);
    await requester.getByText('Closed', { exact: true }).first().waitFor();
    const final = await statusOf(id);
    expect(final).toMatchObject({ status: 'CLOSED', verifiedBy: expect.any(String), totalMinutes: expect.any(Number) });
    expect(final.attachments).toHaveLength(1);
    expect(final.checklist[0].status).toBe('DONE');
  });
});

describe('equipment and QR labels', () => {
  it('opens a machine from its QR link, shows its code and prints a PDF label', async () => {
    const tech = await as('technician@plantops.local', PHONE);
    await load(tech, '/scan?code=MAIN-UTL-CMP');
    await tech.waitForURL(/\/equipment\/[0-9a-f-]{36}$/);
    await tech.getByRole('heading', { name: 'MAIN-UTL-CMP Air compressor' }).waitFor();
    const qr = tech.getByRole('img', { name: 'QR code for MAIN-UTL-CMP' });
    await qr.waitFor();
    await tech.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[alt="QR code for MAIN-UTL-CMP"]');
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    const download = tech.waitForEvent('download');
    await tech.getByRole('button', { name: 'Print QR label' }).click();
    const file = await (await download).path();
    expect((await readFile(file!)).subarray(0, 5).toString()).toBe('%PDF-');
    // The tree opens level by level.
    const supervisor = await as('supervisor@plantops.local');
    await load(supervisor, '/equipment');
    await supervisor.getByRole('button', { name: 'Expand MAIN-L1' }).click();
    await supervisor.getByRole('group', { name: 'Inside MAIN-L1' }).getByRole('link', { name: 'MAIN-L1-PRS' }).waitFor();
  });

  it('says so when a scanned code names no machine', async () => {
    const requester = await as('requester@plantops.local', PHONE);
    await load(requester, '/scan?code=NO-SUCH-TAG');
    await requester.getByRole('alert').getByText('No machine found for NO-SUCH-TAG').waitFor();
  });
});

describe('the camera QR scanner without BarcodeDetector', () => {
  it('reads a QR code from a frame with jsQR', () => {
    const read = readFrame;
    const text = 'http://plant.example/scan?code=MAIN-UTL-PMP';
    expect(read({ data: rgba(qrPicture(text, 320, 240, 4)), width: 320, height: 240 })).toBe(text);
    expect(read({ data: rgba(new Uint8Array(320 * 240).fill(255)), width: 320, height: 240 })).toBeNull();
  });

  it("finds the machine from its label held to the phone's camera", async () => {
    const token = await apiToken(baseUrl, 'requester@plantops.local');
    const pump = (await apiCall(baseUrl, token, 'GET', '/api/v1/equipment/lookup?code=MAIN-UTL-PMP')).body.data;
    expect(pump.qrCodeUrl).toMatch(/MAIN-UTL-PMP/);
    const dir = await mkdtemp(path.join(tmpdir(), 'plantops-camera-'));
    const camera = await launchBrowser(await fakeCameraFile(dir, pump.qrCodeUrl));
    try {
      const page = await (await newContext(camera, baseUrl, { viewport: PHONE })).newPage();
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
      await signIn(page, 'requester@plantops.local');
      await page.waitForURL(`${baseUrl}/`);
      await load(page, '/work-orders/new');
      // Chromium on Linux has no BarcodeDetector: this is the jsQR path, its worker started only now.
      expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
      expect(workers).toEqual([]);
      await page.getByRole('button', { name: 'Scan QR' }).click();
      await page.getByRole('status').filter({ hasText: 'Boiler feed pump' }).waitFor();
      expect(workers).toEqual([expect.stringMatching(/^\/assets\/qrWorker-.+\.js$/)]);
      await page.context().close();
    } finally {
      await camera.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

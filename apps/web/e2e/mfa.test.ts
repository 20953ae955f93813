import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, load, newContext, signIn } from './harness';
import { totp } from './totp';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('two-factor authentication', () => {
  it('is turned on from the profile and then asked for at sign-in', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, 'technician@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByLabel('6-digit code').fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is on' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, 'technician@plantops.local');
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // a wrong code is refused
    await code.fill(totp(secret) === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'code was not accepted' }).waitFor();
    await code.fill(totp(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();

    // turn it off again with the password
    await load(page, '/profile');
    await page.getByLabel('Password (to turn it off)').fill('PlantOps-demo-2026');
    await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is off' }).waitFor();
    await page.context().close();
  });
});

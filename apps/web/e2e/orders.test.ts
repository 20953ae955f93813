import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken } from './api';
import { launchBrowser, load } from './harness';
import { DESK, expectNoSideways, PHONE, sessions } from './sessions';

const baseUrl = inject('baseUrl');
let browser: Browser;
const pageAs = sessions(() => browser, baseUrl);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const COMPANY = 'E2E General Hospital';
// One API sign-in for the whole file: every sign-in is a session, and past five the oldest ends —
// the browser's own coordinator session among them.
let coordinatorToken: Promise<string> | undefined;
const coordinatorApi = () => (coordinatorToken ??= apiToken(baseUrl, 'production-coordinator@plantops.local'));
const orderOf = async (id: string) => (await apiCall(baseUrl, await coordinatorApi(), 'GET', `/api/v1/orders/${id}`)).body.data;
const wizardStep = (page: Page, n: number, name: string) => page.getByRole('heading', { name: `Step ${n}: ${name}`, level: 2 }).waitFor();
const statusIs = (page: Page, status: string) => page.getByRole('region', { name: 'Order summary' }).locator(`[data-testid="order-status"][data-status="${status}"]`).waitFor();
/** Makes a move offered on the order page and waits for the order to be there. */
async function move(page: Page, button: string, to: string) {
  await page.getByTestId('status-actions').getByRole('button', { name: button, exact: true }).click();
  await statusIs(page, to);
}

describe('customer orders (issue 11)', () => {
  it('a coordinator takes an order through the wizard (leaving and resuming the draft), releases it, and assembler, QC and coordinator carry it to shipped', { timeout: 180_000 }, async () => {
    const coord = await pageAs('production-coordinator@plantops.local');
    await load(coord, '/orders');
    await coord.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await coord.getByRole('link', { name: 'New order' }).first().click();
    await coord.waitForURL(`${baseUrl}/orders/new`);

    // Step 1: a new customer; a missing e-mail is named by the server before anything is saved.
    await coord.getByLabel('Company name').fill(COMPANY);
    await coord.getByLabel('Contact name').fill('Dr. Erin Example');
    await coord.getByLabel('Street').fill('1 Test Way');
    await coord.getByLabel('City').fill('Springfield');
    await coord.getByLabel('State', { exact: true }).fill('IL');
    await coord.getByLabel('ZIP code').fill('62701');
    await coord.getByLabel('Priority').selectOption('RUSH');
    await coord.getByRole('button', { name: 'Create draft and continue' }).click();
    await coord.getByRole('alert').filter({ hasText: 'The draft was not created.' }).waitFor();
    await coord.getByLabel('Contact e-mail').fill('erin@example.test');
    await coord.getByRole('button', { name: 'Create draft and continue' }).click();
    await coord.waitForURL(/\/orders\/[0-9a-f-]{36}\/edit\?step=2$/);
    const id = new URL(coord.url()).pathname.split('/')[2]!;
    await wizardStep(coord, 2, 'Sinks');

    // Step 2: two MDRD T2 sinks; their build numbers are offered by the server.
    await coord.getByLabel('Sink family, line 1').selectOption({ label: 'MDRD T2' });
    await coord.getByLabel('Quantity, line 1').fill('2');
    await coord.getByRole('button', { name: 'Save sinks and continue' }).click();
    await wizardStep(coord, 3, 'Configuration');
    const draft = await orderOf(id);
    expect(draft.status).toBe('DRAFT');
    const [bn1, bn2] = draft.sinks[0].buildNumbers as string[];
    expect(bn2).toBeTruthy();

    // Leave the draft; the list finds it by customer, and it opens where it was left.
    await load(coord, `/orders?status=DRAFT&search=${encodeURIComponent('E2E General')}`);
    await coord.getByRole('link', { name: draft.orderNumber }).click();
    await coord.waitForURL(`${baseUrl}/orders/${id}/edit`);
    await wizardStep(coord, 3, 'Configuration');
    const onPhone = await pageAs('production-coordinator@plantops.local', PHONE);
    await load(onPhone, `/orders/${id}/edit`);
    await wizardStep(onPhone, 3, 'Configuration');
    await onPhone.getByLabel('Start from a template').waitFor();
    await expectNoSideways(onPhone);
    await onPhone.context().close();

    // Step 3, build 1 from a template; the server prices it as it is shown.
    await coord.getByRole('heading', { name: `Build 1 of 2: ${bn1} (MDRD T2)` }).waitFor();
    await coord.getByLabel('Start from a template').selectOption({ label: 'MDRD single-basin E-Sink' });
    await expect.poll(() => coord.getByTestId('configured-price').count()).toBe(1);
    await coord.getByRole('button', { name: `Save ${bn1} and continue` }).click();

    // Build 2: a copy of build 1, then a length out of range, named, and fixed.
    await coord.getByRole('heading', { name: `Build 2 of 2: ${bn2} (MDRD T2)` }).waitFor();
    await coord.getByRole('button', { name: `Copy ${bn1}` }).click();
    await coord.getByLabel('Body length (inches)').fill('200');
    const problem = coord.getByRole('alert').filter({ hasText: 'to fix before this sink can be built' });
    await problem.waitFor();
    expect(await coord.getByRole('button', { name: `Save ${bn2} and continue` }).isDisabled()).toBe(true);
    await coord.getByLabel('Body length (inches)').fill('60');
    await problem.waitFor({ state: 'detached' });
    await coord.getByTestId('configured-price').waitFor();
    await coord.getByRole('button', { name: `Save ${bn2} and continue` }).click();

    // Step 4: one accessory on build 1, one for the whole order.
    await wizardStep(coord, 4, 'Accessories');
    await coord.getByLabel(`Accessory for ${bn1}`).selectOption('T-OA-BINRAIL-24-KIT');
    await coord.getByRole('button', { name: `Add accessory for ${bn1}` }).click();
    await coord.getByLabel('Accessory for the whole order').selectOption('T-OA-BINRAIL-24-KIT');
    await coord.getByRole('button', { name: 'Add accessory for the whole order' }).click();
    await coord.getByRole('button', { name: 'Save accessories and continue' }).click();

    // Step 5, then back to step 1 (steps may be revisited until submit) and forward again.
    await wizardStep(coord, 5, 'Review');
    await coord.getByRole('list', { name: 'BOM preview' }).locator('li').first().waitFor();
    expect((await orderOf(id)).accessories).toEqual([expect.objectContaining({ partNumber: 'T-OA-BINRAIL-24-KIT', quantity: 1 })]);
    await coord.getByRole('navigation', { name: 'Order steps' }).getByRole('button', { name: '1. Customer' }).click();
    await wizardStep(coord, 1, 'Customer');
    await coord.getByLabel('Contact phone').fill('+1-555-0199');
    await coord.getByRole('button', { name: 'Save and continue' }).click();
    await wizardStep(coord, 2, 'Sinks');
    await coord.getByRole('navigation', { name: 'Order steps' }).getByRole('button', { name: '5. Review' }).click();
    await wizardStep(coord, 5, 'Review');
    await coord.getByText(/\+1-555-0199/).waitFor();
    await coord.getByLabel('I have reviewed the order').check();
    await coord.getByLabel('The customer has approved this order').check();
    await coord.getByRole('button', { name: 'Submit order' }).click();
    await coord.waitForURL(`${baseUrl}/orders/${id}`);
    await statusIs(coord, 'PENDING');

    // Notes may still change after submit; the server keeps the previous value.
    await coord.getByLabel('Order notes').fill('Dock 4, call ahead');
    await coord.getByRole('button', { name: 'Save details' }).click();
    await coord.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    await coord.getByRole('region', { name: 'Order summary' }).getByText('Notes: Dock 4, call ahead').waitFor();

    // The order page says why it cannot go into production yet.
    await coord.getByRole('note', { name: 'Why not yet: Release to production' }).waitFor();
    for (const bn of [bn1, bn2]) {
      const bom = coord.getByRole('region', { name: `BOM of ${bn}` });
      await bom.getByText(`BOM lines of ${bn}`).click();
      await bom.getByRole('list', { name: `BOM tree of ${bn}` }).locator('li').first().waitFor();
      await bom.getByRole('button', { name: 'Approve BOM' }).click();
      await coord.locator(`[data-testid="bom-${bn}"][data-bom-status="APPROVED"]`).waitFor();
    }
    await coord.getByLabel('Assembler', { exact: true }).selectOption({ label: 'Alex Assembler' });
    await coord.getByLabel('QC person', { exact: true }).selectOption({ label: 'Quinn Inspector' });
    await coord.getByRole('button', { name: 'Save assignment' }).click();
    await coord.getByRole('status').filter({ hasText: 'Assignment saved.' }).waitFor();
    // The release asks to accept back-orders only when the order's parts are short in the demo stock.
    const start = (await orderOf(id)).nextSteps.find((s: { status: string }) => s.status === 'IN_PRODUCTION');
    await coord.getByTestId('status-actions').getByRole('button', { name: 'Release to production' }).click();
    if (start.needs.includes('acceptBackorders')) {
      const release = coord.getByRole('form', { name: 'Release to production' });
      await release.getByLabel('Accept back-orders for the parts that are short').check();
      await release.getByRole('button', { name: 'Confirm: Release to production' }).click();
    }
    await statusIs(coord, 'IN_PRODUCTION');
    await coord.getByRole('list', { name: 'Status history' }).locator('li[data-status="IN_PRODUCTION"]').waitFor();
    expect((await orderOf(id)).reservations.length).toBeGreaterThan(0);

    // The assembler, on a phone, hands it to pre-QC; QC and the assembler take it on from there.
    const assembler = await pageAs('assembler@plantops.local', PHONE);
    await load(assembler, `/orders/${id}`);
    await statusIs(assembler, 'IN_PRODUCTION');
    await expectNoSideways(assembler);
    await move(assembler, 'Send to pre-QC', 'PRE_QC');
    const qc = await pageAs('qc-person@plantops.local', DESK);
    await load(qc, `/orders/${id}`);
    await move(qc, 'Pre-QC passed: production complete', 'PRODUCTION_COMPLETE');
    await load(assembler, `/orders/${id}`);
    await move(assembler, 'Start end-of-line tests', 'END_OF_LINE');
    await load(qc, `/orders/${id}`);
    await move(qc, 'End-of-line passed: to final QC', 'FINAL_QC');
    await move(qc, 'Final QC passed: ready to ship', 'READY_TO_SHIP');

    // The coordinator ships it with carrier and tracking; the packing list is a PDF.
    await load(coord, `/orders/${id}`);
    await coord.getByTestId('status-actions').getByRole('button', { name: 'Mark shipped' }).click();
    const ship = coord.getByRole('form', { name: 'Mark shipped' });
    await ship.getByLabel('Carrier').fill('UPS');
    await ship.getByLabel('Tracking number').fill('1Z999E2E');
    await ship.getByRole('button', { name: 'Confirm: Mark shipped' }).click();
    await statusIs(coord, 'SHIPPED');
    const download = coord.waitForEvent('download');
    await coord.getByRole('button', { name: `Packing list ${draft.orderNumber} (PDF)` }).click();
    const file = await (await download).path();
    expect((await readFile(file!)).subarray(0, 5).toString()).toBe('%PDF-');
    // The coordinator attaches the signed delivery note; it joins the order's documents.
    await coord.getByLabel('Attach documents (PDF or photos)').setInputFiles({ name: 'delivery-note.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await coord.getByRole('list', { name: 'Order documents' }).getByRole('button', { name: /^delivery-note\.pdf/ }).waitFor();
    const shipped = await orderOf(id);
    expect(shipped).toMatchObject({ status: 'SHIPPED', shipment: { carrier: 'UPS', trackingNumber: '1Z999E2E' } });
    expect(shipped.timeline.map((t: { status: string }) => t.status)).toEqual(expect.arrayContaining(['PENDING', 'IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'END_OF_LINE', 'FINAL_QC', 'READY_TO_SHIP', 'SHIPPED']));

    // On a phone the list keeps its filters in the address and shows cards; nothing scrolls sideways.
    const phone = await pageAs('production-coordinator@plantops.local', PHONE);
    await load(phone, '/orders?status=SHIPPED&search=E2E');
    await phone.locator(`[data-order="${draft.orderNumber}"]`).waitFor();
    await expectNoSideways(phone);
    await phone.getByLabel('Priority').selectOption('RUSH');
    await phone.waitForURL(/priority=RUSH/);
    expect(phone.url()).toMatch(/status=SHIPPED/);
    await phone.locator(`[data-order="${draft.orderNumber}"]`).waitFor();
    await load(phone, `/orders/${id}`);
    await statusIs(phone, 'SHIPPED');
    await expectNoSideways(phone);
    await load(phone, '/orders/new');
    await phone.getByLabel('Company name').waitFor();
    await expectNoSideways(phone);
  });

  it('cancels a draft with a reason, which the timeline keeps', async () => {
    const token = await coordinatorApi();
    const created = await apiCall(baseUrl, token, 'POST', '/api/v1/orders/draft', {
      customer: { companyName: 'E2E Cancelled Clinic', contactName: 'Cy Cancel', email: 'cy@example.test', shippingAddress: { street: '2 Test Way', city: 'Springfield', state: 'IL', zipCode: '62701', country: 'USA' } },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.orderId as string;
    const coord = await pageAs('production-coordinator@plantops.local', PHONE);
    await load(coord, `/orders/${id}`);
    await statusIs(coord, 'DRAFT');
    await coord.getByRole('link', { name: 'Continue the draft' }).waitFor();
    await coord.getByRole('button', { name: 'Cancel order' }).click();
    const form = coord.getByRole('form', { name: 'Cancel the order' });
    expect(await form.getByRole('button', { name: 'Confirm cancellation' }).isDisabled()).toBe(true);
    await form.getByLabel('Reason for cancelling').fill('Customer chose another supplier');
    await form.getByRole('button', { name: 'Confirm cancellation' }).click();
    await statusIs(coord, 'CANCELLED');
    await coord.getByRole('list', { name: 'Status history' }).locator('li[data-status="CANCELLED"]').getByText('Customer chose another supplier').waitFor();
    await expectNoSideways(coord);
    expect((await orderOf(id)).cancellation.reason).toBe('Customer chose another supplier');
  });
});

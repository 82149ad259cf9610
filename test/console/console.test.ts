import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role, signDevelopmentToken } from '@multitrack/auth';
import type { Browser, Page } from 'playwright';
import { validRequest } from '../coordination/support/scenario';
import { startStandalone, StandaloneProcess } from '../standalone/standalone-process';
import {
  ConsoleTab,
  launchChromium,
  openConsole,
  screenshotForDocs,
  seriousViolations,
  step,
} from './browser';

// The console as a user meets it: `npm start`'s process serves /console, a real Chromium signs in
// with a pasted token and works through one funding story, then an auditor verifies the log.
const secret = 'console-test-secret-of-at-least-32-characters';
const ngoId = 'KE-NGO-4711';
const token = (role: Role, sub: string, org?: string) =>
  signDevelopmentToken({ secret, sub, roles: [role], org });

let app: StandaloneProcess;
let dataDir: string;
let browser: Browser;
const tabs: ConsoleTab[] = [];

const sendAs = async (role: Role, sub: string, route: string, body: unknown) => {
  const response = await fetch(`${app.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(role, sub)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
};

const signIn = async (
  role: Role,
  sub: string,
  org?: string,
  viewport?: { width: number; height: number },
) => {
  const tab = await openConsole(browser, app.url, await token(role, sub, org), viewport);
  tabs.push(tab);
  return tab.page;
};

const expectAccessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'multitrack-console-'));
  app = await startStandalone({
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: secret,
    AUDIT_CHECKPOINT_INTERVAL_S: '1',
  });
  browser = await launchChromium();
  // Given a vetted NGO (organisations are registered through the API; the console starts at requests).
  await sendAs('officer', 'alice', '/v1/organizations', {
    id: ngoId,
    name: 'Kisumu Peace Circle',
    country: 'KE',
    tracks: [2, 5],
    contactEmail: 'office@kisumu-peace.example',
  });
  await sendAs('officer', 'alice', `/v1/organizations/${ngoId}/vetting`, {
    decision: 'approved',
    note: 'references checked',
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  for (const tab of tabs.splice(0)) expect(tab.errors).toEqual([]);
});

describe('the web console at /console', () => {
  let requestUrl: string;
  let matchUrl: string;

  it('lets an officer post a help request', async () => {
    const page = await signIn('officer', 'alice');
    await step(page, 'post-request', async () => {
      await expectAccessible(page);
      const form = page.getByRole('form', { name: 'Post a help request' });
      await form.getByLabel('Title').fill('Dialogue facilitation in Kisumu');
      await form.getByLabel('Description').fill('Two mediators for three months');
      await form.getByLabel('Tracks (1–9, comma-separated)').fill('2, 5');
      await form.getByLabel('Country (ISO 3166-1 alpha-2)').fill('KE');
      await form.getByLabel('Budget amount').fill('250000.00');
      await form.getByLabel('Needed by').fill('2027-03-01');
      await form.getByRole('button', { name: 'Publish request' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dialogue facilitation in Kisumu' }).waitFor();
      requestUrl = page.url();
      await expect(page.getByText('open', { exact: true }).first().isVisible()).resolves.toBe(true);
      await expectAccessible(page);
    });
  });

  it('shows a refused form with the problem the API gave', async () => {
    const page = await signIn('officer', 'alice');
    await step(page, 'refused-request', async () => {
      const form = page.getByRole('form', { name: 'Post a help request' });
      await form.getByLabel('Title').fill('Bad budget');
      await form.getByLabel('Description').fill('x');
      await form.getByLabel('Tracks (1–9, comma-separated)').fill('2');
      await form.getByLabel('Country (ISO 3166-1 alpha-2)').fill('KE');
      await form.getByLabel('Budget amount').fill('1e5');
      await form.getByLabel('Needed by').fill('2027-03-01');
      await form.getByRole('button', { name: 'Publish request' }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toContain('400');
      await expect(form.getByRole('alert').textContent()).resolves.toContain('budget');
    });
  });

  it('lets a vetted NGO offer help, on a phone-sized screen', async () => {
    const page = await signIn('ngo', 'njeri', ngoId, { width: 390, height: 844 });
    await step(page, 'offer', async () => {
      await page.getByRole('link', { name: 'Dialogue facilitation in Kisumu' }).click();
      const form = page.getByRole('form', { name: 'Offer help' });
      await form.getByLabel('What you offer').fill('Two trained mediators, March to May');
      await form.getByLabel('Amount (USD)').fill('240000.00');
      await form.getByLabel('Start date').fill('2027-03-01');
      await form.getByLabel('End date').fill('2027-05-31');
      await form.getByRole('button', { name: 'Submit offer' }).click();
      await page.getByRole('cell', { name: 'Two trained mediators, March to May' }).waitFor();
      await expectAccessible(page);
    });
  });

  it('lets the NGO withdraw an offer it no longer stands by, filtered to its own tracks', async () => {
    await sendAs('officer', 'alice', '/v1/requests', {
      ...validRequest(),
      title: 'Radio programme on reconciliation',
      country: 'KE',
    });
    await sendAs('officer', 'alice', '/v1/requests', {
      ...validRequest(),
      title: 'Business roundtable',
      tracks: [3],
      country: 'KE',
    });
    const page = await signIn('ngo', 'njeri', ngoId);
    await step(page, 'withdraw', async () => {
      await page.getByRole('link', { name: 'Radio programme on reconciliation' }).click();
      const offer = page.getByRole('form', { name: 'Offer help' });
      await offer.getByLabel('What you offer').fill('A weekly radio slot');
      await offer.getByLabel('Amount (USD)').fill('20000.00');
      await offer.getByLabel('Start date').fill('2026-08-01');
      await offer.getByLabel('End date').fill('2026-09-30');
      await offer.getByRole('button', { name: 'Submit offer' }).click();
      await page.getByText('Revise or withdraw your offer “A weekly radio slot”').click();
      const withdraw = page.getByRole('form', { name: 'Withdraw your offer' });
      await withdraw.getByLabel('Reason for withdrawing').fill('the presenter left');
      await withdraw.getByRole('button', { name: 'Withdraw offer' }).click();
      await page.getByRole('cell', { name: 'withdrawn' }).waitFor();
      await expectAccessible(page);
      // Track 3 is not the NGO's: the list leaves that request out until asked for every track.
      await page.getByRole('link', { name: 'Requests' }).click();
      await page.getByRole('link', { name: 'Radio programme on reconciliation' }).waitFor();
      expect(await page.getByRole('link', { name: 'Business roundtable' }).count()).toBe(0);
      await page.getByLabel("Only my organisation's tracks").uncheck();
      await page.getByRole('link', { name: 'Business roundtable' }).waitFor();
    });
  });

  it('lets the officer see the suggestion with its reasons, match, commit and pay', async () => {
    const page = await signIn('officer', 'alice');
    await step(page, 'match-and-pay', async () => {
      await page.goto(requestUrl);
      await page.getByRole('heading', { name: 'Match suggestions' }).waitFor();
      await page.getByText('Kisumu Peace Circle').first().waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Match this offer' }).click();
      await page.getByRole('heading', { level: 1, name: `Match with ${ngoId}` }).waitFor();
      matchUrl = page.url();
      await page.getByLabel('Amount to commit (USD)').fill('240000.00');
      await page.getByRole('button', { name: 'Commit', exact: true }).click();
      await page.getByText('240000.00 USD').first().waitFor();
      const pay = async (amount: string, reference: string) => {
        const form = page.getByRole('form', { name: 'Pay a tranche' });
        await form.getByLabel('Tranche amount (USD)').fill(amount);
        await form.getByLabel('Payment reference').fill(reference);
        await form.getByRole('button', { name: 'Disburse' }).click();
        await page.getByRole('cell', { name: reference, exact: true }).waitFor();
      };
      await pay('60000.00', 'T1');
      await pay('150000.00', 'T2');
      // Four eyes: the second tranche waits, and its own requester is refused in words.
      await page.getByRole('button', { name: 'Approve T2' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/422/);
      await expectAccessible(page);
    });
  });

  it('lets a second officer approve the waiting tranche with one click', async () => {
    const page = await signIn('officer', 'bob');
    await step(page, 'approve', async () => {
      await page.goto(matchUrl);
      await page.getByRole('button', { name: 'Approve T2' }).click();
      await page.getByRole('cell', { name: 'bob' }).waitFor();
    });
  });

  it('lets the NGO confirm what arrived', async () => {
    const page = await signIn('ngo', 'njeri', ngoId);
    await step(page, 'receipt', async () => {
      await page.goto(matchUrl);
      const form = page.getByRole('form', { name: 'Confirm receipt of T1' });
      await form.getByLabel('Amount received (USD)').fill('60000.00');
      await form.getByRole('button', { name: 'Confirm receipt' }).click();
      await page.getByText(/60000\.00 USD on \d{4}-\d\d-\d\d/).waitFor();
      await expectAccessible(page);
      await screenshotForDocs(page, 'console-match');
    });
  });

  it('shows the auditor the funding flow and every event of the match', async () => {
    const page = await signIn('auditor', 'ines');
    await step(page, 'flow', async () => {
      await page
        .getByRole('img', { name: /Sankey diagram/ })
        .locator('svg')
        .waitFor();
      await page.getByRole('cell', { name: ngoId }).waitFor();
      await expectAccessible(page);
      await screenshotForDocs(page, 'console-funding-flow');
      await page.getByRole('link', { name: 'Timeline' }).click();
      await page.getByLabel(/Stream id/).fill(`match-${new URL(matchUrl).hash.split('/').pop()}`);
      await page.getByRole('button', { name: 'Show timeline' }).click();
      await page.getByRole('cell', { name: 'DisbursementReceiptConfirmed' }).waitFor();
      await expectAccessible(page);
      // The metrics page shows the figures, or the API's problem where this server lacks the route.
      await page.getByRole('link', { name: 'Metrics' }).click();
      await page.getByRole('heading', { name: 'Cooperation metrics' }).waitFor();
      await page.locator('.problem, table').first().waitFor();
      await expectAccessible(page);
    });
  });

  it('verifies the signed checkpoints and proofs in the browser, and that the log grew consistently', async () => {
    const page = await signIn('auditor', 'ines');
    await step(page, 'verify', async () => {
      await page.getByRole('link', { name: 'Verify' }).click();
      await page.getByRole('button', { name: 'Verify now' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toBe('Everything verified.');
      await page.getByText('Latest checkpoint: verified').waitFor();
      await page.getByText('Inclusion: verified').waitFor();
      await page.getByText('Earlier checkpoint: not checked').waitFor();
      await expectAccessible(page);
      // The log grows; once a larger checkpoint is signed, the tab checks it extends the one it saw.
      await sendAs('officer', 'alice', '/v1/requests', { ...validRequest(), title: 'Later request' });
      const remembered = await page.getByLabel(/Earlier tree size/).inputValue();
      expect(Number(remembered)).toBeGreaterThan(0);
      for (
        let attempt = 0;
        attempt < 20 && (await page.getByText('Consistency: verified').count()) === 0;
        attempt++
      ) {
        await page.waitForTimeout(500);
        await page.getByRole('button', { name: 'Verify now' }).click();
        await page.getByRole('button', { name: 'Verify now' }).waitFor();
      }
      await page.getByText(`Earlier checkpoint: verified`).waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toBe('Everything verified.');
    });
  });

  it('says that verification failed when one byte of a root was changed on the way', async () => {
    const page = await signIn('auditor', 'ines');
    await step(page, 'tampered', async () => {
      await page.route('**/v1/audit/checkpoints/latest', async (route) => {
        const response = await route.fetch();
        const [origin, size, root, ...rest] = (await response.text()).split('\n');
        const bytes = Buffer.from(root, 'base64');
        bytes[0] ^= 0x01;
        await route.fulfill({ response, body: [origin, size, bytes.toString('base64'), ...rest].join('\n') });
      });
      await page.getByRole('link', { name: 'Verify' }).click();
      await page.getByRole('button', { name: 'Verify now' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Verification failed/);
      await page.getByText('Latest checkpoint: not verified').waitFor();
    });
  });
});

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright';

// Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it): Playwright never downloads a browser here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.resolve(__dirname, '../../test-results');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

/** A signed-in tab of the console, collecting the page's console errors. */
export interface ConsoleTab {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export const openConsole = async (
  browser: Browser,
  url: string,
  token: string,
  viewport = { width: 1280, height: 800 },
): Promise<ConsoleTab> => {
  const context = await browser.newContext({ viewport });
  // Generous: beside the chaos suite on two cores, Chromium has taken over 15 s to render a page.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // A refused write is logged by Chromium itself ("Failed to load resource: … 422"): the console
    // shows the problem to the user, which the tests check; anything else is an error of ours.
    if (
      message.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    )
      errors.push(message.text());
  });
  await page.goto(`${url}/console/`);
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
  return { page, context, errors };
};

/** axe-core on the page as it stands: no serious or critical violation. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
};

/** Runs a step; when it fails, the page as it was goes to test-results/<name>.png. */
export const step = async <T>(page: Page, name: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    await mkdir(screenshots, { recursive: true });
    await page
      .screenshot({ path: path.join(screenshots, `console-${name}.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  }
};

/** `CONSOLE_SCREENSHOTS=docs/images npm test -- test/console` refreshes the README's pictures. */
export const screenshotForDocs = async (page: Page, name: string): Promise<void> => {
  const folder = process.env.CONSOLE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: path.resolve(folder, `${name}.png`), fullPage: true });
};

// Headless Debian chromium for the browser tests, and the stsgate pages they read.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs fn(context, page) in a fresh profile that is removed afterwards.
export async function withChromium(fn) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'stsgate-chromium-'));
  // headless: false because --headless is passed explicitly with the other flags CI uses.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    context.setDefaultTimeout(30_000);
    const page = context.pages()[0] ?? await context.newPage();
    return await fn(context, page);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

// The role picker as a person sees it: account legends and the offered "role,provider" values.
export async function readPicker(page) {
  await page.getByRole('heading', { name: 'Choose a role' }).waitFor();
  return {
    url: page.url(),
    title: await page.title(),
    signedInAs: (await page.locator('#signed-in-as').textContent()).trim(),
    accounts: (await page.locator('legend').allTextContents()).map((text) => text.trim()),
    roles: await page.locator('input[type=radio][name=role]').evaluateAll((radios) => radios.map((r) => r.value)),
  };
}

// Clicks the role's label, as a person would, submits, and waits for the credentials page.
export async function chooseRole(page, role) {
  const radioId = await page.locator(`input[type=radio][value="${role}"]`).getAttribute('id');
  await page.locator(`label[for="${radioId}"]`).click();
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/saml/credentials')),
    page.getByRole('button', { name: 'Get credentials' }).click(),
  ]);
  await page.getByRole('heading', { name: /^Credentials for / }).waitFor();
}

// The fields of the credentials page.
export async function readCredentials(page) {
  return {
    credentialsUrl: page.url(),
    accessKeyId: await page.inputValue('#access-key-id'),
    secretAccessKey: await page.inputValue('#secret-access-key'),
    sessionToken: await page.inputValue('#session-token'),
    expiration: await page.inputValue('#expiration-value'),
    roleArn: (await page.locator('#role-arn').textContent()).trim(),
    exports: await page.inputValue('#exports'),
  };
}

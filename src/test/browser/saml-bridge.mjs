// Signs in through stsgate's SAML browser bridge in headless Debian chromium, the way a person would:
// the IdP's auto-submitting form posts the SAMLResponse to <stsgate>/saml, the user clicks a role,
// and the credentials page is read. Prints one JSON object on stdout.
//
// Usage: node saml-bridge.mjs <stsgate base URL> <input.json>
//   input.json: { "samlResponse": "<base64>", "relayState": "...", "role": "<role ARN>,<provider ARN>" }
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, inputFile] = process.argv.slice(2);
if (!baseUrl || !inputFile) {
  console.error('usage: node saml-bridge.mjs <stsgate base URL> <input.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(inputFile, 'utf8'));
const origin = new URL(baseUrl).origin;
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
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = context.pages()[0] ?? await context.newPage();
  const cspViolations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  // The IdP's page: an HTML form that posts itself to the ACS (HTTP-POST binding).
  await page.setContent(`<!DOCTYPE html><html lang="en"><body>
    <form id="idp" method="post" action="${new URL('saml', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/')}">
      <input type="hidden" name="SAMLResponse"><input type="hidden" name="RelayState">
    </form></body></html>`);
  await Promise.all([
    page.waitForURL((url) => url.origin === origin),
    page.evaluate(({ samlResponse, relayState }) => {
      document.querySelector('[name=SAMLResponse]').value = samlResponse;
      document.querySelector('[name=RelayState]').value = relayState ?? '';
      document.getElementById('idp').submit();
    }, input),
  ]);

  await page.getByRole('heading', { name: 'Choose a role' }).waitFor();
  const picker = {
    url: page.url(),
    title: await page.title(),
    accounts: (await page.locator('legend').allTextContents()).map((text) => text.trim()),
    roles: await page.locator('input[type=radio][name=role]').evaluateAll((radios) => radios.map((r) => r.value)),
  };
  const csrfCookie = (await context.cookies(new URL('saml', page.url()).href)).find((cookie) => cookie.name === 'stsgate_saml_csrf');

  // Click the role's label, as a person would, then submit.
  const radioId = await page.locator(`input[type=radio][value="${input.role}"]`).getAttribute('id');
  await page.locator(`label[for="${radioId}"]`).click();
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/saml/credentials')),
    page.getByRole('button', { name: 'Get credentials' }).click(),
  ]);
  await page.getByRole('heading', { name: /^Credentials for / }).waitFor();

  // The copy buttons only appear when the nonce'd script ran under the CSP.
  const copyButtons = await page.locator('button.copy:visible').count();
  await page.locator('button.copy[data-copy="access-key-id"]').click();
  await page.getByRole('status').filter({ hasText: 'copied' }).waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());

  const result = {
    picker,
    csrfCookie: csrfCookie && { httpOnly: csrfCookie.httpOnly, sameSite: csrfCookie.sameSite, secure: csrfCookie.secure },
    credentialsUrl: page.url(),
    accessKeyId: await page.inputValue('#access-key-id'),
    secretAccessKey: await page.inputValue('#secret-access-key'),
    sessionToken: await page.inputValue('#session-token'),
    expiration: await page.inputValue('#expiration-value'),
    roleArn: (await page.locator('#role-arn').textContent()).trim(),
    exports: await page.inputValue('#exports'),
    copyButtons,
    clipboard,
    cspViolations,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

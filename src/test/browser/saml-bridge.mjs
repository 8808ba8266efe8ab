// Signs in through stsgate's SAML browser bridge in headless Debian chromium, the way a person would:
// the IdP's auto-submitting form posts the SAMLResponse to <stsgate>/saml, the user clicks a role,
// and the credentials page is read. Prints one JSON object on stdout.
//
// Usage: node saml-bridge.mjs <stsgate base URL> <input.json>
//   input.json: { "samlResponse": "<base64>", "relayState": "...", "role": "<role ARN>,<provider ARN>" }
import { readFileSync } from 'node:fs';
import { chooseRole, readCredentials, readPicker, withChromium } from './chromium.mjs';

const [baseUrl, inputFile] = process.argv.slice(2);
if (!baseUrl || !inputFile) {
  console.error('usage: node saml-bridge.mjs <stsgate base URL> <input.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(inputFile, 'utf8'));
const origin = new URL(baseUrl).origin;

await withChromium(async (context, page) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
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

  const picker = await readPicker(page);
  const csrfCookie = (await context.cookies(new URL('saml', page.url()).href)).find((cookie) => cookie.name === 'stsgate_saml_csrf');

  await chooseRole(page, input.role);

  // The copy buttons only appear when the nonce'd script ran under the CSP.
  const copyButtons = await page.locator('button.copy:visible').count();
  await page.locator('button.copy[data-copy="access-key-id"]').click();
  await page.getByRole('status').filter({ hasText: 'copied' }).waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());

  const result = {
    picker,
    csrfCookie: csrfCookie && { httpOnly: csrfCookie.httpOnly, sameSite: csrfCookie.sameSite, secure: csrfCookie.secure },
    ...await readCredentials(page),
    copyButtons,
    clipboard,
    cspViolations,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
});

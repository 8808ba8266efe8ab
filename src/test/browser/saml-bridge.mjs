// Signs in through stsgate's SAML browser bridge in headless Debian chromium, the way a person would:
// the IdP's auto-submitting form posts the SAMLResponse to <stsgate>/saml, the user clicks a role,
// and the credentials page is read. Prints one JSON object on stdout.
//
// Usage: node saml-bridge.mjs <stsgate base URL> <input.json>
//   input.json: { "samlResponse": "<base64>", "relayState": "...", "role": "<role ARN>,<provider ARN>" }
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chooseRole, readCredentials, readPicker, withChromium } from './chromium.mjs';

const [baseUrl, inputFile] = process.argv.slice(2);
if (!baseUrl || !inputFile) {
  console.error('usage: node saml-bridge.mjs <stsgate base URL> <input.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(inputFile, 'utf8'));
const origin = new URL(baseUrl).origin;
// Screenshots of each page go next to the input file (under target/), for people to look at.
const shots = dirname(inputFile);

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
  await page.screenshot({ path: join(shots, 'picker.png'), fullPage: true });
  const pickerFields = await page.locator('form').evaluate((form) => ({
    action: form.action,
    fields: Object.fromEntries([...form.querySelectorAll('input[type=hidden]')].map((i) => [i.name, i.value])),
  }));
  const csrfCookie = (await context.cookies(new URL('saml', page.url()).href)).find((cookie) => cookie.name === 'stsgate_saml_csrf');

  await chooseRole(page, input.role);

  // The copy buttons only appear when the nonce'd script ran under the CSP.
  const copyButtons = await page.locator('button.copy:visible').count();
  await page.locator('button.copy[data-copy="access-key-id"]').click();
  await page.getByRole('status').filter({ hasText: 'copied' }).waitFor();
  const copyButtonText = (await page.locator('button.copy[data-copy="access-key-id"]').textContent()).trim();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  await page.screenshot({ path: join(shots, 'credentials.png'), fullPage: true });
  const credentials = await readCredentials(page);

  // The same choice again, as a reload of the picker's post would send it: the sign-in is spent.
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(({ action, fields, role }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of Object.entries({ ...fields, role })) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
      document.body.appendChild(form);
      form.submit();
    }, { ...pickerFields, role: input.role }),
  ]);
  await page.screenshot({ path: join(shots, 'used.png'), fullPage: true });
  const used = {
    title: (await page.locator('h1').textContent()).trim(),
    signInAgain: await page.locator('#sign-in-again').getAttribute('href'),
  };

  const result = {
    picker,
    csrfCookie: csrfCookie && { httpOnly: csrfCookie.httpOnly, sameSite: csrfCookie.sameSite, secure: csrfCookie.secure },
    ...credentials,
    copyButtons,
    copyButtonText,
    clipboard,
    used,
    cspViolations,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
});

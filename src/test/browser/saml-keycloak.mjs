// Signs in at a real IdP (Keycloak's login form) in headless Debian chromium and comes back through
// stsgate's SAML browser bridge: Keycloak's auto-post page delivers the SAMLResponse (and RelayState)
// to <stsgate>/saml, the user picks a role, the credentials page is read. Prints one JSON object.
//
// Usage: node saml-keycloak.mjs <start URL> <input.json>
//   start URL: stsgate's /saml/sign-in (SP-initiated) or Keycloak's IdP-initiated SSO URL
//   input.json: { "username": "...", "password": "...", "role": "<role ARN>,<provider ARN>" }
import { readFileSync } from 'node:fs';
import { chooseRole, readCredentials, readPicker, withChromium } from './chromium.mjs';

const [startUrl, inputFile] = process.argv.slice(2);
if (!startUrl || !inputFile) {
  console.error('usage: node saml-keycloak.mjs <start URL> <input.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(inputFile, 'utf8'));

await withChromium(async (context, page) => {
  const visited = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).origin + new URL(frame.url()).pathname);
  });
  await page.goto(startUrl);

  // Keycloak's login page.
  await page.locator('#username').waitFor();
  const loginOrigin = new URL(page.url()).origin;
  await page.fill('#username', input.username);
  await page.fill('#password', input.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/saml')),
    page.locator('#kc-login').click(),
  ]);

  const picker = await readPicker(page);
  await chooseRole(page, input.role);
  const result = { loginOrigin, visited, picker, ...await readCredentials(page) };
  process.stdout.write(JSON.stringify(result) + '\n');
});

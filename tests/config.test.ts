import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, firmOrigin, loadConfig } from '../src/config.ts';

const test = suite('config');

test('defaults serve the embedded database on localhost:3000', () => {
  const config = loadConfig({});
  assert.is(config.port, 3000);
  assert.is(config.portalDomain, 'localhost');
  assert.is(config.databaseUrl, undefined);
  assert.is(config.dataDir, './data');
  assert.is(config.publicScheme, 'http');
  assert.is(config.cookieSecure, false);
  assert.is(firmOrigin(config, 'demo'), 'http://demo.localhost:3000');
});

for (const [variable, value, fragment] of [
  ['PORT', 'abc', 'whole number'],
  ['PORT', '70000', 'from 1 to 65535'],
  ['DATABASE_URL', 'mysql://x', 'postgres://'],
  ['DATABASE_URL', 'not a url', 'not a valid URL'],
  ['PUBLIC_SCHEME', 'ftp', 'one of http, https'],
  ['COOKIE_SECURE', 'maybe', 'true or false'],
  ['LOG_LEVEL', 'loud', 'one of'],
  ['PORTAL_DOMAIN', 'bad domain!', 'host name'],
  ['MAIL_FROM', 'nobody', 'email address'],
] as const) {
  test(`${variable}=${value} stops with a message naming the variable`, () => {
    try {
      loadConfig({ [variable]: value });
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, ConfigError);
      assert.is((error as ConfigError).variable, variable);
      assert.ok((error as Error).message.startsWith(`${variable}: `));
      assert.ok((error as Error).message.includes(fragment), (error as Error).message);
    }
  });
}

test('https in production makes cookies secure and drops the port from URLs', () => {
  const config = loadConfig({ PUBLIC_SCHEME: 'https', PORTAL_DOMAIN: 'portico.example', PORT: '8080' });
  assert.is(config.cookieSecure, true);
  assert.is(firmOrigin(config, 'acme'), 'https://acme.portico.example');
});

test.run();

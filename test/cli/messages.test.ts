/**
 * How the CLI words what it refuses and what the API refused: a server URL needs
 * its scheme, and several refused fields print one sentence each, never a path.
 */
import test from 'ava';
import { apiErrorText, serverUrl, urlMessages } from '../../cli/api.js';
import { CliError } from '../../cli/output.js';
import { ValidationError } from '../../sdk/errors.js';

test('a server URL keeps its http or https scheme; a bare local host:port is taken as http', (t) => {
  t.is(serverUrl('https://portal.example.com/'), 'https://portal.example.com');
  t.is(serverUrl('http://localhost:4000'), 'http://localhost:4000');
  t.is(serverUrl('localhost:4311'), 'http://localhost:4311');
  t.is(serverUrl('127.0.0.1:4311'), 'http://127.0.0.1:4311');
});

test('a server URL without its scheme, or with another one, is refused with an example', (t) => {
  for (const raw of ['portal.example.com', 'portal.example.com:443', 'ftp://portal.example.com', ''])
    t.throws(() => serverUrl(raw), { instanceOf: CliError, message: urlMessages.noScheme }, raw);
  t.is(
    urlMessages.noScheme,
    "Give the server's URL with its scheme, e.g. --url https://portal.example.com (or http://localhost:4000).",
  );
});

test("one refused field prints the API's sentence; several print one sentence each, no path", (t) => {
  const one = new ValidationError(400, {
    message: 'The amount must be more than zero.',
    params: [{ path: 'body.amount', code: 'too_small', message: 'The amount must be more than zero.' }],
  });
  t.is(apiErrorText(one), 'The amount must be more than zero.');
  const two = new ValidationError(400, {
    message: '2 fields need attention: First name, Email address. First name must not be empty.',
    params: [
      { path: 'body.first_name', code: 'too_short', message: 'First name must not be empty.' },
      { path: 'body.email', code: 'invalid_format', message: 'Enter an email address such as name@example.com.' },
    ],
  });
  t.is(
    apiErrorText(two),
    '2 things need attention:\n  - First name must not be empty.\n  - Enter an email address such as name@example.com.',
  );
});

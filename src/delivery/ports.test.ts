import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../errors.js';
import { ALLOWED_PORTS, checkDestination, isPortAllowed } from './ports.js';

describe('checkDestination', () => {
  it.each([
    ['http://hooks.example.com/x', 80],
    ['https://hooks.example.com/x', 443],
    ['http://hooks.example.com:80/x', 80],
    ['http://hooks.example.com:8080/x', 8080],
    ['https://hooks.example.com:443/x', 443],
    ['https://hooks.example.com:8443/x', 8443],
    ['http://hooks.example.com:443/x', 443],
    ['https://[::1]:8443/x', 8443],
  ])('accepts %s (port %i)', (url, port) => {
    expect(checkDestination(url)).toMatchObject({ port, portAllowed: true });
  });

  it.each([
    ['http://hooks.example.com:3000/x', 3000],
    ['https://hooks.example.com:8000/x', 8000],
    ['http://hooks.example.com:81/', 81],
    ['https://hooks.example.com:4443/', 4443],
  ])('refuses %s with ERR_PORT_NOT_ALLOWED', (url) => {
    expect(() => checkDestination(url)).toThrow(
      expect.objectContaining({ code: ErrorCodes.PORT_NOT_ALLOWED }),
    );
  });

  it('names the allowed ports and the option that lifts them (not the flag) in the refusal', () => {
    expect(() => checkDestination('http://h:3000/')).toThrow(/80, 8080, 443, 8443.*`allowAnyPort: true`/);
  });

  it('accepts any port with allowAnyPort, and still reports that it is not allowed', () => {
    expect(checkDestination('http://127.0.0.1:3000/', { allowAnyPort: true })).toMatchObject({
      port: 3000,
      portAllowed: false,
    });
  });

  it.each(['file:///etc/passwd', 'ftp://h/x', 'javascript:alert(1)', 'ws://h/x', 'not a url', '', 'http://'])(
    'refuses %j with ERR_INVALID_URL',
    (url) => {
      expect(() => checkDestination(url, { allowAnyPort: true })).toThrow(
        expect.objectContaining({ code: ErrorCodes.INVALID_URL }),
      );
    },
  );

  it('never shows the password of a refused URL', () => {
    let message = '';
    try {
      checkDestination('http://user:hunter2-secret@h:3000/');
    } catch (error) {
      message = (error as Error).message;
    }
    try {
      checkDestination('ftp://user:hunter2-secret@h/');
    } catch (error) {
      message += (error as Error).message;
    }
    expect(message).not.toContain('hunter2-secret');
    expect(message).not.toBe('');
  });
});

describe('isPortAllowed', () => {
  it('is true exactly for the four Console ports and the scheme defaults', () => {
    expect(ALLOWED_PORTS).toEqual([80, 8080, 443, 8443]);
    expect(isPortAllowed('https://h/')).toBe(true);
    expect(isPortAllowed('http://h/')).toBe(true);
    expect(isPortAllowed('http://h:8081/')).toBe(false);
  });
});

import { HostAllowlist, isIpLiteral, isLoopbackHost } from '../../../src/bot/attachments/host-rules.js';

const host = (url: string) => new URL(url).hostname;

describe('HostAllowlist', () => {
  const teams = new HostAllowlist([
    'smba.trafficmanager.net',
    '.botframework.com',
    '.Teams.Microsoft.com',
    '127.0.0.1',
    '[::1]',
  ]);

  it('matches exact hosts and dot-boundary suffixes, case-insensitively', () => {
    for (const url of [
      'https://smba.trafficmanager.net/amer/v3/attachments/1',
      'https://SMBA.TrafficManager.NET/x',
      'https://europe.botframework.com/x',
      'https://a.b.botframework.com/x',
      'https://x.teams.microsoft.com/x',
      'http://127.0.0.1:3978/x',
      'http://[::1]:3978/x',
    ]) {
      expect([url, teams.has(host(url))]).toEqual([url, true]);
    }
  });

  it('refuses look-alikes, the bare suffix, other hosts and userinfo tricks', () => {
    for (const url of [
      'https://evilbotframework.com/x',
      'https://botframework.com/x',
      'https://botframework.com.evil.example/x',
      'https://other.trafficmanager.net/x',
      'https://smba.trafficmanager.net.evil.example/x',
      'https://smba.trafficmanager.net@evil.example/x',
      'http://127.0.0.2/x',
      'http://localhost/x',
    ]) {
      expect([url, teams.has(host(url))]).toEqual([url, false]);
    }
    expect(teams.has('')).toBe(false);
  });

  it('never matches an IP address with a suffix entry', () => {
    expect(new HostAllowlist(['.0.0.1']).has('127.0.0.1')).toBe(false);
  });

  it('refuses entries that are not hosts, so a configuration mistake fails at start-up', () => {
    for (const entry of [
      '',
      '.',
      '*.botframework.com',
      'https://x.com',
      'x.com/path',
      '.net',
      'a b',
      'x.com.',
    ]) {
      expect(() => new HostAllowlist([entry])).toThrow(RangeError);
    }
  });
});

describe('isLoopbackHost and isIpLiteral', () => {
  it('recognises loopback in the forms the URL parser canonicalises to', () => {
    for (const url of [
      'http://localhost/',
      'http://127.0.0.1/',
      'http://127.1.2.3/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[0:0:0:0:0:0:0:1]/',
    ]) {
      expect([url, isLoopbackHost(host(url))]).toEqual([url, true]);
    }
    for (const url of [
      'http://128.0.0.1/',
      'http://0.0.0.0/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost.evil/',
    ]) {
      expect([url, isLoopbackHost(host(url))]).toEqual([url, false]);
    }
  });

  it('tells addresses from names', () => {
    expect(isIpLiteral(host('https://169.254.169.254/'))).toBe(true);
    expect(isIpLiteral(host('https://[fd00::1]/'))).toBe(true);
    expect(isIpLiteral(host('https://smba.trafficmanager.net/'))).toBe(false);
  });
});

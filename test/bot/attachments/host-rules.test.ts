import {
  HostAllowlist,
  isIpLiteral,
  isLoopbackHost,
  tokenHostEntryProblem,
} from '../../../src/bot/attachments/host-rules.js';
import { DEFAULT_BOT_TOKEN_HOSTS } from '../../../src/config-variables.js';

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

describe('token host entries and the Public Suffix List', () => {
  it('refuses an entry that is a public suffix, or a suffix directly under a private-section one', () => {
    const refused = {
      '.trafficmanager.net': /is a public suffix/,
      'trafficmanager.net': /is a public suffix/,
      '.azurewebsites.net': /is a public suffix/,
      '.blob.core.windows.net': /is a public suffix/,
      '.net': /is a public suffix/,
      com: /is a public suffix/,
      '.co.uk': /is a public suffix/,
      '.localhost': /is a public suffix/,
      '.x.trafficmanager.net': /sits directly under the public suffix trafficmanager\.net/,
      '.contoso.azurewebsites.net': /sits directly under the public suffix azurewebsites\.net/,
      '.Evil.TrafficManager.NET': /sits directly under/,
    };
    for (const [entry, reason] of Object.entries(refused)) {
      const problem = tokenHostEntryProblem(entry);
      expect([entry, problem]).toEqual([entry, expect.stringMatching(reason)]);
      expect(problem).toContain(JSON.stringify(entry));
      expect(() => new HostAllowlist([entry])).toThrow(RangeError);
    }
  });

  it('allows exact service hosts, suffixes of domains their owner controls, addresses and localhost', () => {
    for (const entry of [
      'smba.trafficmanager.net',
      'smba.onyx.prod.teams.trafficmanager.net',
      '.botframework.com',
      '.asm.skype.com',
      '.skype.com',
      '.teams.microsoft.us',
      'localhost',
      '127.0.0.1',
      '[::1]',
      '::1',
    ]) {
      expect([entry, tokenHostEntryProblem(entry)]).toEqual([entry, undefined]);
    }
  });

  it('the default list passes its own rule and holds the per-cloud hosts, not a registrable suffix', () => {
    const entries = DEFAULT_BOT_TOKEN_HOSTS.split(',');
    expect(entries.map(tokenHostEntryProblem)).toEqual(entries.map(() => undefined));
    const defaults = new HostAllowlist(entries);
    for (const url of [
      'https://smba.trafficmanager.net/amer/v3/attachments/1/views/original',
      'https://smba.infra.gcc.teams.microsoft.com/v3/attachments/1',
      'https://smba.infra.gov.teams.microsoft.us/v3/attachments/1',
      'https://smba.infra.dod.teams.microsoft.us/v3/attachments/1',
      'https://frontend.botapi.msg.infra.teams.microsoftonline.cn/v3/attachments/1',
      'https://us-api.asm.skype.com/v1/objects/0-eus-d1-abc/views/imgo',
      'https://europe.botframework.com/v3/attachments/1',
    ]) {
      expect([url, defaults.has(host(url))]).toEqual([url, true]);
    }
    for (const url of [
      'https://attacker.trafficmanager.net/v3/attachments/1',
      'https://x.azurewebsites.net/a',
      'https://attacker.teams.microsoft.us/a',
      'https://login.skype.com/a',
      'https://127.0.0.1/a',
    ]) {
      expect([url, defaults.has(host(url))]).toEqual([url, false]);
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

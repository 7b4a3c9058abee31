import { addressProblem, classifyAddress } from '../../../src/bot/attachments/address-rules.js';

describe('classifyAddress', () => {
  it('names the inside ranges, in IPv4 and IPv6', () => {
    const cases: Record<string, string> = {
      '127.0.0.1': 'loopback',
      '127.255.1.2': 'loopback',
      '::1': 'loopback',
      '0:0:0:0:0:0:0:1': 'loopback',
      '10.0.0.1': 'private',
      '172.16.0.1': 'private',
      '172.31.255.254': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'link-local',
      'fe80::1': 'link-local',
      'fe80::1%eth0': 'link-local',
      '100.64.0.1': 'cgnat',
      '100.127.255.254': 'cgnat',
      'fd00::1': 'unique-local',
      'fc00::1': 'unique-local',
      '0.0.0.0': 'reserved',
      '255.255.255.255': 'reserved',
      '224.0.0.1': 'reserved',
      '192.0.2.1': 'reserved',
      '198.18.0.1': 'reserved',
      '::': 'reserved',
      'ff02::1': 'reserved',
      '2001:db8::1': 'reserved',
      'not an address': 'reserved',
      '': 'reserved',
    };
    for (const [address, kind] of Object.entries(cases)) {
      expect([address, classifyAddress(address)]).toEqual([address, kind]);
    }
  });

  it('lets no spelling of an IPv4 address inside IPv6 through, loopback and metadata included', () => {
    for (const address of [
      '::ffff:127.0.0.1', // IPv4-mapped, dotted
      '::ffff:7f00:1', // IPv4-mapped, hex
      '0:0:0:0:0:ffff:7f00:1',
      '::FFFF:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '::ffff:10.0.0.1',
      '::127.0.0.1', // IPv4-compatible (deprecated)
      '64:ff9b::7f00:1', // NAT64
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      '2002:a9fe:a9fe::1', // 6to4 of 169.254.169.254
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    ]) {
      expect([address, classifyAddress(address)]).toEqual([address, 'reserved']);
      expect([address, addressProblem(address, true)]).toEqual([address, expect.any(String)]);
    }
  });

  it('passes public unicast addresses', () => {
    for (const address of [
      '13.107.42.14',
      '52.112.0.1',
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '2603:1000::1',
    ]) {
      expect([address, classifyAddress(address)]).toEqual([address, 'public']);
    }
  });
});

describe('addressProblem', () => {
  it('allows loopback only in local mode, and never another inside range', () => {
    expect(addressProblem('127.0.0.1', true)).toBeUndefined();
    expect(addressProblem('::1', true)).toBeUndefined();
    expect(addressProblem('127.0.0.1', false)).toBe('loopback address 127.0.0.1');
    expect(addressProblem('::1', false)).toBe('loopback address ::1');
    expect(addressProblem('10.0.0.1', true)).toBe('private address 10.0.0.1');
    expect(addressProblem('169.254.169.254', true)).toBe('link-local address 169.254.169.254');
    expect(addressProblem('52.112.0.1', false)).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import {
  containerResourceNameErrors,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isIP,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
  nonSpecialIPErrors,
  parseQuantity,
} from './names.ts';

const SUBDOMAIN = String.raw`a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const KEY_NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('dns names', () => {
  test('subdomains', () => {
    expect(isDNS1123Subdomain('web.example')).toEqual([]);
    expect(isDNS1123Subdomain('Bad_Name')).toEqual([SUBDOMAIN]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });

  test('labels, with the dots case worded on its own', () => {
    expect(isDNS1123Label('web-1')).toEqual([]);
    expect(isDNS1123Label('web.1')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('-web')).toEqual([LABEL]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  test('DNS-1035 labels for service names', () => {
    expect(isDNS1035Label('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  test('generateName may end in a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN]);
  });
});

describe('label keys and values', () => {
  test('qualified names check prefix and name', () => {
    expect(isQualifiedName('example.com/app')).toEqual([]);
    expect(isQualifiedName('app!')).toEqual([KEY_NAME]);
    expect(isQualifiedName('/app')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/app')).toEqual([`prefix part ${SUBDOMAIN}`]);
    expect(isQualifiedName('a/b/c')).toEqual([
      "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 bytes']);
  });

  test('values', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('web server')).toEqual([VALUE]);
    expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 bytes']);
  });
});

describe('ports, percents, env names, IPs and quantities', () => {
  test('port numbers and names', () => {
    expect(isValidPortNum(70000)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortName('HTTP--x-')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
  });

  test('percents and environment variable names', () => {
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    expect(isEnvVarName('A=B')).toEqual([
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
    expect(isEnvVarName('1.weird-but fine')).toEqual([]);
  });

  test('IPs and special ranges', () => {
    expect(isIP('10.0.0.1')).toBe(true);
    expect(isIP('2001:db8::1')).toBe(true);
    expect(isIP('10.0.0.300')).toBe(false);
    expect(nonSpecialIPErrors('127.0.0.1')).toEqual(['may not be in the loopback range (127.0.0.0/8, ::1/128)']);
    expect(nonSpecialIPErrors('0.0.0.0')).toEqual(['may not be unspecified (0.0.0.0)']);
  });

  test('quantities and container resource names', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('1Gi')).toBe(1024 ** 3);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('abc')).toBeNull();
    expect(containerResourceNameErrors('cpu')).toEqual([]);
    expect(containerResourceNameErrors('gpu')).toEqual([
      'must be a standard resource type or fully qualified',
      'must be a standard resource for containers',
    ]);
    expect(containerResourceNameErrors('nvidia.com/gpu')).toEqual([]);
  });
});

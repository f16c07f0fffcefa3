// the string formats the api validates (k8s.io/apimachinery/pkg/util/validation and
// pkg/api/validate/content). each check returns upstream's messages; an empty list means valid.
// lengths are go byte lengths. the older util/validation checks (dns names) say "characters",
// the newer content checks (label keys and values) say "bytes", as upstream does.

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const PERCENT_FMT = '[0-9]+%';

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const LABEL_KEY_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const whole = (fmt: string) => new RegExp(`^(?:${fmt})$`);
const dns1123Label = whole(DNS1123_LABEL_FMT);
const dns1123Subdomain = whole(DNS1123_SUBDOMAIN_FMT);
const dns1035Label = whole(DNS1035_LABEL_FMT);
const labelKey = whole(LABEL_KEY_FMT);
const labelValue = whole(LABEL_VALUE_FMT);
const percent = whole(PERCENT_FMT);

/** go's len(): utf-8 bytes */
export function byteLength(s: string): number {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
  if (ascii) return s.length;
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** `<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')`: the double space is upstream's */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('')}regex used for validation is '${fmt}')`;
}

export const maxLenError = (length: number): string => `must be no more than ${length} characters`;
export const maxBytesError = (length: number): string => `must be no more than ${length} bytes`;
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;
export const EMPTY_ERROR = 'must be non-empty';
export const IS_NEGATIVE_ERROR = 'must be greater than or equal to 0';

/** wraps a format check so that a value once found valid is not checked again: names and labels repeat a lot */
function rememberValid<R extends unknown[]>(
  check: (value: string, ...rest: R) => string[],
): (value: string, ...rest: R) => string[] {
  const valid = new Set<string>();
  return (value, ...rest) => {
    if (valid.has(value)) return [];
    const errs = check(value, ...rest);
    if (errs.length === 0 && valid.size < 50_000) valid.add(value);
    return errs;
  };
}

function isDNS1123LabelCheck(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!dns1123Label.test(value)) {
    // a valid subdomain that is not a label can only be failing on its dots
    errs.push(
      dns1123Subdomain.test(value)
        ? 'must not contain dots'
        : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'),
    );
  }
  return errs;
}
export const isDNS1123Label = rememberValid(isDNS1123LabelCheck);

function isDNS1123SubdomainCheck(value: string, unit: 'characters' | 'bytes' = 'characters'): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(unit === 'bytes' ? maxBytesError(253) : maxLenError(253));
  if (!dns1123Subdomain.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}
export const isDNS1123Subdomain = rememberValid(isDNS1123SubdomainCheck);

function isDNS1035LabelCheck(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!dns1035Label.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}
export const isDNS1035Label = rememberValid(isDNS1035LabelCheck);

/** a label key, annotation key or other "qualified name": `[prefix/]name` */
function isQualifiedNameCheck(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else errs.push(...isDNS1123Subdomain(prefix, 'bytes').map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (byteLength(name) > 63) errs.push(`name part ${maxBytesError(63)}`);
  if (!labelKey.test(name)) errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}
export const isQualifiedName = rememberValid(isQualifiedNameCheck);

function isValidLabelValueCheck(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxBytesError(63));
  if (!labelValue.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}
export const isValidLabelValue = rememberValid(isValidLabelValueCheck);

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** hasChDirPrefix: a key or name that would walk out of a directory */
function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** apimachinery IsEnvVarName, the strict form kubectl still checks `set env` keys with */
export function isStrictEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  return [...errs, ...chDirPrefixErrors(value)];
}

/** apimachinery IsConfigMapKey: the keys of a ConfigMap's (or a Secret's) data */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        '[-._a-zA-Z0-9]+',
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  return [...errs, ...chDirPrefixErrors(value)];
}

/** apimachinery IsRelaxedEnvVarName: what the apiserver checks env names with (RelaxedEnvironmentVariableValidation) */
export function isEnvVarName(value: string): string[] {
  if (value.length === 0) return [`environment variable name ${EMPTY_ERROR}`];
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c > 0x7e || ch === '=') {
      return ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
    }
  }
  return [];
}

export function isValidPercent(value: string): string[] {
  return percent.test(value)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

/** netutils.ParseIPSloppy: dotted quads (leading zeros allowed) or IPv6 */
export function isIP(value: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value.split('.').every((o) => Number(o) <= 255);
  if (!value.includes(':') || /[^0-9a-fA-F:.]/.test(value)) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

export const IP_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** ValidateNonSpecialIP: endpoints and external IPs may not be unspecified, loopback or link-local */
export function nonSpecialIPErrors(ip: string): string[] {
  if (!isIP(ip)) return ['must be a valid IP address'];
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip)?.slice(1).map(Number);
  const v6 = ip.toLowerCase();
  const errs: string[] = [];
  if (v4 ? v4.every((o) => o === 0) : /^[0:]+$/.test(v6)) errs.push(`may not be unspecified (${ip})`);
  if (v4 ? v4[0] === 127 : /^[0:]+1$/.test(v6)) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (v4 ? v4[0] === 169 && v4[1] === 254 : /^fe[89ab]/.test(v6)) {
    errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  }
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : v6.startsWith('ff02:')) {
    errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  }
  return errs;
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const SCALE: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
for (const [i, s] of ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'].entries()) SCALE[s] = 1024 ** (i + 1);

/** a resource.Quantity's numeric value, or null when it does not parse */
export function parseQuantity(text: string): number | null {
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const [, num, suffix = ''] = m;
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
  const scale = exp ? 10 ** Number(exp[1]) : SCALE[suffix];
  return scale === undefined || Number.isNaN(Number(num)) ? null : Number(num) * scale;
}

// helper.IsStandardResourceName (hugepages-* aside) and IsStandardContainerResourceName
const STANDARD_RESOURCES = new Set(
  'cpu memory ephemeral-storage storage pods services replicationcontrollers resourcequotas secrets configmaps'.split(' '),
);
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** validateContainerResourceName: a container's limits and requests keys */
export function containerResourceNameErrors(name: string): string[] {
  const errs = isQualifiedName(name);
  const plain = !name.includes('/') && !name.startsWith('hugepages-');
  if (errs.length === 0 && plain && !STANDARD_RESOURCES.has(name) && name !== 'persistentvolumeclaims') {
    errs.push('must be a standard resource type or fully qualified');
  }
  if (plain && !CONTAINER_RESOURCES.has(name)) errs.push('must be a standard resource for containers');
  return errs;
}

/** how each kind's names are checked; `prefix` is true for generateName */
export type NameValidator = (name: string, prefix: boolean) => string[];

// generateName may end in a dash; upstream swaps the last two characters for an `a`
const maskTrailingDash = (name: string, prefix: boolean) => (prefix && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(maskTrailingDash(name, prefix));
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(maskTrailingDash(name, prefix));
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(maskTrailingDash(name, prefix));

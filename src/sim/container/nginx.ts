// `nginx` started beside a container's own nginx (kubectl exec web -- nginx -v): its options as
// ngx_get_options reads them, the version of the image's tag, its help, and `-t` for the image's
// own configuration, which is known to pass. parsing a configuration the learner changed,
// signalling the master (-s), the build options (-V), the dump (-T) and a second server are not
// simulated, and say so.
import { nginxVersionFor } from '../images/http.ts';
import type { ShellCommand } from '../shell/command.ts';
import type { InContainer } from './commands.ts';

/** the paths the official image's nginx was configured with (--prefix, --error-log-path, --conf-path) */
const PREFIX = '/etc/nginx/';
const ERROR_LOG = '/var/log/nginx/error.log';
const CONF = '/etc/nginx/nginx.conf';

function usage(): string {
  return [
    'Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]',
    '             [-e filename] [-c filename] [-g directives]',
    '',
    'Options:',
    '  -?,-h         : this help',
    '  -v            : show version and exit',
    '  -V            : show version and configure options then exit',
    '  -t            : test configuration and exit',
    '  -T            : test configuration, dump it and exit',
    '  -q            : suppress non-error messages during configuration testing',
    '  -s signal     : send signal to a master process: stop, quit, reopen, reload',
    `  -p prefix     : set prefix path (default: ${PREFIX})`,
    `  -e filename   : set error log file (default: ${ERROR_LOG})`,
    `  -c filename   : set configuration file (default: ${CONF})`,
    '  -g directives : set global directives out of configuration file',
    '',
    '',
  ].join('\n');
}

interface Options {
  version: boolean;
  help: boolean;
  configure: boolean;
  test: boolean;
  dump: boolean;
  quiet: boolean;
  signal: string | null;
  /** -p, -e, -c or -g: a configuration other than the image's */
  elsewhere: string[];
}

/** ngx_get_options: each word is `-` and letters; -p -e -c -g -s take the rest of the word or the next one */
function readOptions(args: readonly string[]): Options | string {
  const options: Options = {
    version: false,
    help: false,
    configure: false,
    test: false,
    dump: false,
    quiet: false,
    signal: null,
    elsewhere: [],
  };
  const needs: Record<string, string> = { p: 'directory name', e: 'file name', c: 'file name', g: 'parameter', s: 'parameter' };
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (!word.startsWith('-')) return `invalid option: "${word}"`;
    for (let j = 1; j < word.length; j++) {
      const letter = word[j]!;
      if (letter === '?' || letter === 'h') options.version = options.help = true;
      else if (letter === 'v') options.version = true;
      else if (letter === 'V') options.version = options.configure = true;
      else if (letter === 't') options.test = true;
      else if (letter === 'T') options.test = options.dump = true;
      else if (letter === 'q') options.quiet = true;
      else if (letter in needs) {
        const rest = word.slice(j + 1);
        const value = rest || args[++i];
        if (value === undefined) return `option "-${letter}" requires ${needs[letter]}`;
        if (letter === 's') {
          if (!['stop', 'quit', 'reopen', 'reload'].includes(value)) return `invalid option: "-s ${value}"`;
          options.signal = value;
        } else {
          options.elsewhere.push(`-${letter}`);
        }
        break;
      } else {
        return `invalid option: "${letter}"`;
      }
    }
  }
  return options;
}

/** the image's nginx configuration, untouched: every file it shipped as it was, and nothing added to conf.d */
function configurationUnchanged(inside: InContainer): boolean {
  const { fs, profile } = inside.instance;
  const shipped = Object.entries(profile.files).filter(([path]) => path.startsWith(PREFIX));
  if (shipped.some(([path, content]) => fs.readFile(path) !== content)) return false;
  const confD = fs.list(`${PREFIX}conf.d`);
  const shippedConfD = shipped.map(([path]) => path).filter((path) => path.startsWith(`${PREFIX}conf.d/`));
  return Array.isArray(confD) && confD.length === shippedConfD.length;
}

export function nginxCommand(inside: InContainer): ShellCommand {
  return {
    name: 'nginx',
    summary: 'nginx: its version, help and configuration test',
    run({ args, out }) {
      const options = readOptions(args);
      if (typeof options === 'string') {
        out.stderr(`nginx: ${options}\n`);
        return 1;
      }
      const notSimulated = (what: string) => {
        out.stderr(`kubesim: ${what} inside a container is not simulated yet\n`);
        return 1;
      };
      if (options.configure) return notSimulated("nginx -V (the image's build options)");
      if (options.version) {
        out.stderr(`nginx version: nginx/${nginxVersionFor(inside.instance.image.reference)}\n`);
        if (options.help) out.stderr(usage());
        if (!options.test) return 0;
      }
      if (options.signal) return notSimulated(`nginx -s ${options.signal} (signalling the running nginx)`);
      if (!options.test) return notSimulated('starting a second nginx');
      if (options.dump) return notSimulated('nginx -T (the configuration dump)');
      if (options.elsewhere.length > 0) return notSimulated(`nginx -t with ${options.elsewhere.join(' ')}`);
      if (!configurationUnchanged(inside)) return notSimulated('nginx -t on a changed configuration');
      if (!options.quiet) {
        out.stderr(`nginx: the configuration file ${CONF} syntax is ok\n`);
        out.stderr(`nginx: configuration file ${CONF} test is successful\n`);
      }
      return 0;
    },
  };
}

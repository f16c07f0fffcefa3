// kind's nodes are docker containers on the learner's machine, so `docker exec -it kind-worker
// bash` opens a root shell on a node — the place to look at what kube-proxy programmed
// (`iptables-save`, `ipvsadm -Ln`) and to curl from a node's own network namespace.

import type { Cluster } from '../cluster.ts';
import type { Node } from '../api/types.ts';
import type { NestedShell, Output, ShellCommand } from '../shell/command.ts';
import { Shell } from '../shell/shell.ts';
import { VirtualFs } from '../shell/vfs.ts';
import { cat } from '../shell/commands/cat.ts';
import { clear } from '../shell/commands/basics.ts';
import { echo } from '../shell/commands/echo.ts';
import { grep } from '../shell/commands/grep.ts';
import { head } from '../shell/commands/head.ts';
import { history } from '../shell/commands/history.ts';
import { sort } from '../shell/commands/sort.ts';
import { tail } from '../shell/commands/tail.ts';
import { wc } from '../shell/commands/wc.ts';
import { sha256 } from './chain-names.ts';
import { curlCommand } from './curl.ts';
import { outsideResolver } from './outside.ts';
import { ipvsadmList, iptablesSave } from './rules-view.ts';
import { networkConnection } from './transport.ts';
import { KUBERNETES_VERSION } from '../version.ts';

function nodeCommands(cluster: Cluster, node: string, shell: () => Shell | null): ShellCommand[] {
  const source = { kind: 'node' as const, node };
  return [
    cat,
    clear,
    echo,
    grep,
    head,
    history,
    sort,
    tail,
    wc,
    { name: 'hostname', summary: 'print the node name', run: ({ out }) => (out.stdout(`${node}\n`), 0) },
    {
      name: 'exit',
      summary: 'leave the node shell',
      run({ args, out }) {
        const s = shell();
        const status =
          args[0] !== undefined && /^-?\d+$/.test(args[0]) ? ((Number(args[0]) % 256) + 256) % 256 : (s?.lastStatus ?? 0);
        out.stderr('exit\n');
        if (s) s.exitStatus = status;
        return status;
      },
    },
    {
      name: 'iptables-save',
      summary: "print this node's iptables rules",
      run({ args, out }) {
        const text = iptablesSave(cluster, node);
        if (args.length === 0) return (out.stdout(text), 0);
        const t = args[0] === '-t' ? args[1] : undefined;
        if (t !== 'nat' && t !== 'filter') {
          out.stderr(
            `kubesim: 'iptables-save ${args.join(' ')}' is not simulated; try iptables-save, iptables-save -t nat or -t filter\n`,
          );
          return 1;
        }
        const start = text.indexOf(`*${t}\n`);
        const from = text.lastIndexOf('# Generated', start);
        const end = text.indexOf('# Completed', start);
        out.stdout(text.slice(from, text.indexOf('\n', end) + 1));
        return 0;
      },
    },
    {
      name: 'ipvsadm',
      summary: "list this node's IPVS virtual servers",
      run({ args, out }) {
        const flags = args.join('').replace(/-/g, '');
        if (!['Ln', 'nL', 'ln', 'nl'].includes(flags)) {
          out.stderr(`kubesim: 'ipvsadm ${args.join(' ')}' is not simulated; try ipvsadm -Ln\n`);
          return 1;
        }
        out.stdout(ipvsadmList(cluster, node));
        return 0;
      },
    },
    {
      name: 'iptables',
      summary: 'iptables (use iptables-save to list rules)',
      run({ args, out }) {
        out.stderr(`kubesim: 'iptables ${args.join(' ')}' is not simulated; iptables-save prints every rule\n`);
        return 1;
      },
    },
    curlCommand(() => ({
      userAgent: 'curl/8.14.1',
      connect: (host, port) => networkConnection(cluster, source, outsideResolver, host, port),
    })),
  ];
}

function nodeShell(cluster: Cluster, node: string, clock: Shell['clock']): Shell {
  let shell: Shell | null = null;
  const fs = new VirtualFs();
  fs.cwd = '/';
  shell = new Shell({
    clock,
    seed: 1,
    fs,
    commands: nodeCommands(cluster, node, () => shell),
    world: null,
    vars: [
      ['HOME', '/root'],
      ['HOSTNAME', node],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['PWD', '/'],
    ],
  });
  return shell;
}

const CONTAINER_HEADER =
  'CONTAINER ID   IMAGE                  COMMAND                  CREATED          STATUS          PORTS                       NAMES';

/** `docker` on the learner's machine, as far as kind's node containers go */
export function dockerCommand(cluster: Cluster): ShellCommand {
  // a container id is the hex of a sha256 (docker ps shows 12 digits): here of the node's name, so it stays put
  const idOf = (name: string) => [...sha256(name).slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    name: 'docker',
    summary: "kind's node containers: docker ps, docker exec -it NODE bash",
    async run({ args, out, clock, interrupt, host }) {
      const nodes = cluster.api.list<Node>('Node');
      if (args[0] === 'ps') {
        const rows = nodes.map((n) => {
          const control = n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
          const ports = control ? '127.0.0.1:41235->6443/tcp' : '';
          return `${idOf(n.metadata.name!)}   kindest/node:${KUBERNETES_VERSION}   "/usr/local/bin/entr…"   5 minutes ago    Up 5 minutes    ${ports.padEnd(28)}${n.metadata.name}`;
        });
        out.stdout([CONTAINER_HEADER, ...rows.reverse()].join('\n') + '\n');
        return 0;
      }
      if (args[0] !== 'exec') {
        out.stderr(
          `kubesim: 'docker ${args.join(' ')}' is not simulated; here docker only lists (docker ps) and enters (docker exec -it NODE bash) kind's node containers\n`,
        );
        return 1;
      }
      let i = 1;
      let tty = false;
      while (i < args.length && args[i]!.startsWith('-')) {
        if (/^-[it]+$/.test(args[i]!)) tty ||= args[i]!.includes('t');
        i++;
      }
      const name = args[i];
      const argv = args.slice(i + 1);
      if (!name || argv.length === 0) {
        out.stderr(
          `"docker exec" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`,
        );
        return 1;
      }
      if (!nodes.some((n) => n.metadata.name === name)) {
        out.stderr(`Error response from daemon: No such container: ${name}\n`);
        return 1;
      }
      const shell = nodeShell(cluster, name, clock);
      if (argv[0] === 'bash' || argv[0] === 'sh' || argv[0] === '/bin/bash' || argv[0] === '/bin/sh') {
        if (argv[1] === '-c' && argv[2] !== undefined) return shell.run(argv[2], out, interrupt);
        if (!host.openShell) return 0;
        const nested: NestedShell = {
          shell,
          prompt: (continuation) => (tty ? (continuation ? '> ' : `root@${name}:${shell.fs.cwd}# `) : ''),
          eof(o: Output) {
            if (tty) o.stderr('exit\n');
          },
        };
        return host.openShell(nested);
      }
      if (!shell.commands.has(argv[0]!)) {
        out.stderr(
          `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`,
        );
        return 127;
      }
      return shell.invoke(argv, '', out, interrupt);
    },
  };
}

// what the inside of each simulated image looks like to a shell: its user and working
// directory, the ENV of its image config, which shells it has and whose tools (busybox applets
// or GNU coreutils), its top-level directories and the files the course looks at. only files
// whose exact content is known are here: a file that is missing is better than a wrong one.
import type { ImageInfo } from '../images/catalogue.ts';
import { NGINX_VERSION, NGINX_WELCOME, nginxVersionFor } from '../images/http.ts';
import type { ShellDialect } from '../shell/shell.ts';

export type Userland = 'busybox' | 'gnu';

export interface ImageUser {
  name: string;
  uid: number;
  group: string;
  gid: number;
  home: string;
  /** `id`'s groups= list */
  groups: string;
}

export interface ImageProfile {
  userland: Userland;
  user: ImageUser;
  workdir: string;
  /** ENV of the image config, in order */
  env: [string, string][];
  /** `sh` and, where it exists, `bash`: the path and whose shell it is */
  shells: { sh?: { path: string; dialect: ShellDialect }; bash?: { path: string } };
  /** where PATH lookups find the tools (bash puts the full path in `$_`) */
  binDir: string;
  /** directories that exist besides those the files imply */
  dirs: string[];
  files: Record<string, string>;
  /** the main process's name in `ps` when it renames itself (nginx: master process …) */
  processTitle?: (args: string) => { title: string; workers?: { user: string; title: string; count: number } };
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const ROOT: ImageUser = { name: 'root', uid: 0, group: 'root', gid: 0, home: '/root', groups: '0(root)' };

const DEBIAN_DIRS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/local',
  '/usr/local/bin',
  '/usr/share',
  '/var',
  '/var/log',
];

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** the image's conf.d/default.conf after its entrypoint's 10-listen-on-ipv6-by-default.sh ran */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

/** nginx renames its processes: the master keeps its command line, workers run as the nginx user */
function nginxTitles(args: string): ReturnType<NonNullable<ImageProfile['processTitle']>> {
  const words = args.split(' ');
  const nginxAt = words.findIndex((w) => w === 'nginx' || w.endsWith('/nginx'));
  if (nginxAt < 0) return { title: args };
  return {
    title: `nginx: master process ${words.slice(nginxAt).join(' ')}`,
    workers: { user: 'nginx', title: 'nginx: worker process', count: 2 },
  };
}

const NGINX: ImageProfile = {
  userland: 'gnu',
  user: ROOT,
  workdir: '/',
  env: [
    ['PATH', DEFAULT_PATH],
    ['NGINX_VERSION', NGINX_VERSION],
    ['NJS_VERSION', '0.9.4'],
    ['NJS_RELEASE', '1~trixie'],
    ['PKG_RELEASE', '1~trixie'],
    ['DYNPKG_RELEASE', '1~trixie'],
  ],
  shells: { sh: { path: '/bin/sh', dialect: 'dash' }, bash: { path: '/bin/bash' } },
  binDir: '/usr/bin',
  dirs: [...DEBIAN_DIRS, '/etc/nginx/conf.d', '/var/log/nginx', '/var/cache/nginx'],
  files: {
    '/usr/share/nginx/html/index.html': NGINX_WELCOME,
    '/usr/share/nginx/html/50x.html': NGINX_50X,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/etc/nginx/nginx.conf': NGINX_CONF,
  },
  processTitle: nginxTitles,
};

const BUSYBOX: ImageProfile = {
  userland: 'busybox',
  user: { ...ROOT, groups: '0(root),10(wheel)' },
  workdir: '/',
  env: [['PATH', DEFAULT_PATH]],
  shells: { sh: { path: '/bin/sh', dialect: 'ash' } },
  binDir: '/bin',
  dirs: ['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/sbin', '/var'],
  files: {},
};

const CURL: ImageProfile = {
  userland: 'busybox',
  user: { name: 'curl_user', uid: 100, group: 'curl_group', gid: 101, home: '/home/curl_user', groups: '101(curl_group)' },
  workdir: '/home/curl_user',
  env: [
    ['PATH', DEFAULT_PATH],
    ['CURL_CA_BUNDLE', '/cacert.pem'],
  ],
  shells: { sh: { path: '/bin/sh', dialect: 'ash' } },
  binDir: '/usr/bin',
  dirs: [
    '/bin',
    '/dev',
    '/etc',
    '/home/curl_user',
    '/lib',
    '/media',
    '/mnt',
    '/opt',
    '/proc',
    '/root',
    '/run',
    '/sbin',
    '/srv',
    '/sys',
    '/tmp',
    '/usr',
    '/var',
  ],
  files: {},
};

/** the course's own images: an nginx that echoes its hostname, and an Ubuntu toolbox with curl */
const DEBIAN_LIKE: ImageProfile = {
  userland: 'gnu',
  user: ROOT,
  workdir: '/',
  env: [['PATH', DEFAULT_PATH]],
  shells: { sh: { path: '/bin/sh', dialect: 'dash' }, bash: { path: '/bin/bash' } },
  binDir: '/usr/bin',
  dirs: DEBIAN_DIRS,
  files: {},
};

const ECHO_HOSTNAME: ImageProfile = { ...DEBIAN_LIKE, dirs: [...DEBIAN_DIRS, '/etc/nginx'], processTitle: nginxTitles };

/** the profile of an image the catalogue knows */
export function profileFor(image: ImageInfo): ImageProfile {
  const repository = image.reference.replace(/:[^/:]+$/, '');
  switch (repository) {
    case 'docker.io/library/nginx': {
      // the tag's release; the njs and package releases beside it are mainline's (not known per tag)
      const version = nginxVersionFor(image.reference);
      return { ...NGINX, env: NGINX.env.map(([name, value]) => [name, name === 'NGINX_VERSION' ? version : value]) };
    }
    case 'docker.io/library/busybox':
      return BUSYBOX;
    case 'docker.io/curlimages/curl':
      return CURL;
    case 'docker.io/alicek106/rr-test':
      return image.reference.endsWith(':echo-hostname') ? ECHO_HOSTNAME : DEBIAN_LIKE;
    // Debian jessie with dnsutils: dash as sh, bash, GNU tools
    case 'registry.k8s.io/e2e-test-images/jessie-dnsutils':
      return DEBIAN_LIKE;
    default:
      return { ...DEBIAN_LIKE, shells: {}, dirs: ['/dev', '/etc', '/proc', '/sys'] };
  }
}

// what an nginx container serves: the files under its default.conf's root, /usr/share/nginx/html,
// as they are in that container. a file a learner writes there with kubectl exec is what curl gets
// back from that pod (the classic way to tell a Service's backends apart); an index file is looked
// up for a directory, a directory without one is 403, and one named without its slash is a 301.
// until something has exec'd into the container, its files are the image's own.

import type { Pod } from '../api/types.ts';
import type { Cluster } from '../cluster.ts';
import { IMAGE_FILES_MTIME, type NginxFind } from '../images/http.ts';
import { existingContainerInstance } from './instances.ts';
import { profileFor, type ImageProfile } from './image-profiles.ts';
import type { ImageInfo } from '../images/catalogue.ts';

const ROOT = '/usr/share/nginx/html';
const INDEX_FILES = ['index.html', 'index.htm'];

/** the types nginx's mime.types gives the usual extensions; anything else is default_type's */
const MIME_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  shtml: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  txt: 'text/plain',
  js: 'application/javascript',
  json: 'application/json',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  svgz: 'image/svg+xml',
  ico: 'image/x-icon',
  webp: 'image/webp',
};
const DEFAULT_TYPE = 'application/octet-stream';

function mimeType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (MIME_TYPES[name.slice(dot + 1).toLowerCase()] ?? DEFAULT_TYPE) : DEFAULT_TYPE;
}

/** what the lookup needs of a file tree */
interface Tree {
  kind(path: string): 'file' | 'dir' | null;
  read(path: string): string;
  /** when the file, read as `content`, was last written (ms) */
  mtime(path: string, content: string): number;
}

/** the request path under the root, decoded and normalised; null when it climbs out */
function underRoot(requestPath: string): string | null {
  let decoded = requestPath;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    // nginx answers a malformed escape with 400; as a name it matches nothing here
  }
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return `${ROOT}${segments.length ? '/' + segments.join('/') : ''}`;
}

function find(tree: Tree, requestPath: string): NginxFind {
  const path = underRoot(requestPath);
  if (path === null) return { kind: 'none' };
  const file = (at: string): NginxFind => {
    const body = tree.read(at);
    return { kind: 'file', body, type: mimeType(at), mtime: tree.mtime(at, body) };
  };
  const kind = tree.kind(path);
  if (kind === 'file') return requestPath.endsWith('/') ? { kind: 'none' } : file(path);
  if (kind === 'dir') {
    if (!requestPath.endsWith('/')) return { kind: 'directory' };
    const index = INDEX_FILES.map((name) => `${path}/${name}`).find((at) => tree.kind(at) === 'file');
    return index ? file(index) : { kind: 'forbidden' };
  }
  return { kind: 'none' };
}

/** the image's own files: none of them has been changed */
function imageTree(profile: ImageProfile): Tree {
  return {
    kind: (path) =>
      Object.hasOwn(profile.files, path)
        ? 'file'
        : Object.keys(profile.files).some((f) => f.startsWith(path + '/')) || profile.dirs.includes(path)
          ? 'dir'
          : null,
    read: (path) => profile.files[path] ?? '',
    mtime: () => IMAGE_FILES_MTIME,
  };
}

/**
 * how the nginx in this container finds a request path, or undefined when its image keeps no
 * files under nginx's root (it then answers as the stock image does)
 */
export function nginxRootOf(
  cluster: Cluster,
  pod: Pod,
  containerName: string,
  image: ImageInfo,
): ((path: string) => NginxFind) | undefined {
  const profile = profileFor(image);
  if (!Object.hasOwn(profile.files, `${ROOT}/index.html`)) return undefined;
  const instance = existingContainerInstance(cluster, pod, containerName);
  if (!instance) return (path) => find(imageTree(profile), path);
  const fs = instance.fs;
  const tree: Tree = {
    kind: (path) => fs.stat(path)?.kind ?? null,
    read: (path) => {
      const content = fs.readFile(path);
      return typeof content === 'string' ? content : '';
    },
    // a file as the image shipped it keeps the image's time; one written since has its own
    mtime: (path, content) => {
      const written = fs.mtime(path) ?? instance.startedAt;
      return written === instance.startedAt && content === profile.files[path] ? IMAGE_FILES_MTIME : written;
    },
  };
  return (path) => find(tree, path);
}

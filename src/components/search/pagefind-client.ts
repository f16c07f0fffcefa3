// Pagefind's browser API, loaded at run time from the index the build writes to /pagefind/.
// it is not part of the bundle: the URL is a variable and Vite is told not to resolve it.

/** the parts of Pagefind's result data the search page shows */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindApi {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  /** null: every page (a search by filters only, and there are none) */
  search(term: string | null): Promise<{ results: PagefindResult[] } | null>;
  /** loads the index chunks a search for `term` would need */
  preload(term: string): Promise<void>;
}

export type PagefindLoad =
  | { ok: true; pagefind: PagefindApi }
  /** dev: `astro dev` has no index; missing: the index could not be fetched (offline, or not built) */
  | { ok: false; reason: 'dev' | 'missing'; detail?: string };

let loading: Promise<PagefindLoad> | null = null;

/** loads Pagefind once per page; a failure is a value, so the page can say why search is off */
export function loadPagefind(base = '/pagefind/'): Promise<PagefindLoad> {
  loading ??= (async (): Promise<PagefindLoad> => {
    if (import.meta.env.DEV) return { ok: false, reason: 'dev' };
    const url = `${base}pagefind.js`;
    try {
      const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      return { ok: true, pagefind };
    } catch (error) {
      loading = null;
      return { ok: false, reason: 'missing', detail: String(error) };
    }
  })();
  return loading;
}

// <kube-search>: the search page. it reads ?q=, searches the Pagefind index as the learner types
// and lists the matching lessons. every string from the index is rendered as text, never as HTML.
// once the page has loaded it fetches the rest of the index in idle time, so search keeps
// working offline.
import { renderExcerpt } from './excerpt.ts';
import { loadPagefind, type PagefindApi, type PagefindResult, type PagefindResultData } from './pagefind-client.ts';

/** how many results are shown (Pagefind ranks them; the rest are rarely useful) */
const MAX_RESULTS = 20;
const TYPING_PAUSE_MS = 200;

class KubeSearch extends HTMLElement {
  private pagefind: PagefindApi | null = null;
  private generation = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** each page's result data, fetched once: repeated and offline searches reuse it */
  private data = new Map<string, Promise<PagefindResultData>>();

  async connectedCallback(): Promise<void> {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    if (!form || !input) return;
    input.value = new URLSearchParams(location.search).get('q') ?? '';
    // arriving without a query (the header's button on a phone): ready to type
    if (!input.value) input.focus();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.typingTimer);
      void this.search(input.value);
    });
    input.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => void this.search(input.value), TYPING_PAUSE_MS);
    });
    this.say(input.value.trim() ? 'msgLoading' : 'msgEmpty');
    const loaded = await loadPagefind();
    if (!loaded.ok) {
      this.say(loaded.reason === 'dev' ? 'msgDev' : 'msgMissing');
      if (loaded.detail) console.warn(`search: ${loaded.detail}`);
      return;
    }
    this.pagefind = loaded.pagefind;
    this.dataset['ready'] = '';
    await this.search(input.value);
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(() => void this.fetchWholeIndex(loaded.pagefind));
  }

  /** every index chunk (a search loads only those its words need) and every page's data */
  private async fetchWholeIndex(pagefind: PagefindApi): Promise<void> {
    try {
      // a chunk holds a range of words: preloading each first character reaches them all
      for (const first of 'abcdefghijklmnopqrstuvwxyz0123456789') await pagefind.preload(first);
      const all = await pagefind.search(null);
      await Promise.all((all?.results ?? []).map((r) => this.dataOf(r)));
      this.dataset['offline'] = '';
    } catch (error) {
      console.warn(`search: the index could not be fetched for offline use (${String(error)})`);
    }
  }

  private dataOf(result: PagefindResult): Promise<PagefindResultData> {
    let data = this.data.get(result.id);
    if (!data) {
      data = result.data();
      this.data.set(result.id, data);
      data.catch(() => this.data.delete(result.id));
    }
    return data;
  }

  private async search(raw: string): Promise<void> {
    const query = raw.trim();
    const generation = ++this.generation;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!this.pagefind) return;
    if (!query) {
      this.list().replaceChildren();
      this.say('msgEmpty');
      return;
    }
    try {
      const found = await this.pagefind.search(query);
      const results = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS).map((r) => this.dataOf(r)));
      if (generation !== this.generation) return;
      this.list().replaceChildren(...results.map((r) => this.resultItem(r)));
      if (results.length === 0) this.say('msgNone', query);
      else this.say(results.length === 1 ? 'msgOne' : 'msgMany', query, results.length);
    } catch (error) {
      // offline before this part of the index was fetched: say so, keep what was shown
      if (generation !== this.generation) return;
      console.warn(`search: ${String(error)}`);
      this.say('msgMissing');
    }
  }

  private resultItem(result: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.append(...renderExcerpt(document, result.excerpt));
    item.append(heading, excerpt);
    // the sections of the lesson where the words appear, when they are not the page itself
    const sections = (result.sub_results ?? []).filter((s) => s.url !== result.url && s.url.includes('#')).slice(0, 3);
    if (sections.length > 0) {
      const list = document.createElement('ul');
      list.className = 'search-sections';
      for (const section of sections) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = section.url;
        a.textContent = section.title;
        li.append(a);
        list.append(li);
      }
      item.append(list);
    }
    return item;
  }

  private list(): HTMLElement {
    return this.querySelector<HTMLElement>('.search-results')!;
  }

  /** writes a status message from the templates the page rendered into data-msg-* attributes */
  private say(key: string, query = '', count = 0): void {
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!status) return;
    const template = this.dataset[key] ?? '';
    // functions, so a query such as `$&` is not read as a replacement pattern
    status.textContent = template.replace('{query}', () => query).replace('{count}', () => String(count));
  }
}

customElements.define('kube-search', KubeSearch);

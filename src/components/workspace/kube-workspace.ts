// <kube-workspace>: the tabs above the terminal, the handle between them, and loading the cluster
// panel and the editor only when first needed (a lesson that never opens the editor never pays for it)
import { t } from '../../i18n/index.ts';
import { bindSplitter } from './splitter.ts';
import { pageWorkspace, type WorkspacePane } from './workspace.ts';

/** what the editor module's mountEditor gives back */
interface Editor {
  open(path: string): Promise<void>;
  editText(title: string, text: string): Promise<string | null>;
}

class KubeWorkspaceElement extends HTMLElement {
  private loaded = new Set<WorkspacePane>();
  private editorLoading: Promise<Editor> | null = null;

  connectedCallback(): void {
    const workspace = pageWorkspace(this.dataset['lesson']);
    workspace.showPane = (pane) => this.select(pane);
    workspace.openFileHandler = async (path) => {
      this.select('editor');
      const editor = await this.loadEditor();
      await editor.open(path);
    };
    workspace.editTextHandler = async (title, text) => {
      this.select('editor');
      const editor = await this.loadEditor();
      return editor.editText(title, text);
    };
    const tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const tab of tabs) {
      tab.addEventListener('click', () => this.select(tab.dataset['tab'] as WorkspacePane, true));
      tab.addEventListener('keydown', (e) => {
        const i = tabs.indexOf(tab);
        const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs.at(i - 1) : null;
        if (!next) return;
        e.preventDefault();
        this.select(next.dataset['tab'] as WorkspacePane, true);
      });
    }
    this.querySelector('[data-reset-lesson]')?.addEventListener('click', () => {
      if (!window.confirm(t('lesson.resetConfirm'))) return;
      workspace.resetHandler?.();
      location.reload();
    });
    const splitter = this.querySelector<HTMLElement>('.splitter');
    if (splitter) bindSplitter(splitter, this, '--upper');
    // the cluster panel is the pane shown first; it needs the simulator, which arrives after the prompt
    void workspace.ready().then(() => this.load('cluster'));
  }

  private select(pane: WorkspacePane, focusTab = false): void {
    for (const tab of this.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      const selected = tab.dataset['tab'] === pane;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focusTab) tab.focus();
    }
    for (const panel of this.querySelectorAll<HTMLElement>('[role="tabpanel"]')) {
      panel.hidden = panel.dataset['paneName'] !== pane;
    }
    void pageWorkspace()
      .ready()
      .then(() => this.load(pane));
  }

  private async load(pane: WorkspacePane): Promise<void> {
    if (pane === 'editor') {
      await this.loadEditor().catch(() => undefined);
      return;
    }
    if (this.loaded.has(pane)) return;
    this.loaded.add(pane);
    const host = this.querySelector<HTMLElement>('[data-pane-name="cluster"]')!;
    try {
      const { mountClusterPanel } = await import('../cluster-panel/cluster-panel.ts');
      host.replaceChildren();
      mountClusterPanel(host, pageWorkspace());
    } catch (error) {
      this.loaded.delete(pane);
      this.paneFailed(host, error);
    }
  }

  /** the editor, loaded once: callers racing for it share one load */
  private loadEditor(): Promise<Editor> {
    this.editorLoading ??= (async () => {
      const host = this.querySelector<HTMLElement>('[data-pane-name="editor"]')!;
      try {
        const { mountEditor } = await import('../editor/editor.ts');
        host.replaceChildren();
        return await mountEditor(host, pageWorkspace());
      } catch (error) {
        // a failed load (offline before the editor was cached) may be tried again
        this.editorLoading = null;
        this.paneFailed(host, error);
        throw error;
      }
    })();
    return this.editorLoading;
  }

  private paneFailed(host: HTMLElement, error: unknown): void {
    const message = document.createElement('p');
    message.className = 'pane-loading';
    message.setAttribute('role', 'alert');
    message.textContent = t('workspace.paneFailed', { reason: error instanceof Error ? error.message : String(error) });
    host.replaceChildren(message);
  }
}

customElements.define('kube-workspace', KubeWorkspaceElement);

// <kube-terminal>: xterm and a first prompt at once; the simulator when the learner first shows
// they are there, or at once when they have saved work in this lesson. the prompt is written
// before the shell exists (keys typed meanwhile wait), so the page is usable before the
// simulator's code has even arrived; the runtime chunk then takes the screen over.
import { lessonKey } from '../../workspace/storage-keys.ts';
import { pageWorkspace, whenEngaged } from '../workspace/workspace.ts';
import { mountTerminal, type MountedTerminal } from './xterm-adapter.ts';

// when the terminal's code starts running, for the page bench's breakdown of the first prompt
performance.mark('kubesim:terminal-script');

/** the prompt the learner's shell starts with, coloured as the session writes it */
const FIRST_PROMPT = '\x1b[1;32mlearner@laptop\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

export class KubeTerminal extends HTMLElement {
  private mounted: MountedTerminal | null = null;
  private stopRuntime: (() => void) | null = null;

  connectedCallback(): void {
    if (this.mounted) return;
    const host = this.querySelector<HTMLElement>('.screen');
    if (!host) return;
    const mounted = mountTerminal(host);
    this.mounted = mounted;
    mounted.write(FIRST_PROMPT);
    this.dataset['ready'] = '';
    (window as unknown as { __firstPromptAt?: number }).__firstPromptAt = performance.now();
    mounted.focus();
    let typed = '';
    const early = mounted.onData((data) => (typed += data));
    const workspace = pageWorkspace(this.dataset['lesson']);
    void whenEngaged(lessonKey(workspace.lessonId))
      .then(() => import('./terminal-runtime.ts'))
      .then(async ({ startRuntime }) => {
        const takeTyped = () => {
          early.dispose();
          return typed;
        };
        this.stopRuntime = await startRuntime({ element: this, mounted, workspace, takeTyped });
        this.dataset['live'] = '';
      })
      .catch((error: unknown) => {
        // offline before the runtime was cached, or a failed deploy: say so in the terminal
        mounted.write(
          `\r\n\x1b[31mkubesim: the simulator could not be loaded (${String(error)}). Reload the page to try again.\x1b[0m\r\n`,
        );
      });
  }

  disconnectedCallback(): void {
    this.stopRuntime?.();
  }

  /** the screen as text: for tests and for copying */
  screenText(): string {
    return this.mounted?.screenLines().join('\n') ?? '';
  }

  /** columns and rows: as xterm opened, as they are, and as fitting them to the screen's box makes them (for tests) */
  sizes(): Record<'opened' | 'now' | 'fitted', { cols: number; rows: number }> | null {
    const mounted = this.mounted;
    if (!mounted) return null;
    const now = mounted.size();
    mounted.fit();
    return { opened: mounted.opened, now, fitted: mounted.size() };
  }

  focusScreen(): void {
    this.mounted?.focus();
  }
}

customElements.define('kube-terminal', KubeTerminal);

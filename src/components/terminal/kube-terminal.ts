// <kube-terminal>: starts a shell session for the lesson and binds it to xterm.
// sets data-ready once the first prompt is on screen.
import { RealClock } from '../../sim/clock.ts';
import { createSession } from '../../sim/shell/index.ts';
import { TerminalSession } from '../../terminal/terminal-session.ts';
import { mountTerminal, type MountedTerminal } from './xterm-adapter.ts';

export class KubeTerminal extends HTMLElement {
  private mounted: MountedTerminal | null = null;
  session: TerminalSession | null = null;

  connectedCallback(): void {
    if (this.mounted) return;
    const host = this.querySelector<HTMLElement>('.screen');
    if (!host) return;
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    this.mounted = mountTerminal(host);
    this.session = new TerminalSession(this.mounted, createSession({ clock: new RealClock(), seed }), { color: true });
    this.mounted.onData((data) => this.session?.input(data));
    this.session.start();
    this.dataset['ready'] = '';
    (window as unknown as { __firstPromptAt?: number }).__firstPromptAt = performance.now();
    this.mounted.focus();
  }

  /** the screen as text: for tests and for copying */
  screenText(): string {
    return this.mounted?.screenLines().join('\n') ?? '';
  }
}

customElements.define('kube-terminal', KubeTerminal);

// the page's workspace hub: one per lesson page. the terminal, the editor, the cluster panel
// and the lesson's blocks meet here. it imports no simulator code (types only), so the page's
// first script stays small; the simulator arrives with the terminal's runtime after the first prompt.
import type { LearnerMachine } from '../../sim/machine.ts';
import type { TerminalSession } from '../../terminal/terminal-session.ts';

export type WorkspacePane = 'cluster' | 'editor';

/** what the terminal runtime hands over once the simulator runs */
export interface LiveWorkspace {
  machine: LearnerMachine;
  terminal: TerminalSession;
  /** focuses the terminal's screen */
  focusTerminal(): void;
}

type Listener = () => void;

/** an exercise's starting state: files written, then lines typed into the terminal */
export interface StartState {
  lines: string[];
  files: { path: string; content: string }[];
}

/** how a workspace without a saved session starts */
export interface FreshConfig {
  /** the cluster's seed (an exercise's variant seed); random when left out */
  seed?: number;
  /** the cluster preset (kind, on-premises); kind when left out */
  preset?: string;
  start?: StartState;
}

/** a command the learner ran in the terminal and how it ended (steps tick on these) */
export interface RanCommand {
  line: string;
  status: number;
}

export class Workspace {
  private live: LiveWorkspace | null = null;
  private readyWaiters: ((live: LiveWorkspace) => void)[] = [];
  private listeners = new Set<Listener>();
  private changeQueued = false;
  /** shows a pane of the workspace (set by <kube-workspace>) */
  showPane: (pane: WorkspacePane) => void = () => {};
  /** opens a file in the editor (set by <kube-workspace>, which loads the editor on first use) */
  openFileHandler: ((path: string) => Promise<void>) | null = null;
  /** edits a text that is not a file (kubectl edit's object) in the editor; null when cancelled */
  editTextHandler: ((title: string, text: string) => Promise<string | null>) | null = null;
  /** hears of every file the editor writes (the journal records them, so a reload finds them) */
  private fileListeners = new Set<(path: string, content: string | null) => void>();
  /** forgets the lesson's saved session (set by the terminal runtime; the page reloads after) */
  resetHandler: (() => void) | null = null;
  /** the commands run since the page opened, oldest first */
  readonly commands: RanCommand[] = [];

  constructor(readonly lessonId: string) {}

  private freshWaiters: ((config: FreshConfig) => void)[] = [];
  private fresh: FreshConfig | null = null;

  /**
   * what a fresh workspace (no saved session) starts from. by default: a random seed and the
   * starting state in <kube-workspace data-start>. a page that works it out at run time (an
   * exercise whose variant depends on the learner's seed) sets `data-fresh="page"` on the
   * element and calls `configureFresh`; the terminal waits for it.
   */
  freshConfig(): Promise<FreshConfig> {
    const element = document.querySelector<HTMLElement>('kube-workspace');
    if (element?.dataset['fresh'] !== 'page') {
      const raw = element?.dataset['start'];
      return Promise.resolve(raw ? { start: JSON.parse(raw) as StartState } : {});
    }
    if (this.fresh) return Promise.resolve(this.fresh);
    return new Promise((resolve) => this.freshWaiters.push(resolve));
  }

  configureFresh(config: FreshConfig): void {
    this.fresh = config;
    for (const resolve of this.freshWaiters.splice(0)) resolve(config);
  }

  /** the simulator and terminal, once running */
  get current(): LiveWorkspace | null {
    return this.live;
  }

  /** resolves once the simulator runs beside the terminal */
  ready(): Promise<LiveWorkspace> {
    if (this.live) return Promise.resolve(this.live);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  attach(live: LiveWorkspace): void {
    this.live = live;
    for (const resolve of this.readyWaiters.splice(0)) resolve(live);
    // the cluster changes on its own (pods start, controllers react): watchers hear of it
    live.machine.world.cluster.store.watch(() => this.changed());
    this.changed();
  }

  /** types a command into the terminal and runs it, as if the learner had */
  async run(command: string): Promise<void> {
    const live = await this.ready();
    live.focusTerminal();
    await live.terminal.type(command);
  }

  /** opens `path` in the editor, writing `content` first when the file does not exist yet */
  async openFile(path: string, content?: string): Promise<void> {
    const live = await this.ready();
    const fs = live.machine.session.shell.fs;
    if (content !== undefined && fs.stat(path) === null) {
      fs.writeFile(path, content);
      // the journal records it as an editor write, so a reload (or a re-grade) finds the file too
      this.fileWritten(fs.resolve(path), content);
    }
    if (this.openFileHandler) await this.openFileHandler(fs.resolve(path));
  }

  /** the terminal finished running a line */
  commandRan(line: string, status: number): void {
    if (line.trim() !== '') this.commands.push({ line, status });
    this.changed();
  }

  /** the editor wrote (or, with null, deleted) a file in the learner's file system */
  fileWritten(path: string, content: string | null): void {
    for (const listener of this.fileListeners) listener(path, content);
    this.changed();
  }

  onFileWritten(listener: (path: string, content: string | null) => void): () => void {
    this.fileListeners.add(listener);
    return () => this.fileListeners.delete(listener);
  }

  /** kubectl edit: the object's YAML in the editor; resolves with the saved text, or null when abandoned */
  async editText(title: string, text: string): Promise<string | null> {
    if (!this.editTextHandler) return null;
    return this.editTextHandler(title, text);
  }

  /** calls `listener` (at most once per frame) when the cluster, files or progress change */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** something changed: listeners hear of it on the next frame */
  changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    const flush = () => {
      this.changeQueued = false;
      for (const listener of [...this.listeners]) listener();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(flush);
    else setTimeout(flush, 50);
  }
}

let engaged: Promise<void> | null = null;

/** whether this browser holds saved work under `key` (false when storage is unavailable) */
function hasSaved(key: string): boolean {
  try {
    return window.localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

/**
 * resolves when the learner first shows they are there (a key, a click or tap, the pointer
 * moving, a scroll, focus moving), or at once when `savedKey` names something this browser has
 * saved (a returning learner's work comes back without waiting). the simulator and the saved
 * progress load then: a page merely opened carries only the terminal, and keys typed before the
 * simulator is there wait for it.
 */
export function whenEngaged(savedKey?: string): Promise<void> {
  if (savedKey !== undefined && hasSaved(savedKey)) return Promise.resolve();
  engaged ??= new Promise((resolve) => {
    const events = ['keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel', 'scroll', 'focusin'] as const;
    const go = () => {
      for (const name of events) window.removeEventListener(name, go, true);
      resolve();
    };
    for (const name of events) window.addEventListener(name, go, { capture: true, passive: true });
  });
  return engaged;
}

let instance: Workspace | null = null;

/** the page's workspace; the first caller names the lesson */
export function pageWorkspace(lessonId?: string): Workspace {
  if (!instance) {
    const id = lessonId ?? document.querySelector<HTMLElement>('kube-workspace')?.dataset['lesson'] ?? 'unknown';
    instance = new Workspace(id);
  }
  return instance;
}

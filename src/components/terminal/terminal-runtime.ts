// the terminal's second half, loaded right after the first prompt: the simulated cluster, the
// learner's shell, and the session that binds them to the screen. it brings back the lesson's
// earlier session (its journal replayed into a fresh cluster with the same seed) and saves the
// journal, files and history as the learner works.
import { JournalRecorder, recordSession, replayJournal, resumeRealtime, type Journal } from '../../sim/journal.ts';
import { createLearnerMachine, type LearnerMachine } from '../../sim/machine.ts';
import { sanitizeOutput } from '../../terminal/sanitize.ts';
import { TerminalSession } from '../../terminal/terminal-session.ts';
import { t } from '../../i18n/index.ts';
import type { LessonRecord } from '../../workspace/storage-schema.ts';
import { clearNotice, showNotice } from '../workspace/notices.ts';
import { pageStorage, reportNotices, reportWriteFailure } from '../workspace/progress.ts';
import type { FreshConfig, Workspace } from '../workspace/workspace.ts';
import type { MountedTerminal } from './xterm-adapter.ts';

export interface RuntimeSetup {
  element: HTMLElement;
  mounted: MountedTerminal;
  workspace: Workspace;
  /** hands over the keys typed before the runtime took the screen (and stops collecting them) */
  takeTyped: () => string;
}

/** lets the browser paint and handle input between the runtime's start-up steps (no long task) */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** how much of a restored session's transcript is shown again */
const RESTORED_LINES = 200;
const SAVE_DELAY_MS = 400;

interface Restored {
  machine: LearnerMachine;
  journal?: Journal;
  transcript?: string;
}

/** the lesson's earlier session replayed, or a fresh machine (with the saved files, when the replay fails) */
async function restore(record: LessonRecord | null, columns: number, config: FreshConfig): Promise<Restored> {
  const fresh = () =>
    createLearnerMachine({
      seed: config.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!,
      mode: 'realtime',
      ...(config.preset ? { preset: config.preset } : {}),
    });
  if (!record) return { machine: fresh() };
  const replay = await replayJournal(record.journal, { until: Date.now() - record.journal.startedAt, columns });
  if (replay.ok) {
    const machine = resumeRealtime(replay.machine);
    return { machine, journal: replay.journal, transcript: replay.transcript };
  }
  const machine = fresh();
  const fs = machine.session.shell.fs;
  for (const [path, content] of Object.entries(record.files)) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (dir) fs.mkdir(dir, true);
    fs.writeFile(path, content);
  }
  machine.session.shell.history.push(...record.history);
  showNotice({ id: 'restore', tone: 'warning', text: t('notice.restoreFailed', { reason: replay.error }) });
  return { machine };
}

function lastLines(text: string, count: number): string {
  const lines = text.split('\n');
  return lines.slice(Math.max(0, lines.length - count)).join('\n');
}

/** starts the shell on the screen; returns what stops it */
export async function startRuntime({ mounted, workspace, takeTyped }: RuntimeSetup): Promise<() => void> {
  const storage = pageStorage();
  const lessonId = workspace.lessonId;
  const loaded = storage.loadLesson(lessonId);
  reportNotices(loaded.notices);
  const freshConfig = loaded.record ? {} : await workspace.freshConfig();
  await yieldToPage();
  const { machine, journal, transcript } = await restore(loaded.record, mounted.cols, freshConfig);
  await yieldToPage();

  // saving: soon after every change, at once when the tab is hidden; never over another tab's newer work
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (force = false) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stale && !force) return;
    const result = storage.saveLesson(
      lessonId,
      { journal: recorder.toJSON(), files: machine.session.shell.fs.snapshot(), history: [...machine.session.shell.history] },
      { force },
    );
    if (result.ok) {
      stale = false;
      clearNotice('other-tab');
      reportNotices(result.notices);
    } else if (result.reason === 'conflict') {
      becameStale(result.writer === null ? 'reset' : 'changed');
    } else {
      reportWriteFailure(result);
    }
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => save(), SAVE_DELAY_MS);
  };
  const becameStale = (reason: 'changed' | 'reset') => {
    stale = true;
    showNotice({
      id: 'other-tab',
      tone: 'warning',
      text: t(reason === 'reset' ? 'notice.otherTabReset' : 'notice.otherTab'),
      action: { label: t('notice.keepMine'), run: () => save(true) },
    });
  };
  const recorder = JournalRecorder.forMachine(machine, journal, saveSoon);
  recordSession(machine.session, recorder);

  // kubectl edit and vi/nano open the workspace's editor; the journal keeps what was saved there
  machine.session.shell.host = {
    ...machine.session.shell.host,
    edit: recorder.recordingEditor(async (path, text, title) => {
      const result = await workspace.editText(title ?? `kubectl edit ${path}`, text);
      mounted.focus();
      return result;
    }),
    openFile: (path) => workspace.openFile(path),
  };
  const stopFiles = workspace.onFileWritten((path, content) => recorder.file(path, content));

  if (transcript) {
    mounted.write('\r\x1b[2K' + sanitizeOutput(lastLines(transcript.replace(/\n$/, ''), RESTORED_LINES)) + '\r\n');
    showNotice({ id: 'restore', tone: 'info', text: t('notice.restored') });
  }

  let submitted = '';
  const terminal = new TerminalSession(mounted, machine.session, {
    color: true,
    onSubmit: (line) => (submitted = line),
    onCommandDone: () => {
      workspace.commandRan(submitted, machine.session.current.lastStatus);
      saveSoon();
    },
  });
  const typed = takeTyped();
  mounted.onData((data) => terminal.input(data));
  terminal.start(true);
  workspace.attach({ machine, terminal, focusTerminal: () => mounted.focus() });
  if (typed) terminal.input(typed);
  // a fresh workspace with a starting state (an exercise): its files are written and its lines
  // typed, recorded like the learner's own, so a reload or a re-grade rebuilds the same start
  const start = loaded.record ? null : freshConfig.start;
  if (start) {
    const fs = machine.session.shell.fs;
    for (const file of start.files) {
      fs.writeFile(file.path, file.content);
      workspace.fileWritten(fs.resolve(file.path), file.content);
    }
    if (start.lines.length > 0) void terminal.type(start.lines.join('\n'));
  }

  const onStorage = (event: StorageEvent) => {
    const reason = storage.staleReason({ key: event.key, newValue: event.newValue }, lessonId);
    if (reason) becameStale(reason);
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden' && timer) save();
  };
  window.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);
  workspace.resetHandler = () => {
    stale = true;
    if (timer) clearTimeout(timer);
    storage.resetLesson(lessonId);
  };
  return () => {
    if (timer) save();
    stopFiles();
    window.removeEventListener('storage', onStorage);
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', onHide);
    machine.stop();
  };
}

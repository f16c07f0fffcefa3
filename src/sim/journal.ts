// a learner's session as a journal: recorded as they work (terminal lines, Ctrl-C, Ctrl-D, the
// editor's writes and kubectl edit's saves, stamped with cluster time), replayed exactly into a
// fresh cluster with the same seed. a page reload replays it to get the lesson's cluster back
// and then follows the wall clock again; `kubesim grade --submission` replays it to re-grade.
//
// in the page:
//   const replay = await replayJournal(saved, { fs: starterFiles, until: Date.now() - saved.startedAt });
//   const machine = replay.ok ? resumeRealtime(replay.machine) : createLearnerMachine({ seed, mode: 'realtime' });
//   const recorder = JournalRecorder.forMachine(machine, replay.ok ? replay.journal : undefined, save);
//   recordSession(machine.session, recorder);
//   machine.session.shell.host = { edit: recorder.recordingEditor(openEditor) };
//   editor saves: recorder.file(absolutePath, content)

export {
  emptyJournal,
  JOURNAL_VERSION,
  journalEntrySchema,
  journalSchema,
  parseJournal,
  type Journal,
  type JournalEntry,
  type JournalParse,
} from './journal-schema.ts';
export { JournalRecorder, recordSession, type RecorderSetup } from './journal-recorder.ts';
export { replayJournal, resumeRealtime, type ReplayOptions, type ReplayResult, type ReplayStep } from './journal-replay.ts';
export { TerminalClock } from './journal-clock.ts';

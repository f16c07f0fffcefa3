// the clipboard keys people expect from VS Code's terminal, kept apart from xterm so they can be
// tested: Ctrl-Shift-C and Cmd-C copy the selection, and so does Ctrl-C while there is one
// (without one it reaches the shell as an interrupt). Ctrl-Shift-V and Cmd-V are left to the
// browser, whose paste event xterm turns into input with newlines as Enter, so pasted lines run
// one by one as if typed, and no clipboard permission is asked for.

/** what of xterm's Terminal the keys need */
export interface Selectable {
  hasSelection(): boolean;
  getSelection(): string;
  clearSelection(): void;
}

/** what of a KeyboardEvent they read */
export interface KeyLike {
  type: string;
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  preventDefault(): void;
}

/** true when the key is a clipboard key, which xterm must then leave alone */
export function clipboardKey(term: Selectable, event: KeyLike, clipboard: Pick<Clipboard, 'writeText'> | undefined): boolean {
  // by key for other layouts, by code for keyboards whose C types another letter (a Korean IME's ㅊ)
  const is = (letter: string) => event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}`;
  if (event.altKey) return false;
  const ctrlShift = event.ctrlKey && event.shiftKey && !event.metaKey;
  const cmd = event.metaKey && !event.ctrlKey;
  if ((ctrlShift || cmd) && is('v')) return true;
  const ctrlCopies = event.ctrlKey && !event.shiftKey && !event.metaKey && term.hasSelection();
  if (!is('c') || !(ctrlShift || cmd || ctrlCopies)) return false;
  if (event.type === 'keydown') copySelection(term, event, clipboard, ctrlCopies);
  return true;
}

/** writes the selection to the clipboard; where the API is missing, the browser's copy event (which xterm answers) does it */
function copySelection(
  term: Selectable,
  event: KeyLike,
  clipboard: Pick<Clipboard, 'writeText'> | undefined,
  clear: boolean,
): void {
  const text = term.getSelection();
  if (!text) return;
  if (clipboard?.writeText) {
    event.preventDefault();
    // a denied permission or an insecure page: nothing to tell the learner, who can copy again
    clipboard.writeText(text).catch(() => undefined);
    // a Ctrl-C copy leaves no selection, so the next Ctrl-C interrupts
    if (clear) term.clearSelection();
    return;
  }
  // after the copy event has read it
  if (clear) setTimeout(() => term.clearSelection(), 0);
}

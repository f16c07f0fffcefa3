import { describe, expect, test } from 'vitest';
import { clipboardKey, type KeyLike, type Selectable } from './clipboard-keys.ts';

function selection(text: string): Selectable & { cleared: boolean } {
  const term = {
    text,
    cleared: false,
    hasSelection: () => term.text !== '',
    getSelection: () => term.text,
    clearSelection: () => {
      term.text = '';
      term.cleared = true;
    },
  };
  return term;
}

function key(keyName: string, mods: Partial<KeyLike> = {}): KeyLike & { prevented: boolean } {
  const event = {
    type: 'keydown',
    key: keyName,
    code: `Key${keyName.toUpperCase()}`,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    metaKey: false,
    prevented: false,
    preventDefault: () => void (event.prevented = true),
    ...mods,
  };
  return event;
}

function clipboard() {
  const written: string[] = [];
  return { written, writeText: (text: string) => (written.push(text), Promise.resolve()) };
}

describe('clipboardKey', () => {
  test('Ctrl-C with a selection copies it and clears it, instead of interrupting', () => {
    const term = selection('pod/web created');
    const board = clipboard();
    const event = key('c', { ctrlKey: true });
    expect(clipboardKey(term, event, board)).toBe(true);
    expect(board.written).toEqual(['pod/web created']);
    expect(event.prevented).toBe(true);
    expect(term.cleared).toBe(true);
    // the next Ctrl-C has no selection left: it reaches the shell
    expect(clipboardKey(term, key('c', { ctrlKey: true }), board)).toBe(false);
  });

  test('Ctrl-C without a selection is left to xterm, which sends the interrupt', () => {
    const board = clipboard();
    expect(clipboardKey(selection(''), key('c', { ctrlKey: true }), board)).toBe(false);
    expect(board.written).toEqual([]);
  });

  test('Ctrl-Shift-C and Cmd-C copy and keep the selection', () => {
    for (const event of [key('C', { ctrlKey: true, shiftKey: true }), key('c', { metaKey: true })]) {
      const term = selection('10.96.0.1');
      const board = clipboard();
      expect(clipboardKey(term, event, board)).toBe(true);
      expect(board.written).toEqual(['10.96.0.1']);
      expect(term.cleared).toBe(false);
    }
  });

  test('Ctrl-Shift-V and Cmd-V are taken from xterm and left to the browser, whose paste event xterm reads', () => {
    for (const event of [key('V', { ctrlKey: true, shiftKey: true }), key('v', { metaKey: true })]) {
      expect(clipboardKey(selection(''), event, clipboard())).toBe(true);
      expect(event.prevented).toBe(false);
    }
  });

  test('the C key is found by its code when the layout types another letter (a Korean IME)', () => {
    const board = clipboard();
    expect(clipboardKey(selection('web'), key('ㅊ', { code: 'KeyC', ctrlKey: true, shiftKey: true }), board)).toBe(true);
    expect(board.written).toEqual(['web']);
  });

  test('without the clipboard API the browser copy event does the copying; a failing API stays quiet', async () => {
    const event = key('C', { ctrlKey: true, shiftKey: true });
    expect(clipboardKey(selection('web'), event, undefined)).toBe(true);
    expect(event.prevented).toBe(false);
    const denied = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    expect(clipboardKey(selection('web'), key('c', { metaKey: true }), denied)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  test('other keys, and Ctrl-Shift-C on key up, copy nothing', () => {
    const board = clipboard();
    expect(clipboardKey(selection('web'), key('a', { ctrlKey: true }), board)).toBe(false);
    expect(clipboardKey(selection('web'), key('v', { ctrlKey: true }), board)).toBe(false);
    expect(clipboardKey(selection('web'), key('C', { ctrlKey: true, shiftKey: true, type: 'keyup' }), board)).toBe(true);
    expect(board.written).toEqual([]);
  });
});

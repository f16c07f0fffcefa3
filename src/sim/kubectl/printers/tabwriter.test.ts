import { describe, expect, test } from 'vitest';
import { KUBECTL_TABWRITER, layoutRows, TabWriter, tabwrite } from './tabwriter.ts';

describe('tabwrite with kubectl settings', () => {
  test('pads each column to its widest cell plus three, the last cell not at all', () => {
    expect(
      layoutRows([
        ['NAME', 'READY', 'AGE'],
        ['web-5d78c9b8f4-x2x7p', '1/1', '5s'],
      ]),
    ).toBe('NAME                   READY   AGE\n' + 'web-5d78c9b8f4-x2x7p   1/1     5s\n');
  });

  test('a column is at least six wide', () => {
    expect(
      layoutRows([
        ['A', 'B'],
        ['c', 'd'],
      ]),
    ).toBe('A     B\nc     d\n');
  });

  test('an empty last cell leaves the padding of the cell before it, as Go does', () => {
    expect(tabwrite('NAME\tAPP\nweb\t\n')).toBe('NAME   APP\nweb    \n');
  });

  test('a line with fewer cells ends the column block; kubectl still remembers the width', () => {
    const text = 'a\tb\nlonger-cell\tc\nx\ny\tz\n';
    expect(tabwrite(text, { ...KUBECTL_TABWRITER, rememberWidths: false })).toBe(
      'a             b\nlonger-cell   c\nx\ny     z\n',
    );
    expect(tabwrite(text)).toBe('a             b\nlonger-cell   c\nx\ny             z\n');
  });

  test('widths count code points, not UTF-16 units or bytes', () => {
    expect(
      layoutRows([
        ['é', 'x'],
        ['ab', 'y'],
      ]),
    ).toBe('é     x\nab    y\n');
    expect(
      layoutRows([
        ['名前名前名前', 'x'],
        ['a', 'y'],
      ]),
    ).toBe('名前名前名前   x\na        y\n');
  });

  test('text without a trailing newline is written at flush', () => {
    expect(tabwrite('a\tb\nc\td')).toBe('a     b\nc     d');
  });

  test('remembered widths keep later chunks aligned with earlier ones', () => {
    const w = new TabWriter();
    w.write('a-long-name\tx\n');
    const first = w.flush();
    w.write('b\ty\n');
    expect(first + w.flush()).toBe('a-long-name   x\nb             y\n');
  });
});

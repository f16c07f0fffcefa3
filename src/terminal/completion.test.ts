import { describe, expect, test } from 'vitest';
import { commandLineWords, complete, escapeForShell, listingRows } from './completion.ts';

describe('complete', () => {
  test('returns nothing for no match, the rest and a space for one, the common prefix and the list for several', () => {
    expect(complete('kub', ['cat', 'echo'])).toEqual({ insert: '', listing: [] });
    expect(complete('kub', ['kubectl', 'cat'])).toEqual({ insert: 'ectl ', listing: [] });
    expect(complete('man', ['manifests/'])).toEqual({ insert: 'ifests/', listing: [] });
    expect(complete('de', ['describe', 'delete', 'get'])).toEqual({ insert: '', listing: ['delete', 'describe'] });
    expect(complete('dep', ['deployments', 'deployment', 'deploy'])).toEqual({
      insert: 'loy',
      listing: ['deploy', 'deployment', 'deployments'],
    });
  });

  test('quotes what it inserts', () => {
    expect(complete('my', ['my notes.txt'], escapeForShell)).toEqual({ insert: '\\ notes.txt ', listing: [] });
  });
});

describe('commandLineWords', () => {
  test('gives the words of the command under the cursor and the partial word', () => {
    expect(commandLineWords('kubectl get po')).toEqual({ words: ['kubectl', 'get'], partial: 'po', redirect: false });
    expect(commandLineWords('kubectl get ')).toEqual({ words: ['kubectl', 'get'], partial: '', redirect: false });
    expect(commandLineWords('')).toEqual({ words: [], partial: '', redirect: false });
    expect(commandLineWords('cat x.yaml | kubectl apply -f - && kub')).toEqual({ words: [], partial: 'kub', redirect: false });
    expect(commandLineWords('echo hi; ls ')).toEqual({ words: ['ls'], partial: '', redirect: false });
  });

  test('takes quotes and backslashes off, and gives up inside an open quote', () => {
    expect(commandLineWords(`kubectl get pods -l 'app=web' -o`)).toEqual({
      words: ['kubectl', 'get', 'pods', '-l', 'app=web'],
      partial: '-o',
      redirect: false,
    });
    expect(commandLineWords('cat my\\ no')).toEqual({ words: ['cat'], partial: 'my no', redirect: false });
    expect(commandLineWords('echo "unfinished')).toBeNull();
  });

  test('a word after > or < names a file and is not one of the command words', () => {
    expect(commandLineWords('kubectl get pods -o yaml > po')).toEqual({
      words: ['kubectl', 'get', 'pods', '-o', 'yaml'],
      partial: 'po',
      redirect: true,
    });
    expect(commandLineWords('kubectl get pods 2>err.txt -')).toEqual({
      words: ['kubectl', 'get', 'pods'],
      partial: '-',
      redirect: false,
    });
  });
});

describe('listingRows', () => {
  test('lays items out down columns as wide as the longest plus two, as many as fit', () => {
    expect(listingRows(['a', 'bb', 'ccc', 'dddd', 'e'], 14)).toEqual(['a     dddd', 'bb    e', 'ccc']);
    expect(listingRows(['a', 'bb', 'ccc', 'dddd', 'e'], 80)).toEqual(['a     bb    ccc   dddd  e']);
    // an item wider than the terminal gets a row of its own
    expect(listingRows(['replicationcontrollers', 'po'], 10)).toEqual(['replicationcontrollers', 'po']);
  });
});

// the workspace's YAML editor: the editor adapter, the only module that imports CodeMirror. it
// edits the learner's files (the file system the terminal sees), checks manifests as the apiserver
// would, completes field names from the explain schema, and stands in for `kubectl edit`'s editor.
// loaded on first use only (kube-workspace imports it dynamically).
import {
  autocompletion,
  insertCompletionText,
  startCompletion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { t } from '../../i18n/index.ts';
import { diagnoseManifest } from '../../sim/kubectl/manifest-diagnostics.ts';
import { describeFsError } from '../../sim/shell/vfs.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { completeManifest } from './completion.ts';
import { EditorUi } from './editor-ui.ts';
import './editor.css';
import { checkNewFileName, displayName, isManifestPath, listFiles, shellPath } from './files.ts';
import { OpenFile } from './open-file.ts';

export interface MountedEditor {
  open(path: string): Promise<void>;
  editText(title: string, text: string): Promise<string | null>;
}

/** syntax colours for each scheme (the darkTheme flag follows prefers-color-scheme); each at least 4.5:1 on --bg */
const highlightFor = (themeType: 'light' | 'dark', c: { key: string; string: string; comment: string; meta: string }) =>
  HighlightStyle.define(
    [
      { tag: tags.definition(tags.propertyName), color: c.key },
      { tag: [tags.string, tags.special(tags.string)], color: c.string },
      { tag: tags.lineComment, color: c.comment, fontStyle: 'italic' },
      { tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: c.meta },
    ],
    { themeType },
  );
const highlightLight = highlightFor('light', { key: '#116329', string: '#0a3069', comment: '#57606a', meta: '#8250df' });
const highlightDark = highlightFor('dark', { key: '#7ee787', string: '#a5d6ff', comment: '#9da7b3', meta: '#d2a8ff' });

/** the site's colours (custom properties from the page's stylesheet inherit into the shadow root) */
const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--bg)', fontSize: '0.9rem' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, monospace" },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { color: 'var(--fg)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--bg)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.85' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--fg)' },
});

/** what differs between the schemes: a theme is one or the other, a base theme can say both */
const schemeTheme = EditorView.baseTheme({
  '&light .cm-activeLine, &light .cm-activeLineGutter': { backgroundColor: 'rgb(29 78 216 / 6%)' },
  '&dark .cm-activeLine, &dark .cm-activeLineGutter': { backgroundColor: 'rgb(122 167 255 / 8%)' },
  '&light.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, &light .cm-selectionBackground': {
    backgroundColor: '#c8d9fb',
  },
  '&dark.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, &dark .cm-selectionBackground': {
    backgroundColor: '#264f78',
  },
});

const prefersDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

function completionSource(context: CompletionContext): CompletionResult | null {
  const found = completeManifest(context.state.doc.toString(), context.pos, context.explicit);
  if (!found) return null;
  return {
    from: found.from,
    validFor: /^[\w./-]*$/,
    options: found.items.map((item) => ({
      label: item.label,
      // a key with choices (imagePullPolicy, type, protocol) opens the list of its values next
      apply: item.offerValues
        ? (view: EditorView, _c: unknown, from: number, to: number) => {
            view.dispatch(insertCompletionText(view.state, item.apply, from, to));
            startCompletion(view);
          }
        : item.apply,
      type: item.kind,
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.info ? { info: item.info } : {}),
    })),
  };
}

/** a buffer: an open file, or kubectl edit's text */
interface Buffer {
  state: EditorState;
  file: OpenFile | null;
}

const mounted = new WeakMap<HTMLElement, Promise<{ editor: MountedEditor; root: HTMLElement }>>();

/** mounts the editor in `host` once: a second call (the pane and a file opening at once) gets the same editor */
export async function mountEditor(host: HTMLElement, workspace: Workspace): Promise<MountedEditor> {
  let mounting = mounted.get(host);
  if (!mounting) {
    mounting = createEditor(host, workspace);
    mounted.set(host, mounting);
  }
  const { editor, root } = await mounting;
  if (!host.contains(root)) host.replaceChildren(root);
  return editor;
}

async function createEditor(host: HTMLElement, workspace: Workspace): Promise<{ editor: MountedEditor; root: HTMLElement }> {
  const live = await workspace.ready();
  const fs = live.machine.session.shell.fs;
  const world = live.machine.world;
  const ui = new EditorUi();
  host.append(ui.root);
  const dark = new Compartment();
  const buffers = new Map<string, Buffer>();
  let active: Buffer | null = null;
  let editing: { buffer: Buffer; resolve: (text: string | null) => void; previous: Buffer | null } | null = null;

  const text = () => view.state.doc.toString();
  const dirty = (b: Buffer | null) => b?.file?.isDirty(b.state.doc.toString()) ?? false;

  /** what kubectl apply -f would say, placed on the lines; `source` names the file as kubectl would */
  const lintWith =
    (source: () => string) =>
    (v: EditorView): Diagnostic[] => {
      const doc = v.state.doc;
      const found = diagnoseManifest(doc.toString(), world.cluster, {
        source: source(),
        namespace: world.kubeconfig.namespace(),
      });
      return found.map((d) => {
        const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
        const indent = /^\s*/.exec(line.text)![0].length;
        const from = line.from + Math.min(d.column !== undefined ? d.column - 1 : indent, line.length);
        return { from, to: Math.max(from, line.to), severity: d.severity, message: d.message };
      });
    };

  /** `label` names the text for screen readers; `manifest` (the name kubectl would use) turns on checks and completion */
  function createState(doc: string, label: string, manifest: (() => string) | null): EditorState {
    const extensions: Extension[] = [
      basicSetup,
      keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (save(), true) }]),
      EditorState.tabSize.of(2),
      indentUnit.of('  '),
      // tabindex: the text is focusable anyway (contenteditable); saying so lets checkers see the scroller is reachable
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      theme,
      schemeTheme,
      syntaxHighlighting(highlightLight),
      syntaxHighlighting(highlightDark),
      dark.of(EditorView.darkTheme.of(prefersDark())),
      EditorView.updateListener.of((update) => update.docChanged && refreshTitle()),
    ];
    if (manifest) {
      extensions.push(
        yaml(),
        yamlLanguage.data.of({ autocomplete: completionSource }),
        autocompletion({ icons: false }),
        linter(lintWith(manifest), { delay: 400 }),
        lintGutter(),
      );
    }
    return EditorState.create({ doc, extensions });
  }

  // CodeMirror lives in a shadow root: there it mounts its styles as a constructed stylesheet, which
  // a strict Content-Security-Policy allows, where in the document it would add an inline <style>
  const shadow = ui.surface.attachShadow({ mode: 'open' });
  const view = new EditorView({ state: createState('', '', null), parent: shadow, root: shadow });

  function show(buffer: Buffer | null): void {
    if (active) active.state = view.state;
    active = buffer;
    if (buffer) {
      view.setState(buffer.state);
      view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(prefersDark())) });
    }
    ui.setMode(editing && buffer === editing.buffer ? 'edit' : buffer ? 'file' : 'empty');
    refreshTitle();
  }

  /** the title, the modified mark and the picker's labels follow the buffer */
  function refreshTitle(): void {
    if (active) active.state = view.state;
    if (editing && active === editing.buffer) ui.setTitle(editTitle, false);
    else if (active?.file) ui.setTitle(displayName(active.file.path, fs.home), dirty(active));
    else ui.setTitle('', false);
    refreshFiles();
  }
  let editTitle = '';

  let listed = '';
  function refreshFiles(): void {
    const paths = listFiles(fs);
    const current = active?.file && !editing ? active.file.path : null;
    if (current && !paths.includes(current)) paths.push(current);
    const entries = paths.map((path) => {
      const name = displayName(path, fs.home);
      return { path, label: dirty(buffers.get(path) ?? null) ? `${name} (${t('editor.modified')})` : name };
    });
    const key = JSON.stringify([entries, current]);
    if (key === listed) return;
    listed = key;
    ui.setFiles(entries, current);
  }

  function readDisk(path: string): string | null {
    const content = fs.readFile(path);
    return typeof content === 'string' ? content : null;
  }

  /** looks at the file on disk: a clean buffer follows it, a modified one is warned about */
  function sync(buffer: Buffer): void {
    if (!buffer.file) return;
    const name = displayName(buffer.file.path, fs.home);
    const bufferText = buffer === active ? text() : buffer.state.doc.toString();
    const change = buffer.file.observe(readDisk(buffer.file.path), bufferText);
    if (change === 'reload') {
      const disk = readDisk(buffer.file.path) ?? '';
      if (buffer === active) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: disk } });
      } else {
        buffer.state = buffer.state.update({ changes: { from: 0, to: buffer.state.doc.length, insert: disk } }).state;
      }
      ui.say('editor.reloaded', { name });
    } else if (change === 'conflict') ui.say('editor.conflict', { name }, 'warning');
    else if (change === 'deleted') ui.say('editor.deleted', { name }, 'warning');
    refreshTitle();
  }

  /** shows a file; `focus` moves the keyboard there (not when the learner is still choosing in the picker) */
  async function open(path: string, focus: boolean): Promise<void> {
    const absolute = fs.resolve(path);
    let buffer = buffers.get(absolute);
    if (!buffer) {
      const disk = readDisk(absolute);
      const label = t('editor.contentLabel', { name: displayName(absolute, fs.home) });
      const manifest = isManifestPath(absolute) ? () => shellPath(absolute, fs.cwd, fs.home) : null;
      buffer = { state: createState(disk ?? '', label, manifest), file: new OpenFile(absolute, disk) };
      buffers.set(absolute, buffer);
    }
    if (editing) {
      // kubectl edit has the editor: this file is shown once the edit ends
      editing.previous = buffer;
      return;
    }
    ui.quiet();
    show(buffer);
    sync(buffer);
    if (focus) view.focus();
  }

  /** writes the open file (or hands kubectl edit its text); false when the write failed */
  function save(): boolean {
    if (editing && active === editing.buffer) {
      finishEdit(text());
      return true;
    }
    const file = active?.file;
    if (!file) return false;
    const content = text();
    const name = displayName(file.path, fs.home);
    const error = fs.writeFile(file.path, content);
    if (error) {
      ui.say('editor.saveFailed', { name, reason: describeFsError(error) }, 'warning');
      return false;
    }
    file.wrote(content);
    workspace.fileWritten(file.path, content);
    ui.say('editor.saved', { name });
    refreshTitle();
    return true;
  }

  async function applyFile(): Promise<void> {
    const file = active?.file;
    if (!file || !save()) return;
    await workspace.run(`kubectl apply -f ${shellPath(file.path, fs.cwd, fs.home)}`);
  }

  function editText(title: string, initial: string): Promise<string | null> {
    editing?.resolve(null);
    return new Promise((resolve) => {
      const previous = editing ? editing.previous : active;
      editTitle = title;
      const label = t('editor.editLabel', { title });
      const buffer: Buffer = { state: createState(initial, label, () => 'edited-file'), file: null };
      editing = { buffer, resolve, previous };
      ui.quiet();
      show(buffer);
      view.focus();
    });
  }

  function finishEdit(result: string | null): void {
    if (!editing) return;
    const { resolve, previous } = editing;
    editing = null;
    ui.say(result === null ? 'editor.editCancelled' : 'editor.editSaved');
    show(previous);
    if (previous) sync(previous);
    resolve(result);
  }

  ui.save.addEventListener('click', () => save());
  ui.apply.addEventListener('click', () => void applyFile());
  ui.cancel.addEventListener('click', () => finishEdit(null));
  ui.picker.addEventListener('change', () => {
    if (ui.picker.value) void open(ui.picker.value, false);
  });
  ui.newFile.addEventListener('click', () => ui.openNameForm());
  ui.nameCancel.addEventListener('click', () => {
    ui.closeNameForm();
    ui.newFile.focus();
  });
  ui.nameForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const checked = checkNewFileName(ui.nameInput.value, fs);
    if (!checked.ok) {
      ui.showNameError(t(checked.message, checked.params));
      ui.nameInput.focus();
      return;
    }
    fs.writeFile(checked.path, '');
    workspace.fileWritten(checked.path, '');
    ui.closeNameForm();
    void open(checked.path, true);
  });
  ui.root.addEventListener('keydown', (e) => {
    // Ctrl-S anywhere in the pane saves rather than the browser's "save page"
    // (in the text CodeMirror's own binding has handled it already)
    if (e.defaultPrevented) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !ui.save.disabled) {
      e.preventDefault();
      save();
    }
  });
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () =>
      view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(prefersDark())) }),
    );
  }
  workspace.onChange(() => {
    if (active && active !== editing?.buffer) sync(active);
    refreshFiles();
  });
  window.addEventListener('beforeunload', (e) => {
    // unsaved text would be lost with the page (saved files are kept)
    if ([...buffers.values()].some(dirty)) e.preventDefault();
  });
  show(null);
  return { editor: { open: (path) => open(path, true), editText }, root: ui.root };
}

// the editor pane's own controls around the text: the file picker, New file, the open file's name
// and state, Save / Apply (Save / Cancel while kubectl edit waits), and a status line read out by
// screen readers. plain DOM, no editor library: the adapter puts CodeMirror in `surface`.
import { t, type MessageKey } from '../../i18n/index.ts';

export type PaneMode = 'empty' | 'file' | 'edit';

let ids = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  // learner-provided names are only ever set as text, never as markup
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className: string, text: string): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  return b;
}

export class EditorUi {
  readonly root = el('div', 'kube-editor');
  readonly picker = el('select', 'editor-picker');
  readonly newFile = button('editor-new', t('editor.newFile'));
  readonly save = button('editor-save editor-primary', t('editor.save'));
  readonly apply = button('editor-apply', t('editor.apply'));
  readonly cancel = button('editor-cancel', t('editor.cancel'));
  readonly nameForm = el('form', 'editor-name-form');
  readonly nameInput = el('input', 'editor-name-input');
  readonly nameCancel = button('editor-name-cancel', t('editor.cancel'));
  /** the shadow host CodeMirror renders into (its styles then need no inline <style>) */
  readonly surface = el('div', 'editor-surface');
  private readonly fileGroup = el('div', 'editor-files');
  private readonly title = el('span', 'editor-title');
  private readonly titleName = el('span', 'editor-title-name');
  private readonly titleState = el('span', 'editor-title-state');
  private readonly hint = el('p', 'editor-hint', t('editor.editHint'));
  private readonly nameError = el('p', 'editor-name-error');
  private readonly status = el('p', 'editor-status');
  private readonly empty = el('p', 'editor-empty', t('editor.empty'));

  constructor() {
    const id = `kube-editor-${++ids}`;
    const pickerLabel = el('label', 'editor-picker-label', t('editor.file'));
    pickerLabel.htmlFor = this.picker.id = `${id}-file`;
    this.fileGroup.append(pickerLabel, this.picker, this.newFile);
    this.title.append(this.titleName, this.titleState);
    this.save.setAttribute('aria-keyshortcuts', 'Control+S Meta+S');
    this.apply.title = t('editor.applyHint');
    const actions = el('div', 'editor-actions');
    actions.append(this.save, this.apply, this.cancel);
    const bar = el('div', 'editor-bar');
    bar.append(this.fileGroup, this.title, actions);

    const nameLabel = el('label', 'editor-name-label', t('editor.fileName'));
    nameLabel.htmlFor = this.nameInput.id = `${id}-name`;
    this.nameInput.type = 'text';
    this.nameInput.autocomplete = 'off';
    this.nameInput.spellcheck = false;
    this.nameInput.placeholder = 'web.yaml';
    this.nameError.id = `${id}-name-error`;
    this.nameInput.setAttribute('aria-describedby', this.nameError.id);
    const create = el('button', 'editor-primary', t('editor.create'));
    create.type = 'submit';
    this.nameForm.append(nameLabel, this.nameInput, create, this.nameCancel, this.nameError);
    this.nameForm.hidden = true;
    this.nameForm.noValidate = true;

    this.status.setAttribute('role', 'status');
    this.root.append(bar, this.nameForm, this.hint, this.status, this.empty, this.surface);
    this.setMode('empty');
  }

  setMode(mode: PaneMode): void {
    this.fileGroup.hidden = mode === 'edit';
    this.apply.hidden = mode === 'edit';
    this.cancel.hidden = mode !== 'edit';
    this.hint.hidden = mode !== 'edit';
    this.save.disabled = mode === 'empty';
    this.apply.disabled = mode === 'empty';
    this.empty.hidden = mode !== 'empty';
    this.surface.hidden = mode === 'empty';
    this.root.dataset['mode'] = mode;
    if (mode === 'edit') this.closeNameForm();
  }

  /** the files the picker offers (value: absolute path, label: as shown); `current` selected */
  setFiles(files: { path: string; label: string }[], current: string | null): void {
    const options = files.map(({ path, label }) => {
      const option = el('option', '', label);
      option.value = path;
      return option;
    });
    if (files.length === 0 || current === null) {
      const none = el('option', '', files.length === 0 ? t('editor.noFiles') : '—');
      none.value = '';
      options.unshift(none);
    }
    this.picker.replaceChildren(...options);
    this.picker.value = current ?? '';
  }

  setTitle(name: string, dirty: boolean): void {
    this.titleName.textContent = name;
    this.titleState.textContent = dirty ? ` (${t('editor.modified')})` : '';
    this.root.dataset['dirty'] = String(dirty);
  }

  say(key: MessageKey, params: Record<string, string> = {}, tone: 'info' | 'warning' = 'info'): void {
    this.status.textContent = t(key, params);
    this.status.dataset['tone'] = tone;
  }

  quiet(): void {
    this.status.textContent = '';
  }

  openNameForm(): void {
    this.nameForm.hidden = false;
    this.nameInput.value = '';
    this.showNameError(null);
    this.nameInput.focus();
  }

  closeNameForm(): void {
    this.nameForm.hidden = true;
  }

  showNameError(message: string | null): void {
    this.nameError.textContent = message ?? '';
    this.nameInput.setAttribute('aria-invalid', String(message !== null));
  }
}

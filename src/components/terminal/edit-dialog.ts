// the editor `kubectl edit` opens in the page: a modal dialog with the object's YAML. Save
// (Ctrl-S) hands the text back, Cancel (Esc) abandons the edit, as quitting vi without saving does.

function button(label: string, kind: 'primary' | 'secondary'): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = `edit-dialog-${kind}`;
  return b;
}

export function openEditDialog(path: string, text: string): Promise<string | null> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'edit-dialog';
    dialog.setAttribute('aria-labelledby', 'edit-dialog-title');
    const title = document.createElement('h2');
    title.id = 'edit-dialog-title';
    // learner-provided text is only ever set as text, never as markup
    title.textContent = `Editing ${path}`;
    const hint = document.createElement('p');
    hint.textContent = 'Save applies your changes; Cancel leaves the object as it was.';
    const area = document.createElement('textarea');
    area.value = text;
    area.spellcheck = false;
    area.rows = 24;
    area.setAttribute('aria-label', `YAML of ${path}`);
    const actions = document.createElement('div');
    actions.className = 'edit-dialog-actions';
    const save = button('Save (Ctrl-S)', 'primary');
    const cancel = button('Cancel (Esc)', 'secondary');
    actions.append(cancel, save);
    dialog.append(title, hint, area, actions);
    document.body.append(dialog);
    let settled = false;
    const finish = (value: string | null) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    save.addEventListener('click', () => finish(area.value));
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
    area.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        finish(area.value);
      }
    });
    dialog.showModal();
    area.focus();
  });
}

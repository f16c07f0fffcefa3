// notices at the top of the page: storage trouble, another tab's changes, a restored session.
// light on purpose (no schemas): anything may raise one, early or late. text only, never markup.
import { t } from '../../i18n/index.ts';

export interface NoticeSpec {
  /** one notice per id: raising it again replaces it */
  id: string;
  tone: 'info' | 'warning';
  text: string;
  /** a technical detail, shown smaller */
  detail?: string;
  /** offer "Export everything" (the learner's data is kept for it) */
  exportAction?: boolean;
  /** an extra action, e.g. "Reload" */
  action?: { label: string; run: () => void };
}

function region(): HTMLElement | null {
  return document.getElementById('notices');
}

export function showNotice(spec: NoticeSpec): void {
  const host = region();
  if (!host) return;
  host.querySelector(`[data-notice="${CSS.escape(spec.id)}"]`)?.remove();
  const box = document.createElement('div');
  box.className = `notice ${spec.tone}`;
  box.dataset['notice'] = spec.id;
  box.setAttribute('role', spec.tone === 'warning' ? 'alert' : 'status');
  const text = document.createElement('p');
  text.textContent = spec.text;
  box.append(text);
  if (spec.detail) {
    const detail = document.createElement('p');
    detail.className = 'notice-detail';
    detail.textContent = spec.detail;
    box.append(detail);
  }
  const actions = document.createElement('div');
  actions.className = 'notice-actions';
  const add = (label: string, run: () => void) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'block-button secondary';
    button.textContent = label;
    button.addEventListener('click', run);
    actions.append(button);
  };
  if (spec.action) add(spec.action.label, spec.action.run);
  if (spec.exportAction) add(t('progress.export'), () => void import('./transfer.ts').then((m) => m.downloadExport()));
  add(t('notice.dismiss'), () => box.remove());
  box.append(actions);
  host.append(box);
}

export function clearNotice(id: string): void {
  region()
    ?.querySelector(`[data-notice="${CSS.escape(id)}"]`)
    ?.remove();
}

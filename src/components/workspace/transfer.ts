// export and import of all progress as one file, from the header's progress menu
import { t } from '../../i18n/index.ts';
import { applyImport, exportProgress, readImport } from '../../workspace/storage-transfer.ts';
import { showNotice } from './notices.ts';
import { pageStore, reportWriteFailure } from './progress.ts';

/** downloads every kubesim entry (set-aside ones too) as kubesim-progress-YYYY-MM-DD.json */
export function downloadExport(): void {
  const file = exportProgress(pageStore());
  const blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `kubesim-progress-${file.exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** reads an export file, says what it will replace, and writes it once the learner agrees */
export async function importFile(file: File): Promise<void> {
  const text = await file.text();
  const plan = readImport(text, pageStore());
  if (!plan.ok) {
    showNotice({ id: 'import', tone: 'warning', text: t('progress.importFailed', { reason: plan.message }) });
    return;
  }
  const question = t('progress.importConfirm', {
    adds: plan.adds.length,
    replaces: plan.replaces.length,
    unchanged: plan.unchanged.length,
  });
  if (plan.replaces.length > 0 && !window.confirm(question)) return;
  const result = applyImport(plan, pageStore());
  if (!result.ok) {
    reportWriteFailure(result);
    return;
  }
  const skipped = plan.skipped.length > 0 ? ' ' + t('progress.importSkipped', { n: plan.skipped.length }) : '';
  showNotice({
    id: 'import',
    tone: 'info',
    text: t('progress.imported', { n: result.written.length }) + skipped,
    action: { label: t('notice.reload'), run: () => location.reload() },
  });
}

/** The home page's progress buttons: Export, Import (merge), Reset (after confirming). */
import { resetProgress, saveProgress } from '../../lib/progress/store.ts';
import { exportProgress, mergeWithReport, parseImport, type MergeReport } from '../../lib/progress/transfer.ts';
import { changeProgress, getProgress, pageStorage, reloadProgress } from '../../islands/progress.ts';

export function initProgressControls(): void {
  const root = document.querySelector<HTMLElement>('[data-progress-controls]');
  if (!root) return;
  root.hidden = false;
  const message = root.querySelector<HTMLElement>('[data-progress-message]')!;
  const file = root.querySelector<HTMLInputElement>('[data-progress-file]')!;
  const dialog = root.querySelector<HTMLDialogElement>('[data-reset-progress-dialog]')!;
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-progress-action="${action}"]`)!;
  const say = (text: string, details: string[] = []) => {
    message.replaceChildren(text);
    if (details.length) {
      const ul = document.createElement('ul');
      for (const d of details) ul.append(Object.assign(document.createElement('li'), { textContent: d }));
      message.append(ul);
    }
  };
  getProgress();

  button('export').addEventListener('click', () => {
    const text = exportProgress(getProgress());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `async-course-progress-${new Date().toISOString().slice(0, 10)}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say('Your progress was exported to a JSON file (see your downloads).');
  });

  button('import').addEventListener('click', () => {
    file.value = '';
    file.click();
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const parsed = parseImport(await chosen.text());
    if (!parsed.ok) {
      say(`“${chosen.name}” wasn't imported: it isn't a usable progress file. What is wrong:`, parsed.errors);
      button('import').focus();
      return;
    }
    let report: MergeReport | undefined;
    const saved = changeProgress((p) => {
      const merged = mergeWithReport(p, parsed.progress);
      report = merged.report;
      Object.assign(p, merged.progress);
    });
    if (!saved.ok || !report) {
      say(`“${chosen.name}” wasn't imported, and your progress is unchanged: ${saved.ok ? 'it could not be merged.' : saved.notice}`);
      button('import').focus();
      return;
    }
    const n = Object.values(parsed.progress.exercises).filter((e) => e.passed).length;
    const q = Object.keys(parsed.progress.quizzes).length;
    say(`Imported “${chosen.name}” and merged it with the progress already in this browser. It holds ${n} passed ${n === 1 ? 'exercise' : 'exercises'} and ${q} ${q === 1 ? 'answer' : 'answers'}. ${mergeSummary(report)}`, report.replacedCode);
    button('import').focus();
  });

  button('reset').addEventListener('click', () => {
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') {
      const storage = pageStorage();
      const result = resetProgress(storage);
      reloadProgress();
      say(result.ok ? 'Your progress was reset. The course starts fresh in this browser.' : result.notice);
      if (result.ok) saveProgress(storage, getProgress());
    } else {
      say('Nothing was reset.');
    }
    button('reset').focus();
  });
}

/** What the merge did, in words that match it: it says so when the file's newer code replaced code here. */
function mergeSummary(report: MergeReport): string {
  const parts = ['Passes on either side count.'];
  if (report.futureIgnored) parts.push(`${report.futureIgnored === 1 ? 'One entry' : `${report.futureIgnored} entries`} in the file had a date in the future, so the copy in this browser was kept.`);
  const n = report.replacedCode.length;
  // Last, because the list of what was replaced follows it.
  parts.push(n ? `The file had newer code for ${n === 1 ? 'one exercise or example' : `${n} exercises or examples`}, which replaced the code here:` : 'No code here was replaced.');
  return parts.join(' ');
}

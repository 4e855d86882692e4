/**
 * "1,000,000" for messages, without Intl: the first `toLocaleString` in a
 * realm builds a NumberFormat from ICU data, about 40 ms of main-thread work
 * that a run's result would otherwise pay for one comma.
 */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A lead time as the manufacturing spec quotes it ("2-3 weeks"), shared by the API and the web app. */
export function leadTimeRange(days: number): string {
  if (days <= 0) return 'In stock';
  if (days < 7) return days === 1 ? '1 day' : `${days} days`;
  if (days === 7) return '1 week';
  const hi = Math.ceil(days / 7);
  return `${hi - 1}-${hi} weeks`;
}

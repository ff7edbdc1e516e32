import { describeFact, type FactPath } from '../../rules/facts/catalog.js';

/**
 * How a person types a fact's value in the chat: 是/否, a choice's label, 1500万, 12%, 2019年6月1日. Scripted users
 * (benchmarks, transcripts) answer this way, so they exercise the dialog's reading of ordinary Chinese.
 */
export function typed(path: string, value: unknown): string {
  const info = describeFact(path as FactPath);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (info.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    const [y, m, d] = value.split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  if (info.kind === 'choice') return info.choices?.find((c) => c.value === value)?.label ?? String(value);
  if (typeof value === 'number') return info.unit === '万元' ? `${value}万` : info.unit === '%' ? `${value}%` : String(value);
  return String(value);
}

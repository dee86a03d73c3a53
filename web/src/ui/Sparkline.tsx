/**
 * A minute-by-minute series as a small line chart with its maximum and time axis written out; the numbers are also
 * in the chart's accessible name.
 */
export function Sparkline({ values, color, label, testId }: { values: number[]; color: string; label: string; testId: string }) {
  const max = Math.max(1, ...values);
  const step = 280 / Math.max(1, values.length - 1);
  const d = values.map((v, i) => `${i ? 'L' : 'M'}${(10 + i * step).toFixed(1)} ${(95 - (v / max) * 80).toFixed(1)}`).join(' ');
  const last = values.at(-1) ?? 0;
  return (
    <svg className="chart" viewBox="0 0 300 110" role="img" aria-label={`${label}: now ${Math.round(last)}, highest ${Math.round(max)} in the last hour`} data-testid={testId}>
      <line x1="10" y1="95" x2="290" y2="95" stroke="#9aa3a8" />
      <text x="10" y="10" fontSize="10" fill="#4f5559">max {Math.round(max)}</text>
      <text x="290" y="108" fontSize="10" fill="#4f5559" textAnchor="end">now</text>
      <text x="10" y="108" fontSize="10" fill="#4f5559">-60 min</text>
      <path d={d} stroke={color} strokeWidth="2" fill="none" data-testid="series" />
    </svg>
  );
}

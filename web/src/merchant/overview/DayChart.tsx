import type { Overview } from '../shapes';

const W = 640;
const H = 200;
const PAD = { left: 32, right: 8, top: 16, bottom: 28 };

/**
 * Returns booked per day as bars, with the pickups made each day as a line over them; the numbers are in the chart's
 * accessible name and, for every day, in the table below it.
 */
export function DayChart({ days }: { days: Overview['perDay'] }) {
  const max = Math.max(1, ...days.map(d => Math.max(d.booked, d.pickedUp)));
  const width = (W - PAD.left - PAD.right) / Math.max(1, days.length);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const line = days.map((d, i) => `${i ? 'L' : 'M'}${(PAD.left + i * width + width / 2).toFixed(1)} ${y(d.pickedUp).toFixed(1)}`).join(' ');
  const booked = days.reduce((sum, d) => sum + d.booked, 0);
  const pickedUp = days.reduce((sum, d) => sum + d.pickedUp, 0);
  const first = days[0]?.date ?? '';
  const last = days.at(-1)?.date ?? '';
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" data-testid="chart-per-day"
        aria-label={`Returns per day from ${first} to ${last}: ${booked} booked, ${pickedUp} picked up, at most ${max} on a day`}>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#7d868b" />
        <text x={PAD.left - 4} y={PAD.top + 4} fontSize="11" fill="#4f5559" textAnchor="end">{max}</text>
        <text x={PAD.left - 4} y={H - PAD.bottom} fontSize="11" fill="#4f5559" textAnchor="end">0</text>
        {days.map((d, i) => (
          <rect key={d.date} data-testid="bar" x={PAD.left + i * width + width * 0.15} width={Math.max(1, width * 0.7)}
            y={y(d.booked)} height={H - PAD.bottom - y(d.booked)} fill="#0b5d4b"><title>{`${d.date}: ${d.booked} booked, ${d.pickedUp} picked up`}</title></rect>
        ))}
        <path d={line} stroke="#114a8b" strokeWidth="2" fill="none" />
        <text x={PAD.left} y={H - 8} fontSize="11" fill="#4f5559">{first}</text>
        <text x={W - PAD.right} y={H - 8} fontSize="11" fill="#4f5559" textAnchor="end">{last}</text>
      </svg>
      <figcaption className="row small">
        <span><span className="key key--booked" aria-hidden="true" /> Booked</span>
        <span><span className="key key--picked" aria-hidden="true" /> Picked up</span>
      </figcaption>
      <details>
        <summary>The numbers per day</summary>
        <div className="table-scroll">
          <table className="small">
            <thead><tr><th scope="col">Day</th><th scope="col">Booked</th><th scope="col">Picked up</th><th scope="col">Delivered</th><th scope="col">Cancelled</th><th scope="col">Failed</th></tr></thead>
            <tbody>
              {days.map(d => (
                <tr key={d.date}><th scope="row">{d.date}</th><td>{d.booked}</td><td>{d.pickedUp}</td><td>{d.delivered}</td><td>{d.cancelled}</td><td>{d.failed}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

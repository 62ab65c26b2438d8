/**
 * The increase over the year before, by component (schedule, step and lane, one-time and stipends, benefits), for
 * each proposal and year: stacked bars drawn as SVG (no chart library). Amounts below zero (a one-time payment that
 * ends) stack downward. Text is SVG text nodes, never markup.
 */
import { tokens } from '@fluentui/react-components';

export interface ChartSeries { name: string; years: { year: string; parts: number[] }[] }

export const PARTS = ['schedule', 'step and lane', 'one-time and stipends', 'benefits'];
const COLORS = ['#0f6cbd', '#8764b8', '#c19c00', '#13a10e'];

const short = (v: number) => {
  const a = Math.abs(v);
  const s = a >= 1e6 ? `${(a / 1e6).toFixed(1)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k` : a.toFixed(0);
  return `${v < 0 ? '−' : ''}$${s}`;
};

export function CostChart({ series }: { series: ChartSeries[] }) {
  const years = series[0]?.years.map((y) => y.year) ?? [];
  const W = 320;
  const H = 190;
  const left = 44;
  const top = 10;
  const bottom = 34;
  const plotH = H - top - bottom;
  let hi = 0;
  let lo = 0;
  for (const s of series)
    for (const y of s.years) {
      hi = Math.max(hi, y.parts.filter((v) => v > 0).reduce((a, b) => a + b, 0));
      lo = Math.min(lo, y.parts.filter((v) => v < 0).reduce((a, b) => a + b, 0));
    }
  if (hi === lo) hi = 1;
  const yOf = (v: number) => top + ((hi - v) / (hi - lo)) * plotH;
  const groupW = (W - left - 4) / Math.max(years.length, 1);
  const barW = Math.min(28, (groupW - 8) / Math.max(series.length, 1) - 2);
  const label = series.map((s, i) => `${i + 1} = ${s.name}`).join(', ');
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Increase over the year before by component; bars ${label}`} style={{ maxWidth: 480, display: 'block' }}>
        <title>Increase over the year before by component</title>
        {[hi, 0, lo].filter((v, i, a) => a.indexOf(v) === i).map((v) => (
          <g key={v}>
            <line x1={left} x2={W - 2} y1={yOf(v)} y2={yOf(v)} stroke={v === 0 ? '#616161' : '#e0e0e0'} strokeWidth={v === 0 ? 1 : 0.5} />
            <text x={left - 4} y={yOf(v) + 3} fontSize="9" textAnchor="end" fill="#424242">
              {short(v)}
            </text>
          </g>
        ))}
        {years.map((year, g) => {
          const x0 = left + g * groupW + (groupW - series.length * (barW + 2)) / 2;
          return (
            <g key={year}>
              {series.map((s, i) => {
                const parts = s.years[g]?.parts ?? [];
                let up = 0;
                let down = 0;
                const x = x0 + i * (barW + 2);
                return (
                  <g key={s.name}>
                    {parts.map((v, k) => {
                      if (v === 0) return null;
                      const from = v > 0 ? up : down;
                      const to = from + v;
                      if (v > 0) up = to;
                      else down = to;
                      const y = yOf(Math.max(from, to));
                      return (
                        <rect key={k} x={x} y={y} width={barW} height={Math.max(0.5, Math.abs(yOf(from) - yOf(to)))} fill={COLORS[k]}>
                          <title>{`${s.name}, ${year}, ${PARTS[k]}: ${v.toLocaleString('en-US', { style: 'currency', currency: 'USD' })}`}</title>
                        </rect>
                      );
                    })}
                    <text x={x + barW / 2} y={H - bottom + 11} fontSize="9" textAnchor="middle" fill="#424242">
                      {i + 1}
                    </text>
                  </g>
                );
              })}
              <text x={left + g * groupW + groupW / 2} y={H - bottom + 24} fontSize="10" textAnchor="middle" fill="#242424">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: tokens.fontSizeBase200, display: 'flex', flexWrap: 'wrap', gap: '4px 10px' }}>
        {PARTS.map((p, k) => (
          <span key={p}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[k], marginRight: 4 }} />
            {p}
          </span>
        ))}
        <span>Bars: {label}</span>
      </figcaption>
    </figure>
  );
}

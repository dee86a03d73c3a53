// Reads the Lighthouse JSON reports of a bench/web run and prints (and writes as Markdown) the figures against the
// aims of issue 14 and as ratios to the reference page measured in the same run.
import { readFileSync, writeFileSync } from 'node:fs';

const [resultsDir, ...pages] = process.argv.slice(2);
const AIM = { score: 90, lcpMs: 2500, jsKb: 200 };

function figures(name) {
  const report = JSON.parse(readFileSync(`${resultsDir}/${name}.report.json`, 'utf8'));
  const requests = report.audits['network-requests']?.details?.items ?? [];
  const js = requests.filter(r => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const score = key => Math.round((report.categories[key]?.score ?? 0) * 100);
  const failing = Object.values(report.audits).filter(a => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
    .map(a => a.id);
  return {
    name,
    url: report.finalDisplayedUrl,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: Math.round(report.audits['largest-contentful-paint'].numericValue),
    tbtMs: Math.round(report.audits['total-blocking-time'].numericValue),
    cls: report.audits['cumulative-layout-shift'].numericValue,
    jsKb: js / 1024,
    failing,
  };
}

const reference = figures('reference');
const rows = pages.map(figures);
const pass = row => row.performance >= AIM.score && row.accessibility >= AIM.score && row.bestPractices >= AIM.score
  && row.lcpMs < AIM.lcpMs && row.jsKb <= AIM.jsKb;

const header = '| page | performance | accessibility | best practices | LCP | LCP vs reference | TBT | CLS | JS (transferred) | aims |';
const line = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
const format = row => `| ${row.name} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${(row.lcpMs / 1000).toFixed(2)} s | `
  + `${(row.lcpMs / reference.lcpMs).toFixed(2)}x | ${row.tbtMs} ms | ${row.cls.toFixed(3)} | ${row.jsKb.toFixed(1)} KB | `
  + `${row === reference ? 'reference' : pass(row) ? 'met' : 'MISSED'} |`;
const table = [header, line, format(reference), ...rows.map(format)].join('\n');
const notes = rows.filter(row => row.failing.length).map(row => `- ${row.name}: failing audits ${row.failing.join(', ')}`).join('\n');
const markdown = `Aims (issue 14): every score >= ${AIM.score}, LCP < ${AIM.lcpMs / 1000} s, JS <= ${AIM.jsKb} KB per first page. `
  + 'Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU slowdown), headless Chromium.\n\n' + table + (notes ? `\n\n${notes}` : '') + '\n';
writeFileSync(`${resultsDir}/web.md`, markdown);
writeFileSync(`${resultsDir}/web.svg`, chart([reference, ...rows]));
console.log(table);
if (notes) console.log(notes);
console.log(rows.every(pass) ? 'VERDICT every aim met' : 'VERDICT some aims missed');

/** The run as a picture: each page's three scores (bars, aim 90) and its LCP against the 2.5 s aim. */
function chart(all) {
  const width = 640;
  const rowHeight = 58;
  const height = 40 + all.length * rowHeight;
  const x = score => 150 + score * 2.6;
  const colours = { performance: '#0b5d4b', accessibility: '#114a8b', bestPractices: '#7a4a00' };
  const bars = all.map((row, index) => {
    const top = 30 + index * rowHeight;
    const scores = Object.entries(colours).map(([key, colour], k) =>
      `<rect x="150" y="${top + k * 12}" width="${x(row[key]) - 150}" height="10" fill="${colour}"><title>${key} ${row[key]}</title></rect>`
      + `<text x="${x(row[key]) + 4}" y="${top + k * 12 + 9}" font-size="10">${row[key]}</text>`).join('');
    const lcp = `<text x="${width - 10}" y="${top + 21}" font-size="12" text-anchor="end" fill="${row.lcpMs < AIM.lcpMs ? '#0b5d4b' : '#a4161a'}">LCP ${(row.lcpMs / 1000).toFixed(2)} s · JS ${row.jsKb.toFixed(0)} KB</text>`;
    return `<text x="10" y="${top + 21}" font-size="13" font-weight="600">${row.name}</text>${scores}${lcp}`;
  }).join('');
  const aim = `<line x1="${x(AIM.score)}" y1="22" x2="${x(AIM.score)}" y2="${height - 8}" stroke="#a4161a" stroke-dasharray="4 3"/>`
    + `<text x="${x(AIM.score)}" y="16" font-size="10" text-anchor="middle" fill="#a4161a">aim 90</text>`;
  const legend = Object.entries(colours).map(([key, colour], k) =>
    `<rect x="${10 + k * 120}" y="${height - 14}" width="10" height="10" fill="${colour}"/><text x="${24 + k * 120}" y="${height - 5}" font-size="10">${key}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 10}" viewBox="0 0 ${width} ${height + 10}" font-family="system-ui, sans-serif">`
    + `<rect width="100%" height="100%" fill="#fff"/>${aim}${bars}${legend}</svg>\n`;
}

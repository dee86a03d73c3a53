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
console.log(table);
if (notes) console.log(notes);
console.log(rows.every(pass) ? 'VERDICT every aim met' : 'VERDICT some aims missed');

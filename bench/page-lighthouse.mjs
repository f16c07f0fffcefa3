// Lighthouse's mobile audit (its default: a mid-range phone on a throttled 4G network,
// simulated) of a few pages, in the system Chromium. a failure is reported, never thrown.
import * as chromeLauncher from 'chrome-launcher';

/**
 * runs Lighthouse `runs` times per URL; resolves with the median scores and metrics per URL,
 * or with { error } saying why Lighthouse could not run here
 */
export async function lighthouseScores(urls, { chromePath, flags, runs = 3, log }) {
  let lighthouse;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch (error) {
    return { error: `Lighthouse could not be loaded: ${String(error)}` };
  }
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      ...(chromePath ? { chromePath } : {}),
      chromeFlags: ['--headless=new', ...flags],
      logLevel: 'silent',
    });
  } catch (error) {
    return { error: `Chromium could not be started for Lighthouse: ${String(error)}` };
  }
  const scores = {};
  try {
    for (const url of urls) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no report for ${url}`);
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
        samples.push({
          performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
          fcp: metric('first-contentful-paint'),
          lcp: metric('largest-contentful-paint'),
          tbt: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
          si: metric('speed-index'),
          failedA11y: Object.values(lhr.audits)
            .filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id))
            .map((a) => a.id),
        });
      }
      samples.sort((a, b) => a.performance - b.performance);
      scores[url] = samples[Math.floor(samples.length / 2)];
      log(`lighthouse ${new URL(url).pathname}: performance ${samples.map((s) => s.performance).join(', ')}`);
    }
  } catch (error) {
    return { error: `Lighthouse failed: ${String(error)}`, scores };
  } finally {
    chrome.kill();
  }
  return { scores };
}

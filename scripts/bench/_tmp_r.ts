import { loadSite } from "../../src/content/load.ts";
import { renderLeafletBraille } from "../../src/braille/renderer.ts";
const t0 = performance.now();
const { site, diagnostics } = await loadSite(process.cwd());
if (!site) { console.log(diagnostics); process.exit(1); }
for (const l of site.leaflets) {
  const out = await renderLeafletBraille(l, site);
  console.log(l.slug, out.pages, out.label, out.warnings.length, (performance.now()-t0).toFixed(0));
  for (const w of out.warnings.slice(0, 10)) console.log("  ", w);
  await import("node:fs").then(fs => { fs.writeFileSync(`/tmp/br/${l.slug}.txt`, out.text); fs.writeFileSync(`/tmp/br/${l.slug}.html`, out.proof); });
}
console.log("rss", process.memoryUsage().rss/1e6);

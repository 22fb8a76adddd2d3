// The print edition's content-addressed cache: a leaflet's PDFs are rendered again only when something that goes
// into them changes: its model slice, the settings, the lexicon (Uni-Voice text), the template, the font files,
// the braille label, or the renderer itself (its source files, the react-pdf patch and versions).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { BrailleLabel, RenderContext } from "../edition/contract.ts";
import { ContentCache, hashKey } from "../lib/cache.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import type { PrintResult } from "./index.ts";
import type { PrintTemplate } from "./template.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

let rendererStamp: string | undefined;

/** A hash of the renderer: every non-test source file of src/print/, the patches and the react-pdf version. */
export function rendererVersion(): string {
  if (rendererStamp) return rendererStamp;
  const h = createHash("sha256");
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (!name.endsWith(".test.ts") && !file.includes(`${path.sep}testing${path.sep}`)) h.update(name).update(readFileSync(file));
    }
  };
  walk(path.join(ROOT, "src/print"));
  walk(path.join(ROOT, "patches"));
  for (const pkg of ["@react-pdf/renderer", "pdf-lib", "sharp"]) {
    try {
      h.update(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json")));
    } catch {
      h.update(pkg);
    }
  }
  // The shared code the PDFs are made with: speech script (Uni-Voice text), model walkers, QR, layout of URLs.
  for (const rel of ["src/reading/speech.ts", "src/model/walk.ts", "src/model/sentences.ts", "src/lib/qr.ts", "src/edition/layout.ts"]) {
    try {
      h.update(readFileSync(path.join(ROOT, rel)));
    } catch {
      h.update(rel);
    }
  }
  rendererStamp = h.digest("hex");
  return rendererStamp;
}

const fontHashes = new Map<string, string>();

// A font file's content hash, remembered while its size and time stay the same.
function fontHash(file: string): string {
  let stamp = "missing";
  try {
    const st = statSync(file);
    stamp = `${file}:${st.size}:${st.mtimeMs}`;
  } catch {
    return stamp;
  }
  const known = fontHashes.get(stamp);
  if (known) return known;
  const sum = createHash("sha256").update(readFileSync(file)).digest("hex");
  fontHashes.set(stamp, sum);
  return sum;
}

/** The cache key of a leaflet's print render. Source positions are left out: moving a line changes no page. */
export async function renderKey(leaflet: Leaflet, site: SiteModel, template: PrintTemplate, braille: BrailleLabel | null): Promise<string> {
  const { positions: _p, pos: _q, ...model } = leaflet;
  const { positions: _s, ...settings } = site.settings;
  const { file: _f, ...tpl } = template;
  return hashKey({
    model: stripPositions(model),
    settings,
    lexicon: site.lexicon.map((e) => [e.word, e.reading]),
    template: tpl,
    fonts: [fontHash(settings.print.fonts.regular), fontHash(settings.print.fonts.bold)],
    images: imageHashes(leaflet),
    braille,
    renderer: rendererVersion(),
  });
}

function imageHashes(leaflet: Leaflet): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "image" && typeof o.file === "string") {
        try {
          out.push(createHash("sha256").update(readFileSync(o.file)).digest("hex"));
        } catch {
          out.push("missing");
        }
      }
      for (const val of Object.values(o)) if (val && typeof val === "object") visit(val);
    }
  };
  visit(leaflet.body);
  return out;
}

// The model without `pos` fields: a source position moves when lines are added above, and changes no print.
function stripPositions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripPositions);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) if (k !== "pos") out[k] = stripPositions(val);
    return out;
  }
  return v;
}

type Cached = Omit<PrintResult, "office" | "printShop">;

/** The cached render for `key`, or a fresh one (stored); a damaged entry is reported and rendered again. */
export async function cachedRender(
  ctx: RenderContext,
  key: string,
  leaflet: Leaflet,
  make: () => Promise<PrintResult>,
): Promise<PrintResult> {
  const cache = new ContentCache(ctx.cacheDir, "print", (message) => ctx.report({ severity: "warning", message, leaflet }));
  const meta = await cache.getText(key, "json");
  if (meta) {
    const office = await cache.get(key, "pdf");
    const printShop = await cache.get(`${key}-print`, "pdf");
    if (office && printShop) {
      const m = JSON.parse(meta) as Cached;
      return { ...m, office: new Uint8Array(office), printShop: new Uint8Array(printShop), timings: { officeMs: 0, printMs: 0 } };
    }
  }
  const r = await make();
  await cache.put(key, "pdf", r.office);
  await cache.put(`${key}-print`, "pdf", r.printShop);
  const { office: _o, printShop: _s, ...rest } = r;
  // The metadata goes last: an entry counts only once all three files are there.
  await cache.put(key, "json", JSON.stringify(rest));
  return r;
}

// Finding a leaflet's print template by name: `layout: poster` means `<project>/templates/poster.yaml`.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { BUILTIN_TEMPLATES } from "../edition/context.ts";
import { RenderError } from "../edition/contract.ts";
import { formatDiagnostic } from "../lib/diagnostics.ts";
import type { Leaflet } from "../model/types.ts";
import { type PrintTemplate, readTemplate, type TemplateResult, templateFile } from "./template.ts";

const loaded = new Map<string, { stamp: string; result: TemplateResult | null }>();

/**
 * Reads a template by name (cached while its file is unchanged): the project's own `templates/<name>.yaml` first,
 * else the one shipped with the toolchain; null when neither exists.
 */
export function findTemplate(templatesDir: string, name: string): TemplateResult | null {
  const own = findIn(templatesDir, name);
  return own ?? (path.resolve(templatesDir) === BUILTIN_TEMPLATES ? null : findIn(BUILTIN_TEMPLATES, name));
}

function findIn(templatesDir: string, name: string): TemplateResult | null {
  const file = templateFile(templatesDir, name);
  let stamp = "";
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    return null;
  }
  const known = loaded.get(file);
  if (known && known.stamp === stamp) return known.result;
  const display = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
  const result = readTemplate(templatesDir, name, display.split(path.sep).join("/"));
  loaded.set(file, { stamp, result });
  return result;
}

/** The names of the templates a project can use (its own and the shipped ones), for "the templates are: …" hints. */
export function templateNames(templatesDir: string): string[] {
  const names = (dir: string) => {
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => f.slice(0, -5));
    } catch {
      return [];
    }
  };
  return [...new Set([...names(templatesDir), ...names(BUILTIN_TEMPLATES)])].sort();
}

/** The template a leaflet asks for, or a RenderError located at its `layout:` field. */
export function loadTemplate(templatesDir: string, leaflet: Leaflet): PrintTemplate {
  const found = findTemplate(templatesDir, leaflet.layout);
  const pos = leaflet.positions?.layout ?? leaflet.pos;
  if (!found)
    throw new RenderError(`there is no print template 「${leaflet.layout}」 (templates/${leaflet.layout}.yaml)`, {
      leaflet,
      pos,
      hint: `use one of ${templateNames(templatesDir).join(", ") || "leaflet, booklet"}, or copy templates/leaflet.yaml to templates/${leaflet.layout}.yaml`,
    });
  if (!found.ok) {
    const first = found.diagnostics.items[0];
    throw new RenderError(`the print template 「${leaflet.layout}」 has errors: ${formatDiagnostic(first)}`, {
      leaflet,
      pos: { file: first.file, line: first.line, column: first.column },
      hint: first.hint ?? "run `leaflet check` to see every problem",
    });
  }
  return found.template;
}

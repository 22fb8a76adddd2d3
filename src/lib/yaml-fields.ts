// Reads YAML with positions and checks fields one by one, so each problem points at its line.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { closest, type Diagnostics } from "./diagnostics.ts";

/** A YAML document inside a file, with the line offset where it starts. */
export class YamlSource {
  readonly root: Node | null;
  /** True when the YAML could not be read; field checks then stay quiet rather than pile up. */
  readonly failed: boolean;
  readonly file: string;
  private readonly lines = new LineCounter();
  /** 1-based line in the file of the YAML text's first line. */
  private readonly firstLine: number;
  private readonly diags: Diagnostics;

  constructor(file: string, text: string, firstLine: number, diags: Diagnostics) {
    this.file = file;
    this.firstLine = firstLine;
    this.diags = diags;
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) {
      const at = this.lines.linePos(e.pos[0]);
      diags.error(
        file,
        at.line + firstLine - 1,
        at.col,
        `YAML syntax: ${firstSentence(e.message)}`,
        "each line is `name: value`; indent list items with two spaces; quote values that contain `: ` or start with `[`",
      );
    }
    this.failed = doc.errors.length > 0;
    this.root = this.failed ? null : (doc.contents as Node | null);
  }

  /** Line and column in the file of a node (or of the document start). */
  pos(node: Node | null | undefined): { line: number; column: number } {
    const offset = node?.range?.[0] ?? 0;
    const p = this.lines.linePos(offset);
    return { line: p.line + this.firstLine - 1, column: p.col };
  }

  error(node: Node | null | undefined, message: string, hint?: string): void {
    const p = this.pos(node);
    this.diags.error(this.file, p.line, p.column, message, hint);
  }
}

/** One mapping's fields, checked against the names it may have. */
export class Fields {
  private readonly map: YAMLMap | null;
  private readonly src: YamlSource;
  private readonly what: string;

  constructor(src: YamlSource, node: Node | null | undefined, what: string, known: readonly string[]) {
    this.src = src;
    this.what = what;
    if (node && !isMap(node)) {
      src.error(node, `${what} must be a list of \`name: value\` lines`);
      this.map = null;
      return;
    }
    this.map = (node as YAMLMap | null) ?? null;
    for (const pair of this.map?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!known.includes(key)) {
        const guess = closest(key, known);
        src.error(
          pair.key as Node,
          `unknown field "${key}" in ${what}`,
          guess ? `did you mean "${guess}"?` : `the fields are: ${known.join(", ")}`,
        );
      }
    }
  }

  node(key: string): Node | undefined {
    const pair = this.map?.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
    return (pair?.value ?? undefined) as Node | undefined;
  }

  keyNode(key: string): Node | undefined {
    const pair = this.map?.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
    return pair?.key as Node | undefined;
  }

  /** Where to point when a required field is missing: the mapping itself. */
  get anchor(): Node | null {
    return this.map;
  }

  string(key: string, opts: { required?: boolean; pattern?: RegExp; patternHint?: string; example?: string } = {}): string | undefined {
    const node = this.node(key);
    if (node === undefined || (isScalar(node) && (node.value === null || node.value === ""))) {
      if (opts.required && !this.src.failed) {
        this.src.error(this.anchor, `missing field "${key}" in ${this.what}`, `add a line \`${key}: ${opts.example ?? "…"}\``);
      }
      return undefined;
    }
    if (!isScalar(node) || typeof node.value === "object") {
      this.src.error(node, `"${key}" must be a single value`, `write it on one line: \`${key}: ${opts.example ?? "…"}\``);
      return undefined;
    }
    const value = String(node.value).trim();
    if (opts.pattern && !opts.pattern.test(value)) {
      this.src.error(node, `"${key}" has an invalid value 「${value}」`, opts.patternHint);
      return undefined;
    }
    return value;
  }

  number(key: string, opts: { min: number; max: number }): number | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    const value = isScalar(node) ? Number(node.value) : Number.NaN;
    if (!Number.isFinite(value) || value < opts.min || value > opts.max) {
      this.src.error(node, `"${key}" must be a number from ${opts.min} to ${opts.max}`);
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== "boolean") {
      this.src.error(node, `"${key}" must be true or false`);
      return undefined;
    }
    return node.value;
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      this.src.error(this.node(key), `"${key}" must be one of ${choices.join(", ")}, not 「${value}」`);
      return undefined;
    }
    return value as T;
  }

  /** The items of a list field (each a YAML node), or an error when it is not a list. */
  list(key: string): Node[] {
    const node = this.node(key);
    if (node === undefined) return [];
    if (!isSeq(node)) {
      this.src.error(node, `"${key}" must be a list (lines starting with "- ")`);
      return [];
    }
    return node.items as Node[];
  }
}

function firstSentence(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
}

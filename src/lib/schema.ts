// Declared schemas: one table per object (name, kind, required, range or pattern, default, hint, example) that
// drives the parsing, the defaults and every error message of a YAML file, and that the docs are checked against.
import type { Node } from "yaml";
import type { Position as SourcePos } from "./diagnostics.ts";
import { Fields, type YamlSource } from "./yaml-fields.ts";

interface FieldBase {
  /** What the field is for, in one sentence: the docs say the same. */
  doc: string;
  required?: boolean;
  /** A value to show in "add a line `name: example`" hints. */
  example?: string;
}

export interface StringField extends FieldBase {
  kind: "string";
  pattern?: RegExp;
  /** What to do when the pattern does not match. */
  patternHint?: string;
  default?: string;
}
export interface NumberField extends FieldBase {
  kind: "number";
  min: number;
  max: number;
  default?: number;
  /** Unit shown in the docs (mm, pt, s). */
  unit?: string;
}
export interface BooleanField extends FieldBase {
  kind: "boolean";
  default?: boolean;
}
export interface EnumField<T extends string = string> extends FieldBase {
  kind: "enum";
  values: readonly T[];
  default?: T;
}
export interface ObjectField extends FieldBase {
  kind: "object";
  /** How messages name it: "the header", "audio settings". */
  what: string;
  fields: Record<string, FieldSpec>;
  /** Absent means absent (undefined), not "all defaults": for objects with required fields of their own. */
  optional?: boolean;
}
export interface ListField extends FieldBase {
  kind: "list";
  of: ObjectField;
}
export type FieldSpec = StringField | NumberField | BooleanField | EnumField | ObjectField | ListField;

/** Builders that keep the tables short; they keep the literal options, so `Infer` knows what is required. */
export const field = {
  string: <const O extends Omit<StringField, "kind" | "doc">>(doc: string, o: O = {} as O) => ({ kind: "string" as const, doc, ...o }),
  number: <const O extends Omit<NumberField, "kind" | "doc">>(doc: string, o: O) => ({ kind: "number" as const, doc, ...o }),
  boolean: <const O extends Omit<BooleanField, "kind" | "doc">>(doc: string, o: O = {} as O) => ({ kind: "boolean" as const, doc, ...o }),
  enum: <const T extends string, const O extends Omit<EnumField<T>, "kind" | "doc" | "values">>(
    doc: string,
    values: readonly T[],
    o: O = {} as O,
  ) => ({
    kind: "enum" as const,
    doc,
    values,
    ...o,
  }),
  object: <const F extends Record<string, FieldSpec>>(what: string, doc: string, fields: F) => ({
    kind: "object" as const,
    what,
    doc,
    fields,
  }),
  /** An object that may be left out entirely (then undefined), though its own fields may be required. */
  optionalObject: <const F extends Record<string, FieldSpec>>(what: string, doc: string, fields: F) => ({
    kind: "object" as const,
    what,
    doc,
    fields,
    optional: true as const,
  }),
  list: <const O extends ObjectField>(doc: string, of: O) => ({ kind: "list" as const, doc, of }),
};

/** The value a field reads as: required fields and fields with a default are never undefined. */
export type Infer<S> = S extends { kind: "object"; fields: infer F; optional: true }
  ? { -readonly [K in keyof F]: Infer<F[K]> } | undefined
  : S extends { kind: "object"; fields: infer F }
    ? { -readonly [K in keyof F]: Infer<F[K]> }
    : S extends { kind: "list"; of: infer O }
      ? Infer<O>[]
      : Present<S> extends true
        ? Scalar<S>
        : Scalar<S> | undefined;

type Present<S> = S extends { required: true } ? true : S extends { default: unknown } ? true : false;
type Scalar<S> = S extends { kind: "string" }
  ? string
  : S extends { kind: "number" }
    ? number
    : S extends { kind: "boolean" }
      ? boolean
      : S extends { kind: "enum"; values: readonly (infer T)[] }
        ? T
        : never;

/** What reading an object gives: plain values with defaults filled in, and where each field was written. */
export interface ReadResult {
  value: Record<string, unknown>;
  positions: Record<string, SourcePos>;
  /** The YAML nodes, by dotted path, for checks that need to point at a value after the schema has read it. */
  nodes: Record<string, Node>;
}

/**
 * Reads `node` (a YAML mapping, or undefined for an absent one) by the table: every problem is reported at its
 * line and column, unknown fields get a "did you mean", and absent fields take their default.
 */
export function readObject<S extends ObjectField>(
  src: YamlSource,
  node: Node | null | undefined,
  spec: S,
  prefix = "",
): ReadResult & { value: Infer<S> } {
  const out: ReadResult = { value: {}, positions: {}, nodes: {} };
  readInto(src, node, spec, prefix, out, out.value);
  return out as ReadResult & { value: Infer<S> };
}

function readInto(
  src: YamlSource,
  node: Node | null | undefined,
  spec: ObjectField,
  prefix: string,
  out: ReadResult,
  into: Record<string, unknown>,
): void {
  const f = new Fields(src, node, spec.what, Object.keys(spec.fields));
  for (const [key, fs] of Object.entries(spec.fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const valueNode = f.node(key);
    if (valueNode) {
      const p = src.pos(valueNode);
      out.positions[path] = { file: src.file, line: p.line, column: p.column };
      out.nodes[path] = valueNode;
    }
    switch (fs.kind) {
      case "string":
        into[key] =
          f.string(key, { required: fs.required, pattern: fs.pattern, patternHint: fs.patternHint, example: fs.example }) ?? fs.default;
        break;
      case "number":
        into[key] = f.number(key, { min: fs.min, max: fs.max }) ?? fs.default;
        if (into[key] === undefined && fs.required) f.string(key, { required: true, example: fs.example });
        break;
      case "boolean":
        into[key] = f.boolean(key) ?? fs.default;
        if (into[key] === undefined && fs.required && !valueNode) f.string(key, { required: true, example: fs.example });
        break;
      case "enum":
        into[key] = f.oneOf(key, fs.values) ?? fs.default;
        if (into[key] === undefined && fs.required && !valueNode) f.string(key, { required: true, example: fs.example });
        break;
      case "object": {
        if (fs.optional && !valueNode) {
          into[key] = undefined;
          break;
        }
        const child: Record<string, unknown> = {};
        readInto(src, valueNode, fs, path, out, child);
        into[key] = child;
        break;
      }
      case "list":
        into[key] = f.list(key).map((item, i) => {
          const child: Record<string, unknown> = {};
          const itemPath = `${path}.${i}`;
          const p = src.pos(item);
          out.positions[itemPath] = { file: src.file, line: p.line, column: p.column };
          readInto(src, item, fs.of, itemPath, out, child);
          return child;
        });
        break;
    }
  }
}

/** The value an absent object takes: every field's default (nested objects too), lists empty. */
export function defaultsOf<S extends ObjectField>(spec: S): Infer<S> {
  return defaultsInto(spec) as Infer<S>;
}

function defaultsInto(spec: ObjectField): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fs] of Object.entries(spec.fields)) {
    if (fs.kind === "object") out[key] = fs.optional ? undefined : defaultsInto(fs);
    else if (fs.kind === "list") out[key] = [];
    else out[key] = fs.default;
  }
  return out;
}

/** Every field's documented path (`audio.speed`, `speakers[].pitch`), for the docs check and generated tables. */
export function fieldPaths(spec: ObjectField, prefix = ""): { path: string; spec: FieldSpec }[] {
  const out: { path: string; spec: FieldSpec }[] = [];
  for (const [key, fs] of Object.entries(spec.fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({ path, spec: fs });
    if (fs.kind === "object") out.push(...fieldPaths(fs, path));
    else if (fs.kind === "list") out.push(...fieldPaths(fs.of, `${path}[]`));
  }
  return out;
}

// The part of fontkit (a dependency of react-pdf) the print check uses: whether a font has a glyph.
declare module "fontkit" {
  export function create(data: Buffer): unknown;
}

// Public surface of the braille edition: the translator, BRF, pagination, the label and the renderer.

export { BRF_ASCII, brailleToBrf, brfToBraille, cell, cellCount, dotsOf } from "./cells.ts";
export { analyzeKana, type SpacedKanaOptions, toSpacedKana } from "./kana.ts";
export { type BrailleLabel, brailleLabel } from "./label.ts";
export { type BrailleBlock, PAGE_DEFAULTS, type PageOptions, paginate } from "./paginate.ts";
export { brailleRenderer } from "./renderer.ts";
export { type Translation, toBraille, translate } from "./translate.ts";
export { kanaToBraille, kanaToBrailleReport, UntranslatableError } from "./writer.ts";

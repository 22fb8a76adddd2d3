// Public surface of the braille edition: the translator, BRF, pagination, the label and the renderer.
export { brailleCommand } from "./cli.ts";
export { BRF_ASCII, brailleToBrf, brfToBraille, cellCount, kanaToBraille, kanaToBrailleReport, UntranslatableError } from "./cells.ts";
export { analyzeKana, type SpacedKanaOptions, toSpacedKana } from "./kana.ts";
export { type BrailleLabel, brailleLabel } from "./label.ts";
export { type BrailleBlock, type PageOptions, paginate, PAGE_DEFAULTS } from "./paginate.ts";
export { brailleRenderer } from "./renderer.ts";
export { toBraille, type Translation, translate } from "./translate.ts";

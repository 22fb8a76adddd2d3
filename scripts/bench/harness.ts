// Shared shape of the benchmark: each edition adds a stage that reports rows of figures.
import type { SiteModel } from "../../src/model/types.ts";

export interface BenchRow {
  stage: string;
  corpus: "sample" | "large";
  metric: string;
  value: number;
  unit: string;
}

export interface BenchContext {
  /** Project root. */
  root: string;
  /** The sample content, parsed. */
  sample: SiteModel;
  /** A generated corpus (100 leaflets × 60 questions), parsed. */
  large: SiteModel;
  /** A scratch folder for outputs, removed after the run. */
  scratch: string;
  row(row: BenchRow): void;
}

/** A bench stage: measures one edition and reports rows. */
export type BenchStage = (ctx: BenchContext) => Promise<void>;

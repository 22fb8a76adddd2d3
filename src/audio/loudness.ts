// Integrated loudness (ITU-R BS.1770-4 / EBU R128) of 48 kHz mono PCM, measured in-process.
// This is the first pass of the two-pass normalisation: measuring here costs a few milliseconds per minute of speech,
// where an ffmpeg analysis pass would cost a quarter of the synthesis time again.

/** K-weighting filter coefficients at 48 kHz from BS.1770-4 (pre-filter shelf, then RLB high-pass). */
const SHELF = { b: [1.53512485958697, -2.69169618940638, 1.19839281085285], a: [-1.69065929318241, 0.73248077421585] };
const HIGHPASS = { b: [1, -2, 1], a: [-1.99004745483398, 0.99007225036621] };

/** What one pass over a unit's samples measures: its loudness, and the peak of every 100 ms step (for the limiter). */
export interface LoudnessMeasure {
  lufs: number;
  /** Largest absolute sample of each 100 ms step; samples after the last whole step are not covered. */
  stepPeaks: Int32Array;
  stepSamples: number;
}

/** Integrated loudness in LUFS (−70 for silence) of 16-bit mono samples at 48 kHz. */
export function integratedLoudness(samples: Int16Array, sampleRate = 48000): number {
  return measureLoudness(samples, sampleRate).lufs;
}

/** Integrated loudness (BS.1770-4) and the peak of every 100 ms step, in one pass over 48 kHz mono samples. */
export function measureLoudness(samples: Int16Array, sampleRate = 48000): LoudnessMeasure {
  if (sampleRate !== 48000) throw new Error("integratedLoudness expects 48 kHz audio");
  const step = sampleRate / 10; // 100 ms: blocks are 400 ms with 75 % overlap
  const steps = Math.floor(samples.length / step);
  const stepPower = new Float64Array(steps);
  const stepPeaks = new Int32Array(steps);
  // This loop is the cost of the measurement. The filters run on raw sample values (the 1/32768 scale is applied to
  // the sums), and two samples are filtered per turn with each second output written from the outputs two samples
  // back (y[n+1] = f[n+1] − a1·f[n] + (a1² − a2)·y[n−1] + a1·a2·y[n−2]), so that the recursion, which bounds the
  // speed, is walked half as often. The high-pass's feed-forward is (1, −2, 1).
  const [b0, b1, b2] = SHELF.b;
  const [a1, a2] = SHELF.a;
  const [c1, c2] = HIGHPASS.a;
  const ya1 = a1 * a1 - a2;
  const ya2 = a1 * a2;
  const za1 = c1 * c1 - c2;
  const za2 = c1 * c2;
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  let z1 = 0;
  let z2 = 0;
  const scale = 1 / (32768 * 32768 * step);
  for (let s = 0; s < steps; s++) {
    let sum = 0;
    let peak = 0;
    const end = (s + 1) * step;
    for (let i = s * step; i < end; i += 2) {
      const xa = samples[i];
      const xb = samples[i + 1];
      const fa = b0 * xa + b1 * x1 + b2 * x2;
      const fb = b0 * xb + b1 * xa + b2 * x1;
      const ya = fa - a2 * y2 - a1 * y1;
      const yb = fb - a1 * fa + ya2 * y2 + ya1 * y1;
      const ga = ya - 2 * y1 + y2;
      const gb = yb - 2 * ya + y1;
      const za = ga - c2 * z2 - c1 * z1;
      const zb = gb - c1 * ga + za2 * z2 + za1 * z1;
      x2 = xa;
      x1 = xb;
      y2 = ya;
      y1 = yb;
      z2 = za;
      z1 = zb;
      sum += za * za + zb * zb;
      const pa = xa < 0 ? -xa : xa;
      const pb = xb < 0 ? -xb : xb;
      if (pa > peak) peak = pa;
      if (pb > peak) peak = pb;
    }
    stepPower[s] = sum * scale;
    stepPeaks[s] = peak;
  }
  const blocks: number[] = [];
  for (let s = 0; s + 4 <= steps; s++) blocks.push((stepPower[s] + stepPower[s + 1] + stepPower[s + 2] + stepPower[s + 3]) / 4);
  const lufs = (p: number) => -0.691 + 10 * Math.log10(p);
  const absGated = blocks.filter((p) => p > 0 && lufs(p) > -70);
  if (absGated.length === 0) return { lufs: -70, stepPeaks, stepSamples: step };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const relThreshold = lufs(mean(absGated)) - 10;
  const gated = absGated.filter((p) => lufs(p) > relThreshold);
  return { lufs: lufs(mean(gated)), stepPeaks, stepSamples: step };
}

// Integrated loudness (ITU-R BS.1770-4 / EBU R128) of 48 kHz mono PCM, measured in-process.
// This is the first pass of the two-pass normalisation: measuring here costs a few milliseconds per minute of speech,
// where an ffmpeg analysis pass would cost a quarter of the synthesis time again.

/** K-weighting filter coefficients at 48 kHz from BS.1770-4 (pre-filter shelf, then RLB high-pass). */
const SHELF = { b: [1.53512485958697, -2.69169618940638, 1.19839281085285], a: [-1.69065929318241, 0.73248077421585] };
const HIGHPASS = { b: [1, -2, 1], a: [-1.99004745483398, 0.99007225036621] };

/** Integrated loudness in LUFS (−70 for silence) of 16-bit mono samples at 48 kHz. */
export function integratedLoudness(samples: Int16Array, sampleRate = 48000): number {
  if (sampleRate !== 48000) throw new Error("integratedLoudness expects 48 kHz audio");
  const step = sampleRate / 10; // 100 ms: blocks are 400 ms with 75 % overlap
  const steps = Math.floor(samples.length / step);
  const stepPower = new Float64Array(steps);
  // The filters run on raw sample values (the 1/32768 scale is applied to the sums): this loop is the cost of the
  // measurement, so its coefficients live in locals and it does nothing per sample that could be done per step.
  const [sb0, sb1, sb2] = SHELF.b;
  const [sa1, sa2] = SHELF.a;
  const [hb0, hb1, hb2] = HIGHPASS.b;
  const [ha1, ha2] = HIGHPASS.a;
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  let z1 = 0;
  let z2 = 0;
  const scale = 1 / (32768 * 32768 * step);
  for (let s = 0; s < steps; s++) {
    let sum = 0;
    const end = (s + 1) * step;
    for (let i = s * step; i < end; i++) {
      const x = samples[i];
      // The term of the previous output comes last: floating point is not reassociated, so this keeps the
      // recursion's critical path to one multiply and one add per sample.
      const y = sb0 * x + sb1 * x1 + sb2 * x2 - sa2 * y2 - sa1 * y1;
      const z = hb0 * y + hb1 * y1 + hb2 * y2 - ha2 * z2 - ha1 * z1;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      sum += z * z;
    }
    stepPower[s] = sum * scale;
  }
  const blocks: number[] = [];
  for (let s = 0; s + 4 <= steps; s++) blocks.push((stepPower[s] + stepPower[s + 1] + stepPower[s + 2] + stepPower[s + 3]) / 4);
  const lufs = (p: number) => -0.691 + 10 * Math.log10(p);
  const absGated = blocks.filter((p) => p > 0 && lufs(p) > -70);
  if (absGated.length === 0) return -70;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const relThreshold = lufs(mean(absGated)) - 10;
  const gated = absGated.filter((p) => lufs(p) > relThreshold);
  return lufs(mean(gated));
}

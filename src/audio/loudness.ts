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
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  let z1 = 0;
  let z2 = 0;
  for (let s = 0; s < steps; s++) {
    let sum = 0;
    const end = (s + 1) * step;
    for (let i = s * step; i < end; i++) {
      const x = samples[i] / 32768;
      const y = SHELF.b[0] * x + SHELF.b[1] * x1 + SHELF.b[2] * x2 - SHELF.a[0] * y1 - SHELF.a[1] * y2;
      x2 = x1;
      x1 = x;
      const z = HIGHPASS.b[0] * y + HIGHPASS.b[1] * y1 + HIGHPASS.b[2] * y2 - HIGHPASS.a[0] * z1 - HIGHPASS.a[1] * z2;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      sum += z * z;
    }
    stepPower[s] = sum / step;
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

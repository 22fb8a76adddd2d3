// A look-ahead peak limiter for a gain applied later: the second pass of the loudness normalisation.
// The limiter works in the input's own scale, only around the samples that the gain would take over the ceiling;
// the plain gain is applied by the encoder as it converts samples anyway (LAME's --scale), so no pass over the
// whole signal is spent on multiplying it.

/**
 * Lowers `samples` in place around peaks, ramping ahead of them, so that after multiplying by `gainDb` no sample
 * exceeds `ceilingDbfs`. Returns the number of samples it changed.
 */
export function limitForGain(
  samples: Int16Array,
  gainDb: number,
  ceilingDbfs: number,
  sampleRate = 48000,
  peaks?: { stepPeaks: Int32Array; stepSamples: number },
): number {
  const gain = 10 ** (gainDb / 20);
  const ceiling = 32767 * 10 ** (ceilingDbfs / 20);
  const threshold = ceiling / gain;
  const n = samples.length;
  const lookahead = Math.max(1, Math.round(sampleRate * 0.002));
  const releaseSamples = Math.round(sampleRate * 0.05);
  // Spans around samples that would go over the ceiling: the limiter works only there.
  const spans: [number, number][] = [];
  // With the loudness pass's peaks, only the steps that hold a sample over the threshold are looked at.
  const covered = peaks ? peaks.stepPeaks.length * peaks.stepSamples : 0;
  for (let i = 0; i < n; i++) {
    if (peaks && i < covered && peaks.stepPeaks[(i / peaks.stepSamples) | 0] <= threshold) {
      i += peaks.stepSamples - (i % peaks.stepSamples) - 1;
      continue;
    }
    const s = samples[i];
    if (s > threshold || s < -threshold) {
      const start = Math.max(0, i - lookahead);
      const end = Math.min(n, i + lookahead + releaseSamples + lookahead);
      const last = spans[spans.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else spans.push([start, end]);
    }
  }
  let changed = 0;
  for (const [start, end] of spans) {
    limitSpan(samples, start, end, gain, ceiling, lookahead, 1 / releaseSamples);
    changed += end - start;
  }
  return changed;
}

/** Applies `gainDb` with the limiter and returns new samples (what the encoder hears; used by tests and tools). */
export function applyGainWithLimiter(samples: Int16Array, gainDb: number, ceilingDbfs: number, sampleRate = 48000): Int16Array {
  const limited = samples.slice();
  limitForGain(limited, gainDb, ceilingDbfs, sampleRate);
  const gain = 10 ** (gainDb / 20);
  const out = new Int16Array(limited.length);
  for (let i = 0; i < limited.length; i++) {
    const v = Math.round(limited[i] * gain);
    out[i] = Math.min(32767, Math.max(-32768, v));
  }
  return out;
}

function limitSpan(
  samples: Int16Array,
  start: number,
  end: number,
  gain: number,
  ceiling: number,
  lookahead: number,
  release: number,
): void {
  const len = end - start;
  // Gain each sample needs on its own.
  const need = new Float32Array(len);
  for (let k = 0; k < len; k++) {
    const peak = Math.abs(samples[start + k]) * gain;
    need[k] = peak > ceiling ? ceiling / peak : 1;
  }
  // Minimum over the next `lookahead` samples (monotonic deque), so the gain is already down when a peak arrives.
  const ahead = new Float32Array(len);
  const deque = new Int32Array(len);
  let head = 0;
  let tail = 0;
  for (let k = len - 1; k >= 0; k--) {
    while (tail > head && need[deque[tail - 1]] >= need[k]) tail--;
    deque[tail++] = k;
    while (deque[head] > k + lookahead) head++;
    ahead[k] = need[deque[head]];
  }
  // Release slowly after a peak; a moving average over the look-ahead turns each drop into a ramp.
  // Every env value averaged at sample k has k inside its look-ahead window, so the average never exceeds need[k]:
  // no sample goes over the ceiling. The span starts and ends with at least `lookahead` samples at gain 1.
  // Rounding towards zero keeps a limited sample at or under the ceiling once the gain is applied.
  const env = new Float32Array(len);
  let g = 1;
  let sum = lookahead;
  for (let k = 0; k < len; k++) {
    g = Math.min(ahead[k], g + release);
    env[k] = g;
    sum += g - (k >= lookahead ? env[k - lookahead] : 1);
    samples[start + k] = Math.trunc(samples[start + k] * (sum / lookahead));
  }
}

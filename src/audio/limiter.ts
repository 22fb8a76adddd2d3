// Gain with a look-ahead peak limiter, applied in-process: the second pass of the loudness normalisation.
// Doing it here instead of in ffmpeg (volume + alimiter) saves about a third of the encoder's time.

/** Applies `gainDb` and keeps every sample at or below `ceilingDbfs`, ramping the gain down ahead of peaks. */
export function applyGainWithLimiter(samples: Int16Array, gainDb: number, ceilingDbfs: number, sampleRate = 48000): Int16Array {
  const gain = 10 ** (gainDb / 20);
  const ceiling = 32767 * 10 ** (ceilingDbfs / 20);
  const n = samples.length;
  const lookahead = Math.max(1, Math.round(sampleRate * 0.002));
  const releasePerSample = 1 / (sampleRate * 0.05);
  // Gain each sample needs on its own.
  const need = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const peak = Math.abs(samples[i]) * gain;
    need[i] = peak > ceiling ? ceiling / peak : 1;
  }
  // Minimum over the next `lookahead` samples (monotonic deque), so the gain is already down when a peak arrives.
  const ahead = new Float32Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = n - 1; i >= 0; i--) {
    while (tail > head && need[deque[tail - 1]] >= need[i]) tail--;
    deque[tail++] = i;
    while (deque[head] > i + lookahead) head++;
    ahead[i] = need[deque[head]];
  }
  // Release slowly after the peak; a moving average over the look-ahead turns the drop into a ramp.
  const env = new Float32Array(n);
  let g = 1;
  for (let i = 0; i < n; i++) {
    g = Math.min(ahead[i], g + releasePerSample);
    env[i] = g;
  }
  const out = new Int16Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += env[i];
    if (i >= lookahead) sum -= env[i - lookahead];
    // Every env[j] averaged here has sample i inside its look-ahead window, so the average never exceeds need[i]: no overs.
    const avg = sum / Math.min(i + 1, lookahead);
    const v = samples[i] * gain * avg;
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : Math.round(v);
  }
  return out;
}

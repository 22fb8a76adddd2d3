// Minimal RIFF/WAVE reading and writing for 16-bit PCM, the one format our pipeline keeps internally.

/** Mono 16-bit PCM samples with their rate. */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

/** Parses a 16-bit PCM WAV file (mono, or the first channel of a multi-channel file). */
export function parseWav(buf: Uint8Array): Pcm {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (at: number) => String.fromCharCode(buf[at], buf[at + 1], buf[at + 2], buf[at + 3]);
  if (buf.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("not a RIFF/WAVE file");
  let at = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  while (at + 8 <= buf.byteLength) {
    const id = tag(at);
    // Open JTalk writes the RIFF sizes after synthesis; a killed process can leave 0 here, so clamp to the file.
    let size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (body + size > buf.byteLength) size = buf.byteLength - body;
    if (id === "fmt ") {
      const format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
      if (format !== 1 || bits !== 16) throw new Error(`unsupported WAV format ${format}/${bits} bit (16-bit PCM expected)`);
    } else if (id === "data") {
      if (!sampleRate) throw new Error("WAV data chunk before fmt chunk");
      const frames = Math.floor(size / (2 * channels));
      if (channels === 1) {
        // Mono: copy the bytes straight into an aligned Int16Array (WAV is little-endian, as are the machines we run on).
        const samples = new Int16Array(frames);
        new Uint8Array(samples.buffer).set(buf.subarray(body, body + frames * 2));
        return { sampleRate, samples };
      }
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * channels, true);
      return { sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error("WAV file has no data chunk");
}

/** Encodes mono 16-bit PCM as a WAV file. */
export function encodeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  put(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  put(8, "WAVE");
  put(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, "data");
  view.setUint32(40, dataBytes, true);
  new Int16Array(out.buffer, 44, pcm.samples.length).set(pcm.samples);
  return out;
}

/** Duration in seconds of PCM samples. */
export function pcmDuration(pcm: Pcm): number {
  return pcm.samples.length / pcm.sampleRate;
}

// Minimal RIFF/WAVE reading and writing for 16-bit PCM, the one format our pipeline keeps internally.
import { open } from "node:fs/promises";

/** Mono 16-bit PCM samples with their rate. */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

/** What a WAV file's header says: its format and where its samples are. */
export interface WavHeader {
  sampleRate: number;
  channels: number;
  /** Byte offset of the sample data in the file. */
  dataOffset: number;
  /** Bytes of sample data actually in the file (a size the header overstates is clamped to the file). */
  dataBytes: number;
}

/**
 * Reads the chunks before the samples of a 16-bit PCM WAV. `buf` is the start of the file (at least up to the data
 * chunk's header) and `fileSize` its whole length; throws with a reason when it is not such a file.
 */
export function parseWavHeader(buf: Uint8Array, fileSize = buf.byteLength): WavHeader {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (at: number) => String.fromCharCode(buf[at], buf[at + 1], buf[at + 2], buf[at + 3]);
  if (buf.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("not a RIFF/WAVE file");
  let at = 12;
  let sampleRate = 0;
  let channels = 0;
  while (at + 8 <= buf.byteLength) {
    const id = tag(at);
    // Open JTalk writes the RIFF sizes after synthesis; a killed process can leave 0 here, so clamp to the file.
    let size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "data") {
      if (!sampleRate) throw new Error("WAV data chunk before fmt chunk");
      if (size === 0 || body + size > fileSize) size = Math.max(0, fileSize - body);
      return { sampleRate, channels, dataOffset: body, dataBytes: size - (size % (2 * channels)) };
    }
    if (id === "fmt ") {
      if (body + 16 > buf.byteLength) break;
      const format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      const bits = view.getUint16(body + 14, true);
      if (format !== 1 || bits !== 16) throw new Error(`unsupported WAV format ${format}/${bits} bit (16-bit PCM expected)`);
      if (channels < 1) throw new Error("WAV file with no channels");
    }
    at = body + size + (size % 2);
  }
  throw new Error(at + 8 > fileSize ? "WAV file has no data chunk" : "WAV header too long");
}

/** The header of a WAV file on disk, read without its samples. */
export async function readWavHeader(file: string): Promise<WavHeader> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, 1 << 16));
    await handle.read(head, 0, head.length, 0);
    return parseWavHeader(head, size);
  } finally {
    await handle.close();
  }
}

/** Reads the (mono) samples of a WAV file straight into `into` at sample `at`; returns how many there were. */
export async function readWavInto(file: string, header: WavHeader, into: Int16Array, at: number): Promise<number> {
  if (header.channels !== 1) {
    const handle = await open(file, "r");
    try {
      const raw = new Uint8Array(header.dataBytes);
      await handle.read(raw, 0, raw.length, header.dataOffset);
      const pcm = parseWav(raw, header);
      into.set(pcm.samples, at);
      return pcm.samples.length;
    } finally {
      await handle.close();
    }
  }
  const n = header.dataBytes / 2;
  const handle = await open(file, "r");
  try {
    const bytes = new Uint8Array(into.buffer, into.byteOffset + at * 2, n * 2);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, header.dataOffset + done);
      if (bytesRead === 0) throw new Error("WAV file shorter than its header says");
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return n;
}

/** Parses a 16-bit PCM WAV file (mono, or the first channel of a multi-channel file). */
export function parseWav(buf: Uint8Array, known?: WavHeader): Pcm {
  const header = known ?? parseWavHeader(buf);
  const body = known ? buf.subarray(0, header.dataBytes) : buf.subarray(header.dataOffset, header.dataOffset + header.dataBytes);
  const frames = Math.floor(body.byteLength / (2 * header.channels));
  const samples = new Int16Array(frames);
  if (header.channels === 1) {
    // Mono: copy the bytes straight into an aligned Int16Array (WAV is little-endian, as are the machines we run on).
    new Uint8Array(samples.buffer).set(body.subarray(0, frames * 2));
  } else {
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < frames; i++) samples[i] = view.getInt16(i * 2 * header.channels, true);
  }
  return { sampleRate: header.sampleRate, samples };
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

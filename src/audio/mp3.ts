// Just enough MP3 parsing to know how many audio frames a file holds, so chapter times of a joined file are exact.
import { id3v2Length } from "./id3.ts";

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Audio frames of an MPEG layer III file (the Xing/Info header frame excluded), with samples per frame and rate. */
export function mp3Frames(buf: Uint8Array): { frames: number; samplesPerFrame: number; sampleRate: number } {
  let at = id3v2Length(buf);
  let frames = 0;
  let samplesPerFrame = 1152;
  let sampleRate = 0;
  let first = true;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff || (buf[at + 1] & 0xe0) !== 0xe0) {
      // Trailing ID3v1 tag or garbage: stop at the first non-frame.
      break;
    }
    const version = (buf[at + 1] >> 3) & 3; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
    const layer = (buf[at + 1] >> 1) & 3; // 1 = layer III
    const bitrateIndex = buf[at + 2] >> 4;
    const rateIndex = (buf[at + 2] >> 2) & 3;
    const padding = (buf[at + 2] >> 1) & 1;
    if (layer !== 1 || version === 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) break;
    const kbps = (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex];
    sampleRate = RATES[version][rateIndex];
    samplesPerFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate) + padding;
    if (first) {
      first = false;
      const head = String.fromCharCode(...buf.subarray(at + 4, Math.min(at + 48, buf.length)));
      if (head.includes("Xing") || head.includes("Info")) {
        at += length;
        continue;
      }
    }
    frames++;
    at += length;
  }
  return { frames, samplesPerFrame, sampleRate };
}

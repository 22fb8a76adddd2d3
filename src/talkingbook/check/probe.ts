// Facts about an audio file from ffprobe: what the players will really play, not what the timing map says.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CheckerUnavailableError } from "./report.ts";

const run = promisify(execFile);

export interface AudioFacts {
  durationSeconds: number;
  codec: string;
  channels: number;
  sampleRate: number;
}

/** Duration, codec and channels of a media file, measured by ffprobe. */
export async function probeAudio(file: string): Promise<AudioFacts> {
  let stdout: string;
  try {
    ({ stdout } = await run("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], {
      timeout: 30_000,
    }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new CheckerUnavailableError("ffprobe is not installed (hint: run scripts/setup-system.sh, which installs ffmpeg)");
    throw new Error(`ffprobe cannot read ${file}: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`);
  }
  const info = JSON.parse(stdout) as {
    format?: { duration?: string };
    streams?: { codec_type?: string; codec_name?: string; channels?: number; sample_rate?: string }[];
  };
  const audio = info.streams?.find((s) => s.codec_type === "audio");
  if (!audio) throw new Error(`${file} has no audio stream`);
  return {
    durationSeconds: Number(info.format?.duration ?? Number.NaN),
    codec: audio.codec_name ?? "unknown",
    channels: audio.channels ?? 0,
    sampleRate: Number(audio.sample_rate ?? 0),
  };
}

// ID3v2.3 tags written in-process: the tags of a published MP3 (title, album, track number) are put on the cached
// audio as it is copied out, so a new title or a new track order never re-encodes a unit.
// Version 2.3 with UTF-16 text is what car stereos, DAISY players and Windows read most reliably.

/** What a published MP3 says about itself. */
export interface Id3Tags {
  title: string;
  album?: string;
  artist?: string;
  publisher?: string;
  genre?: string;
  /** ISO date (YYYY-MM-DD) or a year. */
  date?: string;
  comment?: string;
  /** Position in the album and its size: written as TRCK `n/N`. */
  track?: { number: number; of: number };
}

/** The ID3v2.3 tag for these fields. */
export function id3v2Tag(tags: Id3Tags): Uint8Array {
  const frames: Uint8Array[] = [textFrame("TIT2", tags.title)];
  if (tags.album) frames.push(textFrame("TALB", tags.album));
  if (tags.artist) frames.push(textFrame("TPE1", tags.artist));
  if (tags.publisher) frames.push(textFrame("TPUB", tags.publisher));
  if (tags.genre) frames.push(textFrame("TCON", tags.genre));
  if (tags.track) frames.push(textFrame("TRCK", `${tags.track.number}/${tags.track.of}`));
  const date = tags.date ? /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(tags.date) : null;
  if (date) {
    frames.push(textFrame("TYER", date[1]));
    // ID3v2.3 keeps day and month apart from the year, as DDMM.
    if (date[2]) frames.push(textFrame("TDAT", `${date[3]}${date[2]}`));
  }
  if (tags.comment) frames.push(commentFrame(tags.comment));
  const body = concat(frames);
  const header = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, ...syncsafe(body.length)]);
  return concat([header, body]);
}

/** The MP3 with its ID3v2 tag (if any) replaced by `tag`. */
export function retag(mp3: Uint8Array, tag: Uint8Array): Uint8Array {
  return concat([tag, mp3.subarray(id3v2Length(mp3))]);
}

/** Bytes taken by an ID3v2 tag at the start of the file (0 when there is none). */
export function id3v2Length(buf: Uint8Array): number {
  if (buf.length < 10 || buf[0] !== 0x49 || buf[1] !== 0x44 || buf[2] !== 0x33) return 0;
  const size = ((buf[6] & 0x7f) << 21) | ((buf[7] & 0x7f) << 14) | ((buf[8] & 0x7f) << 7) | (buf[9] & 0x7f);
  return 10 + size + (buf[5] & 0x10 ? 10 : 0);
}

function textFrame(id: string, text: string): Uint8Array {
  return frame(id, concat([new Uint8Array([1]), utf16(text)]));
}

function commentFrame(text: string): Uint8Array {
  // Encoding, language, an empty description (BOM and terminator), then the text.
  return frame("COMM", concat([new Uint8Array([1, 0x6a, 0x70, 0x6e]), utf16(""), new Uint8Array([0, 0]), utf16(text)]));
}

function frame(id: string, body: Uint8Array): Uint8Array {
  const head = new Uint8Array(10);
  for (let i = 0; i < 4; i++) head[i] = id.charCodeAt(i);
  new DataView(head.buffer).setUint32(4, body.length);
  return concat([head, body]);
}

/** UTF-16 little-endian with a byte-order mark, as ID3v2.3 encoding 1 asks. */
function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >> 8;
  }
  return out;
}

function syncsafe(n: number): number[] {
  return [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Pictures in tests. A reply's picture for the transport specs, independent of any command that draws
 * one: a real PNG, made here with zlib (a blue bar on white). And reading the pictures that arrive or
 * that replies carry: their size from the header, the pixels decoded by an independent decoder
 * (pngjs), and how many pixels are drawn on (not the white background).
 */
import { deflateSync } from "node:zlib";
import { PNG } from "pngjs";
import type { BotCore } from "../../src/bot/core.js";
import type { Reply, ReplyPicture } from "../../src/reply/reply.js";

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width × height RGB PNG: white, with a blue bar across its middle third. */
export function pngBytes(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff); // filter byte 0 is overwritten below
    row[0] = 0;
    const inBar = y >= height / 3 && y < (2 * height) / 3;
    if (inBar) for (let x = 0; x < width; x++) row.set([0x3b, 0x82, 0xf6], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** What a PNG's header says: its width and height (IHDR), or undefined when it is no PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (buffer.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** A reply's picture with a real PNG; `png()` counts its calls. Any field can be replaced. */
export function testPicture(
  overrides: Partial<Omit<ReplyPicture, "png">> & { png?: () => Uint8Array } = {},
): ReplyPicture & { drawn: number } {
  const width = overrides.width ?? 48;
  const height = overrides.height ?? 24;
  const bytes = pngBytes(width, height);
  const picture = {
    name: "timeline-test.png",
    alt: "A timeline of the test truce: one bar from 19 January to 1 March.",
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`,
    ...overrides,
    width,
    height,
    drawn: 0,
    png() {
      picture.drawn += 1;
      return overrides.png ? overrides.png() : new Uint8Array(bytes);
    },
  };
  return picture;
}

/** `reply` with a test picture (or the one given). */
/**
 * An answer with `picture` in place of its own, or with none when it is undefined; errors unchanged.
 */
export function repictured(reply: Reply, picture: ReplyPicture | undefined): Reply {
  if (reply.kind !== "answer") return reply;
  const { picture: _own, ...rest } = reply;
  return picture ? { ...rest, picture } : rest;
}

/**
 * The core, its answers (not its errors) given `picture()`'s picture in place of the one the command
 * drew (none when it gives undefined): for the transport specs, whatever the commands draw.
 * Everything else is the core's own.
 */
export function picturingCore(core: BotCore, picture: () => ReplyPicture | undefined = testPicture): BotCore {
  const add = (reply: Reply): Reply => repictured(reply, reply.kind === "answer" ? picture() : undefined);
  const wrapped: BotCore = Object.create(core);
  wrapped.answerQuestion = (name, raw) => add(core.answerQuestion(name, raw));
  wrapped.answerInChannel = async (name, raw, invocation) =>
    add(await core.answerInChannel(name, raw, invocation));
  return wrapped;
}

/** The PNG's pixels as RGBA, decoded by pngjs (it throws on a broken file). */
export function decodePng(bytes: Uint8Array): { width: number; height: number; data: Buffer } {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: png.data };
}

/** How many pixels of a decoded PNG are not white (what was drawn). */
export function inkPixels(bytes: Uint8Array): number {
  const { data } = decodePng(bytes);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] ?? 255) < 250 || (data[i + 1] ?? 255) < 250 || (data[i + 2] ?? 255) < 250) n++;
  }
  return n;
}

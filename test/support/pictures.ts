/**
 * Reading the pictures replies carry: PNG bytes decoded by an independent decoder (pngjs), their size
 * from the header, and how many pixels are drawn on (not the white background).
 */
import { PNG } from "pngjs";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** The PNG's pixels as RGBA, decoded by pngjs (it throws on a broken file). */
export function decodePng(bytes: Uint8Array): { width: number; height: number; data: Buffer } {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: png.data };
}

/** Width and height from the PNG's header (IHDR), after checking its signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  PNG_SIGNATURE.forEach((b, i) => {
    if (bytes[i] !== b) throw new Error("not a PNG: its signature is wrong");
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
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

/**
 * Files sent to the Discord stand-in: a message with attachments comes as multipart/form-data, its
 * JSON in the `payload_json` part and each file in a part `files[n]`
 * (https://discord.com/developers/docs/reference#uploading-files). The stand-in records the JSON as
 * the request's body and the files with their bytes, as Discord would receive them.
 */
import type { IncomingMessage } from "node:http";
import { pngSize } from "../pictures.js";

/** A file part of a request: `files[n]`, its file name, type and bytes. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export function isMultipart(headers: IncomingMessage["headers"]): boolean {
  return (headers["content-type"] ?? "").startsWith("multipart/form-data");
}

/** The JSON of `payload_json` (undefined when there is none) and the file parts, in order. */
export async function readMultipart(
  raw: Buffer,
  headers: IncomingMessage["headers"],
): Promise<{ body: unknown; files: UploadedFile[] }> {
  // The platform's own parser of multipart bodies (undici's, behind Response.formData()).
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": headers["content-type"] ?? "" },
  }).formData();
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      filename: value.name,
      contentType: value.type,
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, files };
}

/**
 * The attachment objects Discord returns in the message for the files it was sent: each
 * `attachments` entry of the JSON `{ id: n }` matched with its part `files[n]`.
 */
export function attachmentObjects(body: unknown, files: readonly UploadedFile[]): Record<string, unknown>[] {
  const listed = ((body as { attachments?: { id: string | number; description?: string }[] })?.attachments ??
    []) as { id: string | number; description?: string }[];
  return listed.flatMap((entry, i) => {
    const file = files.find((f) => f.field === `files[${entry.id}]`);
    if (!file) return [];
    const size = pngSize(file.bytes);
    return [
      {
        id: `${Date.now()}${i}`,
        filename: file.filename,
        ...(entry.description ? { description: entry.description } : {}),
        content_type: file.contentType,
        size: file.bytes.length,
        url: `https://cdn.discordapp.com/attachments/0/0/${file.filename}`,
        proxy_url: `https://media.discordapp.net/attachments/0/0/${file.filename}`,
        ...(size ? size : {}),
      },
    ];
  });
}

/**
 * A form body in bytes, for the bot's one undici (docs/decisions/0040-one-http-client.md). The platform
 * libraries build their uploads' forms with the global FormData, Node's own undici's, which another
 * copy of undici does not take for a form; Node's own Response encodes it, boundary and all.
 */
export async function encodedBody(
  body: FormData | URLSearchParams | Blob,
): Promise<{ bytes: Uint8Array; type: string | undefined }> {
  const encoded = new Response(body);
  return {
    bytes: new Uint8Array(await encoded.arrayBuffer()),
    type: encoded.headers.get("content-type") ?? undefined,
  };
}

import { describe, expect, it } from "vitest";
import { encodedBody } from "../../src/platforms/forms.js";

describe("a form body in bytes", () => {
  it("encodes a global FormData as multipart, with its boundary in the type and each part in the bytes", async () => {
    const form = new FormData();
    form.append("payload_json", '{"content":"hi"}');
    form.append("files[0]", new Blob(["PNG"], { type: "image/png" }), "timeline.png");
    const { bytes, type } = await encodedBody(form);
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(type ?? "")?.[1];
    expect(boundary).toBeDefined();
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="payload_json"`);
    expect(text).toContain('filename="timeline.png"\r\nContent-Type: image/png\r\n\r\nPNG');
    expect(text.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
  });

  it("encodes search parameters as a urlencoded form, and a blob as its bytes with its type", async () => {
    const params = await encodedBody(new URLSearchParams({ a: "1 2" }));
    expect(new TextDecoder().decode(params.bytes)).toBe("a=1+2");
    expect(params.type).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    const blob = await encodedBody(new Blob(["x"], { type: "text/plain" }));
    expect(blob).toEqual({ bytes: new Uint8Array([120]), type: "text/plain" });
  });
});

/** The body was larger than the route takes. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
    this.name = "BodyTooLarge";
  }
}

/**
 * Reads a request body, giving up as soon as it passes `limitBytes`: Content-Length may be missing
 * (chunked uploads) or wrong, and `request.formData()` alone would buffer whatever it is sent.
 */
export async function readLimitedBody(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limitBytes) throw new BodyTooLarge(limitBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw new BodyTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Multipart form data from a body already read within its limit. */
export async function parseFormData(body: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<FormData> {
  return new Response(body, { headers: { "content-type": contentType ?? "" } }).formData();
}

import { AppError } from "../errors/app-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The raw body, refused with 413 over 1 MB (by Content-Length first, then by what actually arrives). */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB.");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client closed the connection mid-body: its fault, not a server error (and nobody reads the answer).
      throw new AppError("INVALID_JSON", "The request body ended before its declared end (the connection was closed).");
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB.");
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** JSON from a body: 415 for another content type, 400 INVALID_JSON if it does not parse. */
export function parseJsonBody(request: Request, text: string): unknown {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  if (text.trim() === "") throw new AppError("INVALID_JSON", "The body is empty: send a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("INVALID_JSON", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

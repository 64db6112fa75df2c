import { AppError } from "../errors/app-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The request's JSON body: 415 for another content type, 413 over 1 MB, 400 INVALID_JSON if it does not parse. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB.");
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB.");
  const text = new TextDecoder().decode(buffer);
  if (text.trim() === "") throw new AppError("INVALID_JSON", "The body is empty: send a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("INVALID_JSON", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

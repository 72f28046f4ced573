const PUBLISH_DIAGNOSTICS = "textDocument/publishDiagnostics";
/** Documents whose diagnostics' JSON is kept: those typed into last. */
const DOCUMENTS_KEPT = 4;
/** Never in JSON.stringify's output, which escapes control characters: marks where the list goes. */
const LIST = "\u0000";
const COMMA = Buffer.from(",");

/** The UTF-8 JSON of each frozen diagnostic published for the documents of the last publications, by document. */
const kept = new Map<string, WeakMap<object, Buffer>>();

function keptFor(uri: unknown): WeakMap<object, Buffer> {
  const key = String(uri);
  let json = kept.get(key);
  kept.delete(key);
  kept.set(key, (json ??= new WeakMap()));
  for (const oldest of kept.keys()) {
    if (kept.size <= DOCUMENTS_KEPT) break;
    kept.delete(oldest);
  }
  return json;
}

/** An object JSON.stringify writes key by key, with nothing of its own to say how (no toJSON). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || "toJSON" in value) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** JSON.stringify of a plain object, with the value of `key` written by `write`. */
function objectJson(object: Record<string, unknown>, key: string, write: (value: unknown) => string | undefined): string {
  const members: string[] = [];
  for (const name of Object.keys(object)) {
    const json = name === key ? write(object[name]) : JSON.stringify(object[name]);
    if (json !== undefined) members.push(`${JSON.stringify(name)}:${json}`);
  }
  return `{${members.join(",")}}`;
}

/**
 * The JSON of a publication's diagnostics as pieces of UTF-8, frozen diagnostics from the JSON
 * kept of each; undefined for any other message. The language service freezes its diagnostics
 * whole and hands the same objects back after a keystroke wherever they did not change, so most
 * of a large unit's findings used to be turned into the same text at every publication (a
 * megabyte for 3,000 findings).
 */
function publicationPieces(message: unknown): Buffer[] | undefined {
  const params = isPlainObject(message) && message.method === PUBLISH_DIAGNOSTICS ? message.params : undefined;
  if (!isPlainObject(params) || !Array.isArray(params.diagnostics) || "toJSON" in params.diagnostics) return undefined;
  const list: unknown[] = params.diagnostics;
  const outline = objectJson(message as Record<string, unknown>, "params", () => objectJson(params, "diagnostics", () => LIST));
  const json = keptFor(params.uri);
  const pieces: Buffer[] = [];
  // Text not yet in a piece: the JSON of diagnostics not frozen, brackets and commas.
  let text = `${outline.slice(0, outline.indexOf(LIST))}[`;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) text += ",";
    const diagnostic = list[i];
    if (typeof diagnostic !== "object" || diagnostic === null || !Object.isFrozen(diagnostic)) {
      // In an array, what JSON cannot say (undefined, a function) is written as null.
      text += JSON.stringify(diagnostic) ?? "null";
      continue;
    }
    let bytes = json.get(diagnostic);
    if (bytes === undefined) json.set(diagnostic, (bytes = Buffer.from(JSON.stringify(diagnostic) ?? "null")));
    if (text !== "") pieces.push(text === "," ? COMMA : Buffer.from(text));
    pieces.push(bytes);
    text = "";
  }
  pieces.push(Buffer.from(`${text}]${outline.slice(outline.indexOf(LIST) + 1)}`));
  return pieces;
}

/** A message framed for a stream: its header and its JSON, byte for byte what JSON.stringify writes. */
export function messageFrame(message: unknown): string | Buffer {
  const pieces = publicationPieces(message);
  if (!pieces) {
    const json = JSON.stringify(message);
    return `Content-Length: ${Buffer.byteLength(json, "utf8")}\r\n\r\n${json}`;
  }
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const header = Buffer.from(`Content-Length: ${length}\r\n\r\n`, "ascii");
  return Buffer.concat([header, ...pieces], header.length + length);
}

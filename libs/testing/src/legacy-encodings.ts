/**
 * Text as Arabic Excel saves a CSV (windows-1256), for import tests. Node decodes that code page
 * but does not encode it, so the table is the decoder's, turned around.
 */
const WINDOWS_1256 = (() => {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return table;
})();

export function encodeWindows1256(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const byte = WINDOWS_1256.get(ch);
      if (byte === undefined) throw new Error(`not in windows-1256: ${ch}`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}

/** Excel's "Unicode Text": UTF-16 little-endian with its byte-order mark. */
export function encodeUtf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

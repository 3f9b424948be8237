// Writes a brotli copy (.br) beside each file given, at the strongest setting: built once,
// sent to every browser that accepts it (the server prefers it to the .gz copy). Node's
// zlib, so no other tool is needed.
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

for (const file of process.argv.slice(2)) {
  const raw = readFileSync(file);
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
  };
  writeFileSync(`${file}.br`, brotliCompressSync(raw, { params }));
}

import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { fingerprint } from "./fingerprint";

const HASH_BYTES = 8;

/**
 * Runs a CommonJS bundle as `require` would and returns its exports; `provided` answers the
 * bundle's `require` of the modules it names (one copy of a library shared by two bundles). The
 * bundle is compiled with V8's code cache, kept beside it: most of the start of a large bundle is
 * compiling it, and with the cache V8 reads back what it compiled the last time instead. The
 * cache begins with the bundle's fingerprint (V8 itself checks only the source's length) and is
 * written again when missing, stale or refused, where the directory is writable.
 *
 * V8 refuses a cache made under other V8 flags. A bundle that runs before flags change takes its
 * cache as soon as it has loaded (`cacheAtLoad`); the others a moment after their start, so that
 * the cache holds what the start compiled.
 */
export function runBundle(bundle: string, options: { provided?: Readonly<Record<string, unknown>>; cacheAtLoad?: boolean } = {}): unknown {
  const { provided = {}, cacheAtLoad = false } = options;
  const source = readFileSync(bundle);
  const hash = fingerprint(source);
  const cacheFile = `${bundle}.cache`;
  const cached = readCache(cacheFile, hash);
  // esbuild writes ASCII only, which latin1 turns into a string without decoding.
  const script = new Script(wrap(source.toString("latin1")), { filename: bundle, ...(cached && { cachedData: cached }) });
  const module = { exports: {} };
  const nodeRequire = createRequire(bundle);
  const require = (id: string) => (Object.hasOwn(provided, id) ? provided[id] : nodeRequire(id));
  script.runInThisContext()(module.exports, require, module, bundle, dirname(bundle));
  if (!cached || script.cachedDataRejected) {
    const data = cacheAtLoad ? script.createCachedData() : undefined;
    keepCache(() => data ?? script.createCachedData(), cacheFile, hash);
  }
  return module.exports;
}

/** Writes the cache a moment later in a server, or at exit in a command that ends sooner; nothing waits for it. */
function keepCache(data: () => Buffer, cacheFile: string, hash: Buffer): void {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    writeCache(cacheFile, Buffer.concat([hash, data()]));
  };
  setTimeout(write, 2_000).unref();
  process.once("exit", write);
}

function readCache(cacheFile: string, hash: Buffer): Buffer | undefined {
  try {
    const data = readFileSync(cacheFile);
    return data.subarray(0, HASH_BYTES).equals(hash) ? data.subarray(HASH_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: another process may be starting from the same bundle. */
function writeCache(cacheFile: string, data: Buffer): void {
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only installation starts without a cache, as before.
    rmSync(temporary, { force: true });
  }
}

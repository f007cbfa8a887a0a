#!/usr/bin/env node
// Launcher. Everything lives in the bundle, dist/cli.js: one script (scripts/build.mjs) that this file compiles with
// `vm.Script` and a V8 code cache, so that from the second run on V8 reads the compiled code instead of parsing and
// compiling ≈750 kB of JavaScript (issue 17).
//
// The code cache is one file per bundle, Node and V8 version, under the user cache directory that the price cache
// uses (DR_ADVISOR_CACHE_DIR > XDG_CACHE_HOME/dr-advisor > ~/.cache/dr-advisor, as src/cli/inputs.ts
// resolveCacheDir), in `code/`. It is made on the first run, when the process ends; written atomically (a temp file,
// then rename); used only when it is a regular file of ours, not writable by others, whose checksum holds (V8 does
// not check one: a damaged cache would crash the process). Anything else (no directory, a read-only one, a damaged
// or foreign file, a cache V8 rejects) falls back to a normal compile, silently; a rejected or damaged cache is
// rewritten. DR_ADVISOR_NO_CODE_CACHE=1 turns it off; DR_ADVISOR_DEBUG_CODE_CACHE=1 prints on stderr what happened.
//
// With --debug, stack traces are mapped to src/…ts lines through the bundle's source map: source maps are enabled
// before the bundle loads, and the bundle is compiled by the CommonJS loader, which applies them (a vm.Script does
// not); no code cache then. Node never reads a map otherwise.
//
// This file is CommonJS (bin/package.json): an ES-module entry costs Node's ESM loader, ≈10 ms at every start.
'use strict';
const { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.js');
const env = process.env;
const trace = env.DR_ADVISOR_DEBUG_CODE_CACHE === '1' ? (line) => process.stderr.write(`dr-advisor code cache: ${line}\n`) : () => {};

/**
 * Header of a cache file: magic, format (which checksum), reserved, length and checksum of the V8 data, and the parts
 * of the bundle whose code it holds (see {@link parts}). The file name holds the Node version, so a file is only read
 * by the Node (and checksum) that wrote it.
 */
const MAGIC = 0x43435244; // "DRCC"
/** 1: the two FNV-style lanes of {@link checksum}. (2, zlib's CRC-32, was written by earlier builds: read as damaged.) */
const FORMAT = 1;
const HEADER = 24;
/** A code cache is about 1 MB; anything far larger is not one of ours. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** How many code caches of other builds or Node versions are kept besides this build's. */
const KEEP = 8;

/**
 * What kind of run this is, for the cache's file name: `estimate` of an example, `estimate-file` (a workload file:
 * the YAML parser and validation too), `check`, or `other` (--version, --help, init, schema…). Each kind has its own
 * cache, holding the code that kind compiled and no more (deserialising costs by the size).
 */
function runKind() {
  const args = process.argv.slice(2);
  const command = args.find((a) => !a.startsWith('-'));
  if (command === 'check') return 'check';
  if (command !== 'estimate') return 'other';
  return args.some((a) => a === '-f' || a === '--file' || a.startsWith('--file=') || /^-f./.test(a)) ? 'estimate-file' : 'estimate';
}

/**
 * The `.lazy.ts` modules this run loaded, as bits (the bundle reports them through `__dr_lazy`; scripts/build.mjs):
 * a cache is rewritten when a run loaded one that it does not hold (`estimate -f plan.json` needs the Terraform
 * import that `estimate -f dr.yaml` does not), so that it ends up holding the code of every path of its kind.
 */
let parts = 0;
const loaded = [];
const noteLazy = (i, name) => {
  if ((parts & (1 << i)) === 0) loaded.push(name);
  parts |= 1 << i;
};
if (env.DR_ADVISOR_DEBUG_CODE_CACHE === '1') process.on('exit', () => trace(`lazy parts loaded: ${loaded.join(' ') || 'none'}`));

/**
 * A checksum of the V8 data, against damage (not tampering: see the ownership check): two FNV-style lanes over its
 * little-endian 32-bit words, then its last bytes, computed by a 205-byte WebAssembly module
 * (src/launcher/checksum.wat; the base64 below is written by scripts/build-wasm.mjs). Compiled code from the first
 * call, ≈0.3 ms a megabyte: node:zlib's CRC-32 cost every run ≈3 ms of module loading (it loads the stream classes),
 * and the same loop in JavaScript 3–7 ms a megabyte, interpreted.
 */
let fnv;
function checksum(bytes) {
  if (!fnv) {
    const wasm = Buffer.from(/*wasm:checksum*/ 'AGFzbQEAAAABBwFgAX8Cf38DAgEABQMBAAEHEAIGbWVtb3J5AgADZm52AAAKngEBmwEBBX9BxbvyiHghBEGR6ZeqAiEFIABBfHEhAgJAA0AgASACTw0BIAEoAgAhAyAEIANzQZODgAhsIQQgBSADcyAEQQ12c0GV08feBWwhBSABQQRqIQEMAAsLAkADQCABIABPDQEgAS0AACEDIAQgA3NBk4OACGwhBCAFIANzIARBDXZzQZXTx94FbCEFIAFBAWohAQwACwsgBCAFCw==' /*wasm:end*/, 'base64');
    fnv = new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports;
  }
  const memory = fnv.memory;
  const pages = Math.ceil(bytes.length / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  new Uint8Array(memory.buffer, 0, bytes.length).set(bytes);
  const [a, b] = fnv.fnv(bytes.length);
  return [a >>> 0, b >>> 0];
}

/** The cache file of a bundle (by its hash) on this Node, or undefined (turned off, or no usable home directory). */
function cachePath(hash) {
  if (env.DR_ADVISOR_NO_CODE_CACHE && env.DR_ADVISOR_NO_CODE_CACHE !== '0') return undefined;
  if (!hash) return undefined;
  let dir;
  try {
    dir = env.DR_ADVISOR_CACHE_DIR || (env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'dr-advisor') : join(homedir(), '.cache', 'dr-advisor'));
  } catch {
    return undefined;
  }
  return join(dir, 'code', `cli-${hash}-node${process.version}-v8-${process.versions.v8}-${process.arch}-${runKind()}.bin`);
}

/**
 * The cache file's V8 data and command bits, or why there is none. Opened without following a symlink and without
 * blocking (a FIFO never hangs the run), and used only when it is a regular file owned by this user and writable by
 * no one else: the data is compiled code, run as is.
 */
function readCache(file) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    return { state: e.code === 'ENOENT' ? 'absent' : `unreadable (${e.code})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < HEADER || st.size > MAX_CACHE_BYTES) return { state: 'damaged (not a cache file)' };
    if (typeof process.getuid === 'function') {
      // Another user's file is left alone (in a shared directory it could not be replaced anyway); ours is rewritten.
      if (st.uid !== process.getuid()) return { state: 'refused (not owned by this user)', foreign: true };
      if ((st.mode & 0o022) !== 0) return { state: 'refused (writable by others)' };
    }
    const buf = Buffer.allocUnsafeSlow(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    const data = buf.subarray(HEADER, got);
    if (got !== st.size || buf.readUInt32LE(0) !== MAGIC || buf[4] !== FORMAT || buf.readUInt32LE(8) !== data.length) return { state: 'damaged (header)' };
    const [a, b] = checksum(data);
    if (buf.readUInt32LE(12) !== a || buf.readUInt32LE(16) !== b) return { state: 'damaged (checksum)' };
    return { state: 'read', data, parts: buf.readUInt32LE(20) };
  } catch (e) {
    return { state: `unreadable (${e.code ?? e.message})` };
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache atomically (temp file, rename) and keeps the {@link KEEP} newest others. Every error is ignored. */
function writeCache(file, script, held) {
  try {
    const data = script.createCachedData();
    const header = Buffer.alloc(HEADER);
    const [a, b] = checksum(data);
    header.writeUInt32LE(MAGIC, 0);
    header[4] = FORMAT;
    header.writeUInt32LE(data.length, 8);
    header.writeUInt32LE(a, 12);
    header.writeUInt32LE(b, 16);
    header.writeUInt32LE(held >>> 0, 20);
    const dir = dirname(file);
    makeDirs(dir);
    const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      writeFileSync(tmp, Buffer.concat([header, data]), { mode: 0o600, flag: 'wx' });
      renameSync(tmp, file);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {}
      throw e;
    }
    trace(`wrote ${file} (${data.length} bytes)`);
    prune(dir, file);
  } catch (e) {
    trace(`could not write ${file} (${e.code ?? e.message})`);
  }
}

/**
 * mkdir -p, bounded: Node's own `recursive: true` spins for ever on some paths (under /proc, for one), and a run must
 * never hang on its cache directory. New folders are private (0700).
 */
function makeDirs(dir) {
  const missing = [];
  for (let d = dir; missing.length < 64; d = dirname(d)) {
    try {
      mkdirSync(d, { mode: 0o700 });
      break;
    } catch (e) {
      if (e.code === 'EEXIST') break;
      if (e.code !== 'ENOENT' || dirname(d) === d) throw e;
      missing.push(d);
    }
  }
  for (const d of missing.reverse()) mkdirSync(d, { mode: 0o700 });
}

/** Removes all but the newest few caches of other builds (or Nodes), and temp files older than an hour (a run killed mid-write). */
function prune(dir, written) {
  const build = written.slice(dirname(written).length + 1).replace(/-[a-z-]+\.bin$/, '-');
  const now = Date.now();
  const others = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const temp = name.endsWith('.tmp');
    if (!name.startsWith('cli-') || (!temp && (!name.endsWith('.bin') || name.startsWith(build)))) continue;
    try {
      const { mtimeMs } = statSync(path);
      if (!temp) others.push({ path, mtimeMs });
      else if (now - mtimeMs > 3600_000) unlinkSync(path);
    } catch {}
  }
  others.sort((x, y) => y.mtimeMs - x.mtimeMs);
  for (const { path } of others.slice(KEEP)) {
    try {
      unlinkSync(path);
    } catch {}
  }
}

/** The bundle's wrapper function, compiled with the code cache when there is a usable one. */
function compileWithCodeCache(source, hash) {
  const file = cachePath(hash);
  if (!file) {
    trace('off');
    return new Script(source, { filename: BUNDLE }).runInThisContext();
  }
  const cache = readCache(file);
  const script = new Script(source, { filename: BUNDLE, ...(cache.data ? { cachedData: cache.data } : {}) });
  const used = cache.data !== undefined && script.cachedDataRejected === false;
  trace(used ? `used ${file}` : cache.data ? `rejected by V8 ${file}` : `${cache.state} ${file}`);
  if (!cache.foreign) {
    process.once('exit', (code) => {
      // A run that refused its input (exit 2) may have loaded what valid input never needs (zod, for the message):
      // it makes a cache when there is none, but does not add to one.
      const held = used ? cache.parts : 0;
      if (!used || ((held | parts) !== held && code !== 2)) writeCache(file, script, held | parts);
    });
  }
  return script.runInThisContext();
}

/** --debug: compiled by the CommonJS loader, which applies the source map (source maps are enabled by then). */
function compileWithSourceMaps(source) {
  const m = new Module(BUNDLE);
  m.filename = BUNDLE;
  m.paths = Module._nodeModulePaths(dirname(BUNDLE));
  m._compile(`module.exports=${source}`, BUNDLE);
  return m.exports;
}

let main;
try {
  const debug = process.argv.includes('--debug');
  if (debug) process.setSourceMapsEnabled(true);
  // The stamp of scripts/build.mjs: the bundle's hash, and whether it is ASCII only (read as latin1: no UTF-8 decoding).
  const bytes = readFileSync(BUNDLE);
  const stamp = /^\/\*dr-advisor:([0-9a-f]{16}) (ascii|utf-8)\*\//.exec(bytes.toString('latin1', 0, 40));
  const source = bytes.toString(stamp?.[2] === 'ascii' ? 'latin1' : 'utf8');
  const wrapper = debug ? compileWithSourceMaps(source) : compileWithCodeCache(source, stamp?.[1]);
  const bundle = { exports: {} };
  wrapper(bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE), pathToFileURL(BUNDLE).href, noteLazy);
  main = bundle.exports.main;
} catch (err) {
  process.stderr.write(`error: could not start dr-advisor (${err && err.message ? err.message : err}); run \`npm run build\` first\n`);
  process.exitCode = 2;
}
main?.(process.argv).catch((err) => {
  process.stderr.write(`error: could not start dr-advisor (${err && err.message ? err.message : err}); run \`npm run build\` first\n`);
  process.exit(2);
});

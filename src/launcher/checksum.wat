;; The code cache's checksum, for bin/dr-advisor.js (issue 17): two FNV-style lanes over the little-endian 32-bit
;; words of the V8 data, then its last bytes one by one; the same arithmetic as the JavaScript it replaces (the
;; launcher's fallback before), so the cache format is unchanged. In WebAssembly because the launcher's other
;; choices cost every run a module load (node:zlib's CRC-32 loads the stream classes, ≈3 ms) or interpreted JavaScript
;; (3–7 ms a megabyte); this runs compiled from the first call, ≈0.3 ms a megabyte.
;; scripts/build-wasm.mjs compiles it into bin/dr-advisor.js (between its `wasm:checksum` markers).
(module
  (memory (export "memory") 1)
  ;; Bytes [0, len) of the memory → (a, b).
  (func (export "fnv") (param $len i32) (result i32 i32)
    (local $i i32) (local $end i32) (local $w i32) (local $a i32) (local $b i32)
    (local.set $a (i32.const 0x811c9dc5))
    (local.set $b (i32.const 0x2545f491))
    (local.set $end (i32.and (local.get $len) (i32.const -4)))
    (block $words_done
      (loop $words
        (br_if $words_done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $w (i32.load (local.get $i)))
        (local.set $a (i32.mul (i32.xor (local.get $a) (local.get $w)) (i32.const 0x01000193)))
        (local.set $b
          (i32.mul
            (i32.xor (i32.xor (local.get $b) (local.get $w)) (i32.shr_u (local.get $a) (i32.const 13)))
            (i32.const 0x5bd1e995)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $words)))
    (block $bytes_done
      (loop $bytes
        (br_if $bytes_done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $w (i32.load8_u (local.get $i)))
        (local.set $a (i32.mul (i32.xor (local.get $a) (local.get $w)) (i32.const 0x01000193)))
        (local.set $b
          (i32.mul
            (i32.xor (i32.xor (local.get $b) (local.get $w)) (i32.shr_u (local.get $a) (i32.const 13)))
            (i32.const 0x5bd1e995)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))
    (local.get $a)
    (local.get $b)))

;; The Monte Carlo's hot loops (src/recovery/montecarlo.ts), as WebAssembly so that they run as compiled code from the
;; first simulation (issue 17: in JavaScript the first simulations of a run went through V8's interpreter).
;; scripts/build-wasm.mjs compiles this file to src/recovery/kernel-wasm.ts; montecarlo.ts instantiates it.
;;
;; Every result is bit-identical to the JavaScript this replaced (test/core/montecarlo-wasm.test.ts keeps that code
;; as its oracle): each i32 and f64 operation is the one JavaScript performed, in the same order (neither has a fused
;; multiply-add), so that `v = base + span × (lo + (hi − lo) × (u − f))` rounds exactly as before. The draws use SIMD
;; (four samples' i32 operations in i32x4 lanes, two samples' f64 operations in f64x2 lanes: per lane, the same
;; operations as scalar code, IEEE-rounded alike).
;;
;; Memory (imported; montecarlo.ts lays it out and grows it):
;; - a term record is 32 bytes: f64 base @0, f64 span @8, i32 seed @16 (its mulberry32 state), i32 table @20 (byte
;;   address of its QUANTILES + 1 f64 inverse-CDF values; unused when span is 0), i32 group @24 (recovery: the branch,
;;   0 serial, 1 data, 2 compute; parts and RPO: the group), i32 ramp @28 (1: a partial-service ramp term);
;; - a column is n f64 samples; a kernel's columns follow each other at `cols`, n × 8 bytes apart;
;; - the kernels' second result (the effective-downtime sum) is stored at address 0.
(module
  (import "env" "memory" (memory 1))
  ;; QUANTILES / 2^32: a 32-bit draw to a position on the table (a power of two, so the product is exact).
  (import "env" "uScale" (global $uScale f64))

  ;; Adds term `t`'s n draws, in sample order, into the column at `acc`: its own mulberry32 stream, each uniform
  ;; through the table, linearly interpolated; a term of span 0 adds its base. The stream's state before sample i is
  ;; seed + i × 0x6d2b79f5 (mod 2^32), so four samples are hashed at once (i32x4 lanes: the same i32 operations) and
  ;; two are interpolated at once (f64x2 lanes: the same IEEE operations as scalar f64, each rounded alike); the last
  ;; n mod 4 samples go through the scalar loop. No branch in the loops: they run fast from the first call, before V8
  ;; tiers the module up from its baseline compiler.
  (func $addDraws (param $n i32) (param $t i32) (param $acc i32)
    (local $base f64) (local $span f64) (local $s i32) (local $q i32)
    (local $x i32) (local $u f64) (local $f i32) (local $p i32) (local $lo f64)
    (local $end i32) (local $end4 i32)
    (local $sv v128) (local $xv v128) (local $uv v128) (local $fv v128) (local $lov v128) (local $hiv v128)
    (local $base2 v128) (local $span2 v128) (local $scale2 v128) (local $p0 i32) (local $p1 i32)
    (if (i32.eqz (local.get $n)) (then (return)))
    (local.set $base (f64.load (local.get $t)))
    (local.set $span (f64.load offset=8 (local.get $t)))
    (local.set $s (i32.load offset=16 (local.get $t)))
    (local.set $q (i32.load offset=20 (local.get $t)))
    (local.set $end (i32.add (local.get $acc) (i32.shl (local.get $n) (i32.const 3))))
    (if (f64.eq (local.get $span) (f64.const 0))
      (then
        (loop $constant
          (f64.store (local.get $acc) (f64.add (f64.load (local.get $acc)) (local.get $base)))
          (local.set $acc (i32.add (local.get $acc) (i32.const 8)))
          (br_if $constant (i32.lt_u (local.get $acc) (local.get $end))))
        (return)))
    ;; Four samples at a time: lanes k = 0…3 hold the state seed + (i + k + 1) × 0x6d2b79f5.
    (local.set $end4 (i32.add (local.get $acc) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 3))))
    (local.set $sv
      (i32x4.add (i32x4.splat (local.get $s)) (v128.const i32x4 0x6d2b79f5 0xda56f3ea 0x47826ddf 0xb4ade7d4)))
    (local.set $base2 (f64x2.splat (local.get $base)))
    (local.set $span2 (f64x2.splat (local.get $span)))
    (local.set $scale2 (f64x2.splat (global.get $uScale)))
    (block $vectorDone
      (br_if $vectorDone (i32.ge_u (local.get $acc) (local.get $end4)))
      (loop $four
        ;; x = imul(s ^ s >>> 15, s | 1); x ^= x + imul(x ^ x >>> 7, x | 61); then x ^ x >>> 14
        (local.set $xv
          (i32x4.mul
            (v128.xor (local.get $sv) (i32x4.shr_u (local.get $sv) (i32.const 15)))
            (v128.or (local.get $sv) (v128.const i32x4 1 1 1 1))))
        (local.set $xv
          (v128.xor (local.get $xv)
            (i32x4.add (local.get $xv)
              (i32x4.mul
                (v128.xor (local.get $xv) (i32x4.shr_u (local.get $xv) (i32.const 7)))
                (v128.or (local.get $xv) (v128.const i32x4 61 61 61 61))))))
        (local.set $xv (v128.xor (local.get $xv) (i32x4.shr_u (local.get $xv) (i32.const 14))))
        ;; Samples i, i + 1 (lanes 0, 1): u = r × U_SCALE, f = u | 0 (u < QUANTILES: the saturating truncation is the
        ;; plain one), the table at f and f + 1 per lane, acc += base + span × (lo + (hi − lo) × (u − f)) lane by lane.
        (local.set $uv (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $xv)) (local.get $scale2)))
        (local.set $fv (i32x4.trunc_sat_f64x2_s_zero (local.get $uv)))
        (local.set $p0 (i32.add (local.get $q) (i32.shl (i32x4.extract_lane 0 (local.get $fv)) (i32.const 3))))
        (local.set $p1 (i32.add (local.get $q) (i32.shl (i32x4.extract_lane 1 (local.get $fv)) (i32.const 3))))
        (local.set $lov (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $p0))) (f64.load (local.get $p1))))
        (local.set $hiv (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $p0))) (f64.load offset=8 (local.get $p1))))
        (v128.store align=8 (local.get $acc)
          (f64x2.add (v128.load align=8 (local.get $acc))
            (f64x2.add (local.get $base2)
              (f64x2.mul (local.get $span2)
                (f64x2.add (local.get $lov)
                  (f64x2.mul
                    (f64x2.sub (local.get $hiv) (local.get $lov))
                    (f64x2.sub (local.get $uv) (f64x2.convert_low_i32x4_s (local.get $fv)))))))))
        ;; Samples i + 2, i + 3: lanes 2, 3 moved down.
        (local.set $xv (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xv) (local.get $xv)))
        (local.set $uv (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $xv)) (local.get $scale2)))
        (local.set $fv (i32x4.trunc_sat_f64x2_s_zero (local.get $uv)))
        (local.set $p0 (i32.add (local.get $q) (i32.shl (i32x4.extract_lane 0 (local.get $fv)) (i32.const 3))))
        (local.set $p1 (i32.add (local.get $q) (i32.shl (i32x4.extract_lane 1 (local.get $fv)) (i32.const 3))))
        (local.set $lov (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $p0))) (f64.load (local.get $p1))))
        (local.set $hiv (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $p0))) (f64.load offset=8 (local.get $p1))))
        (v128.store align=8 (i32.add (local.get $acc) (i32.const 16))
          (f64x2.add (v128.load align=8 (i32.add (local.get $acc) (i32.const 16)))
            (f64x2.add (local.get $base2)
              (f64x2.mul (local.get $span2)
                (f64x2.add (local.get $lov)
                  (f64x2.mul
                    (f64x2.sub (local.get $hiv) (local.get $lov))
                    (f64x2.sub (local.get $uv) (f64x2.convert_low_i32x4_s (local.get $fv)))))))))
        (local.set $sv (i32x4.add (local.get $sv) (v128.const i32x4 0xb4ade7d4 0xb4ade7d4 0xb4ade7d4 0xb4ade7d4)))
        (local.set $acc (i32.add (local.get $acc) (i32.const 32)))
        (br_if $four (i32.lt_u (local.get $acc) (local.get $end4)))))
    ;; The last n mod 4 samples: the state before them is seed + (n − n mod 4) × 0x6d2b79f5.
    (br_if 0 (i32.ge_u (local.get $acc) (local.get $end)))
    (local.set $s
      (i32.add (local.get $s) (i32.mul (i32.and (local.get $n) (i32.const -4)) (i32.const 0x6d2b79f5))))
    (loop $sample
      ;; s = (s + 0x6d2b79f5) >>> 0; x = imul(s ^ s >>> 15, s | 1); x ^= x + imul(x ^ x >>> 7, x | 61)
      (local.set $s (i32.add (local.get $s) (i32.const 0x6d2b79f5)))
      (local.set $x
        (i32.mul
          (i32.xor (local.get $s) (i32.shr_u (local.get $s) (i32.const 15)))
          (i32.or (local.get $s) (i32.const 1))))
      (local.set $x
        (i32.xor (local.get $x)
          (i32.add (local.get $x)
            (i32.mul
              (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 7)))
              (i32.or (local.get $x) (i32.const 61))))))
      ;; u = ((x ^ x >>> 14) >>> 0) × U_SCALE, in [0, QUANTILES); f = u | 0
      (local.set $u
        (f64.mul
          (f64.convert_i32_u (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 14))))
          (global.get $uScale)))
      (local.set $f (i32.trunc_f64_s (local.get $u)))
      (local.set $p (i32.add (local.get $q) (i32.shl (local.get $f) (i32.const 3))))
      (local.set $lo (f64.load (local.get $p)))
      ;; acc[i] += base + span × (lo + (q[f + 1] − lo) × (u − f))
      (f64.store (local.get $acc)
        (f64.add (f64.load (local.get $acc))
          (f64.add (local.get $base)
            (f64.mul (local.get $span)
              (f64.add (local.get $lo)
                (f64.mul
                  (f64.sub (f64.load offset=8 (local.get $p)) (local.get $lo))
                  (f64.sub (local.get $u) (f64.convert_i32_s (local.get $f)))))))))
      (local.set $acc (i32.add (local.get $acc) (i32.const 8)))
      (br_if $sample (i32.lt_u (local.get $acc) (local.get $end)))))

  ;; Term `t`'s draws added into the column at `acc`, and into the one at `acc2` unless it is 0 (a ramp term: its
  ;; stream is drawn twice, the same numbers both times).
  (func $draw (param $n i32) (param $t i32) (param $acc i32) (param $acc2 i32)
    (call $addDraws (local.get $n) (local.get $t) (local.get $acc))
    (if (local.get $acc2) (then (call $addDraws (local.get $n) (local.get $t) (local.get $acc2)))))

  ;; RTO per sample = serial + max(data, compute), into column 0; with `served` > 0, the effective downtime (the share
  ;; `served` of the ramp credited) into column 5. Columns 1–4: serial, data, compute, the compute branch's ramp terms.
  ;; Returns the sum of column 0 (sample order); stores the effective sum (or the same sum) at address 0.
  (func (export "recovery") (param $n i32) (param $terms i32) (param $count i32) (param $cols i32) (param $served f64) (result f64)
    (local $stride i32) (local $j i32) (local $t i32) (local $b i32) (local $i i32) (local $end i32)
    (local $serial i32) (local $data i32) (local $compute i32) (local $ramp i32) (local $effective i32)
    (local $si f64) (local $di f64) (local $ci f64) (local $full f64) (local $nonRamp f64) (local $partial f64) (local $eff f64)
    (local $sum f64) (local $sumEffective f64)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $serial (i32.add (local.get $cols) (local.get $stride)))
    (local.set $data (i32.add (local.get $serial) (local.get $stride)))
    (local.set $compute (i32.add (local.get $data) (local.get $stride)))
    (local.set $ramp (i32.add (local.get $compute) (local.get $stride)))
    (local.set $effective (i32.add (local.get $ramp) (local.get $stride)))
    (memory.fill (local.get $serial) (i32.const 0) (i32.shl (local.get $stride) (i32.const 2)))
    (block $done
      (loop $term
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $t (i32.add (local.get $terms) (i32.shl (local.get $j) (i32.const 5))))
        (local.set $b (i32.load offset=24 (local.get $t)))
        (if (i32.eqz (local.get $b))
          (then (call $draw (local.get $n) (local.get $t) (local.get $serial) (i32.const 0)))
          (else
            (if (i32.eq (local.get $b) (i32.const 1))
              (then (call $draw (local.get $n) (local.get $t) (local.get $data) (i32.const 0)))
              (else
                (call $draw (local.get $n) (local.get $t) (local.get $compute)
                  (select (local.get $ramp) (i32.const 0) (i32.eq (i32.load offset=28 (local.get $t)) (i32.const 1))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $term)))
    (local.set $end (local.get $stride))
    (block $samples
      (loop $sample
        (br_if $samples (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $si (f64.load (i32.add (local.get $serial) (local.get $i))))
        (local.set $di (f64.load (i32.add (local.get $data) (local.get $i))))
        (local.set $ci (f64.load (i32.add (local.get $compute) (local.get $i))))
        (local.set $full (f64.add (local.get $si) (select (local.get $di) (local.get $ci) (f64.gt (local.get $di) (local.get $ci)))))
        (f64.store (i32.add (local.get $cols) (local.get $i)) (local.get $full))
        (local.set $sum (f64.add (local.get $sum) (local.get $full)))
        (if (f64.gt (local.get $served) (f64.const 0))
          (then
            (local.set $nonRamp (f64.sub (local.get $ci) (f64.load (i32.add (local.get $ramp) (local.get $i)))))
            (local.set $partial
              (f64.add (local.get $si) (select (local.get $di) (local.get $nonRamp) (f64.gt (local.get $di) (local.get $nonRamp)))))
            (local.set $eff
              (f64.sub (local.get $full) (f64.mul (f64.sub (local.get $full) (local.get $partial)) (local.get $served))))
            (f64.store (i32.add (local.get $effective) (local.get $i)) (local.get $eff))
            (local.set $sumEffective (f64.add (local.get $sumEffective) (local.get $eff))))
          (else (local.set $sumEffective (f64.add (local.get $sumEffective) (local.get $full)))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $sample)))
    (f64.store (i32.const 0) (local.get $sumEffective))
    (local.get $sum))

  ;; The kernel for branches of several parts. `g` groups: 0 serial, 1 and 2 the data and compute branches' shared
  ;; terms, 3… one per part, whose branch (1 or 2) is the byte at `branchOfGroup` + k. Column 0: RTO per sample; 1: the
  ;; effective downtime (with `served` > 0); 2 + k: group k's sum; 2 + g + k: group k's ramp terms (with `served` > 0).
  ;; A branch is its shared group plus the slowest of its part groups. Returns and stores as `recovery`.
  (func (export "parts") (param $n i32) (param $terms i32) (param $count i32) (param $cols i32) (param $g i32) (param $branchOfGroup i32) (param $served f64) (result f64)
    (local $stride i32) (local $j i32) (local $t i32) (local $group i32) (local $i i32) (local $k i32)
    (local $sums i32) (local $ramps i32) (local $at i32)
    (local $dataParts f64) (local $computeParts f64) (local $computeSteady f64) (local $sk f64) (local $steady f64)
    (local $data f64) (local $compute f64) (local $full f64) (local $nonRamp f64) (local $partial f64) (local $eff f64)
    (local $total f64) (local $totalEffective f64)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $sums (i32.add (local.get $cols) (i32.shl (local.get $stride) (i32.const 1))))
    (local.set $ramps (i32.add (local.get $sums) (i32.mul (local.get $g) (local.get $stride))))
    (memory.fill (local.get $sums) (i32.const 0) (i32.mul (i32.shl (local.get $g) (i32.const 1)) (local.get $stride)))
    (block $done
      (loop $term
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $t (i32.add (local.get $terms) (i32.shl (local.get $j) (i32.const 5))))
        (local.set $group (i32.mul (i32.load offset=24 (local.get $t)) (local.get $stride)))
        (call $draw (local.get $n) (local.get $t)
          (i32.add (local.get $sums) (local.get $group))
          (select
            (i32.add (local.get $ramps) (local.get $group))
            (i32.const 0)
            (i32.and
              (f64.gt (local.get $served) (f64.const 0))
              (i32.eq (i32.load offset=28 (local.get $t)) (i32.const 1)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $term)))
    (block $samples
      (loop $sample
        (br_if $samples (i32.ge_u (local.get $i) (local.get $stride)))
        (local.set $dataParts (f64.const 0))
        (local.set $computeParts (f64.const 0))
        (local.set $computeSteady (f64.const 0))
        (local.set $k (i32.const 3))
        (block $partsDone
          (loop $part
            (br_if $partsDone (i32.ge_u (local.get $k) (local.get $g)))
            (local.set $at (i32.add (i32.mul (local.get $k) (local.get $stride)) (local.get $i)))
            (local.set $sk (f64.load (i32.add (local.get $sums) (local.get $at))))
            (if (i32.eq (i32.load8_u (i32.add (local.get $branchOfGroup) (local.get $k))) (i32.const 1))
              (then
                (if (f64.gt (local.get $sk) (local.get $dataParts)) (then (local.set $dataParts (local.get $sk)))))
              (else
                (if (f64.gt (local.get $sk) (local.get $computeParts)) (then (local.set $computeParts (local.get $sk))))
                (local.set $steady (f64.sub (local.get $sk) (f64.load (i32.add (local.get $ramps) (local.get $at)))))
                (if (f64.gt (local.get $steady) (local.get $computeSteady)) (then (local.set $computeSteady (local.get $steady))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $part)))
        (local.set $data
          (f64.add (f64.load (i32.add (i32.add (local.get $sums) (local.get $stride)) (local.get $i))) (local.get $dataParts)))
        (local.set $compute
          (f64.add
            (f64.load (i32.add (i32.add (local.get $sums) (i32.shl (local.get $stride) (i32.const 1))) (local.get $i)))
            (local.get $computeParts)))
        (local.set $full
          (f64.add (f64.load (i32.add (local.get $sums) (local.get $i)))
            (select (local.get $data) (local.get $compute) (f64.gt (local.get $data) (local.get $compute)))))
        (f64.store (i32.add (local.get $cols) (local.get $i)) (local.get $full))
        (local.set $total (f64.add (local.get $total) (local.get $full)))
        (if (f64.gt (local.get $served) (f64.const 0))
          (then
            ;; nonRamp = (sum[2] − rampSum[2]) + computeSteady
            (local.set $nonRamp
              (f64.add
                (f64.sub
                  (f64.load (i32.add (i32.add (local.get $sums) (i32.shl (local.get $stride) (i32.const 1))) (local.get $i)))
                  (f64.load (i32.add (i32.add (local.get $ramps) (i32.shl (local.get $stride) (i32.const 1))) (local.get $i))))
                (local.get $computeSteady)))
            (local.set $partial
              (f64.add (f64.load (i32.add (local.get $sums) (local.get $i)))
                (select (local.get $data) (local.get $nonRamp) (f64.gt (local.get $data) (local.get $nonRamp)))))
            (local.set $eff
              (f64.sub (local.get $full) (f64.mul (f64.sub (local.get $full) (local.get $partial)) (local.get $served))))
            (f64.store (i32.add (i32.add (local.get $cols) (local.get $stride)) (local.get $i)) (local.get $eff))
            (local.set $totalEffective (f64.add (local.get $totalEffective) (local.get $eff))))
          (else (local.set $totalEffective (f64.add (local.get $totalEffective) (local.get $full)))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $sample)))
    (f64.store (i32.const 0) (local.get $totalEffective))
    (local.get $total))

  ;; worst[i] = current[i] where current[i] > worst[i].
  (func $worstInto (param $worst i32) (param $current i32) (param $n i32)
    (local $i i32) (local $end i32) (local $c f64)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $sample
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (f64.load (i32.add (local.get $current) (local.get $i))))
        (if (f64.gt (local.get $c) (f64.load (i32.add (local.get $worst) (local.get $i))))
          (then (f64.store (i32.add (local.get $worst) (local.get $i)) (local.get $c))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $sample))))

  ;; RPO per sample, into column 0: the worst group (data store), each the sum of its terms (a group's terms are
  ;; consecutive); column 1 is the current group's sum. No terms: 0. Returns the sum of column 0 (sample order).
  (func (export "rpo") (param $n i32) (param $terms i32) (param $count i32) (param $cols i32) (result f64)
    (local $stride i32) (local $current i32) (local $j i32) (local $t i32) (local $group i32) (local $g i32)
    (local $i i32) (local $sum f64)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $current (i32.add (local.get $cols) (local.get $stride)))
    (memory.fill (local.get $cols) (i32.const 0) (local.get $stride))
    (local.set $g (i32.const -1))
    (block $done
      (loop $term
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $t (i32.add (local.get $terms) (i32.shl (local.get $j) (i32.const 5))))
        (local.set $group (i32.load offset=24 (local.get $t)))
        (if (i32.ne (local.get $group) (local.get $g))
          (then
            (if (i32.ne (local.get $g) (i32.const -1))
              (then (call $worstInto (local.get $cols) (local.get $current) (local.get $n))))
            (memory.fill (local.get $current) (i32.const 0) (local.get $stride))
            (local.set $g (local.get $group))))
        (call $draw (local.get $n) (local.get $t) (local.get $current) (i32.const 0))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $term)))
    (if (i32.ne (local.get $g) (i32.const -1))
      (then (call $worstInto (local.get $cols) (local.get $current) (local.get $n))))
    (block $samples
      (loop $sample
        (br_if $samples (i32.ge_u (local.get $i) (local.get $stride)))
        (local.set $sum (f64.add (local.get $sum) (f64.load (i32.add (local.get $cols) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $sample)))
    (local.get $sum))

  ;; Sorts the n f64 at `a` ascending, as Float64Array.prototype.sort does, for finite values ≥ +0: an LSD radix sort
  ;; on the upper 32 bits of each value (their bit patterns order as the numbers do), three 11-bit digits, a digit
  ;; that every value shares skipped (through `scratch`, n f64, and `counts`, 3 × 2048 u32), then an insertion pass over
  ;; runs of equal upper bits. Returns 0 when sorted; 1, leaving the values unsorted, when the caller must use the
  ;; built-in sort: a negative, −0, infinite or NaN value (upper word ≥ 0x7ff00000, unsigned), or more than 4n moves
  ;; in the insertion pass (samples crowded into long runs of equal upper bits).
  (func (export "sort") (param $a i32) (param $n i32) (param $scratch i32) (param $counts i32) (result i32)
    (local $end i32) (local $i i32) (local $h i32) (local $h0 i32) (local $d i32) (local $off i32) (local $shift i32)
    (local $k i32) (local $c i32) (local $total i32) (local $src i32) (local $dst i32) (local $swap i32) (local $cp i32)
    (local $pos i32) (local $j i32) (local $v f64) (local $moves i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (memory.fill (local.get $counts) (i32.const 0) (i32.const 24576))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $h (i32.load offset=4 (i32.add (local.get $a) (local.get $i))))
        (if (i32.ge_u (local.get $h) (i32.const 0x7ff00000)) (then (return (i32.const 1))))
        (local.set $cp (i32.add (local.get $counts) (i32.shl (i32.and (local.get $h) (i32.const 2047)) (i32.const 2))))
        (i32.store (local.get $cp) (i32.add (i32.load (local.get $cp)) (i32.const 1)))
        (local.set $cp
          (i32.add (local.get $counts)
            (i32.shl (i32.add (i32.const 2048) (i32.and (i32.shr_u (local.get $h) (i32.const 11)) (i32.const 2047))) (i32.const 2))))
        (i32.store (local.get $cp) (i32.add (i32.load (local.get $cp)) (i32.const 1)))
        (local.set $cp
          (i32.add (local.get $counts) (i32.shl (i32.add (i32.const 4096) (i32.shr_u (local.get $h) (i32.const 22))) (i32.const 2))))
        (i32.store (local.get $cp) (i32.add (i32.load (local.get $cp)) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $count)))
    (local.set $src (local.get $a))
    (local.set $dst (local.get $scratch))
    (local.set $h0 (i32.load offset=4 (local.get $a)))
    (block $digitsDone
      (loop $digit
        (br_if $digitsDone (i32.ge_u (local.get $d) (i32.const 3)))
        (local.set $off (i32.add (local.get $counts) (i32.mul (local.get $d) (i32.const 8192))))
        (local.set $shift (i32.mul (local.get $d) (i32.const 11)))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        ;; A digit that every value shares: nothing to do.
        (br_if $digit
          (i32.eq
            (i32.load (i32.add (local.get $off)
              (i32.shl (i32.and (i32.shr_u (local.get $h0) (local.get $shift)) (i32.const 2047)) (i32.const 2))))
            (local.get $n)))
        ;; Counts to starting positions.
        (local.set $total (i32.const 0))
        (local.set $k (i32.const 0))
        (loop $prefix
          (local.set $cp (i32.add (local.get $off) (local.get $k)))
          (local.set $c (i32.load (local.get $cp)))
          (i32.store (local.get $cp) (local.get $total))
          (local.set $total (i32.add (local.get $total) (local.get $c)))
          (local.set $k (i32.add (local.get $k) (i32.const 4)))
          (br_if $prefix (i32.lt_u (local.get $k) (i32.const 8192))))
        (local.set $i (i32.const 0))
        (block $scattered
          (loop $scatter
            (br_if $scattered (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $cp
              (i32.add (local.get $off)
                (i32.shl
                  (i32.and (i32.shr_u (i32.load offset=4 (i32.add (local.get $src) (local.get $i))) (local.get $shift)) (i32.const 2047))
                  (i32.const 2))))
            (local.set $pos (i32.load (local.get $cp)))
            (i32.store (local.get $cp) (i32.add (local.get $pos) (i32.const 1)))
            (i64.store (i32.add (local.get $dst) (i32.shl (local.get $pos) (i32.const 3)))
              (i64.load (i32.add (local.get $src) (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $scatter)))
        (local.set $swap (local.get $src))
        (local.set $src (local.get $dst))
        (local.set $dst (local.get $swap))
        (br $digit)))
    (if (i32.ne (local.get $src) (local.get $a))
      (then (memory.copy (local.get $a) (local.get $src) (local.get $end))))
    ;; Values with the same upper bits differ in the lower ones: order each such run by insertion. i and j are byte
    ;; offsets here (j + 8 ≥ 0 stands for j ≥ 0).
    (local.set $i (i32.const 8))
    (block $inserted
      (loop $insert
        (br_if $inserted (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $h (i32.load offset=4 (i32.add (local.get $a) (local.get $i))))
        (if (i32.eq (local.get $h) (i32.load offset=4 (i32.sub (i32.add (local.get $a) (local.get $i)) (i32.const 8))))
          (then
            (local.set $v (f64.load (i32.add (local.get $a) (local.get $i))))
            (local.set $j (i32.sub (local.get $i) (i32.const 8)))
            (block $placed
              (loop $shiftUp
                (br_if $placed (i32.lt_s (local.get $j) (i32.const 0)))
                (br_if $placed (i32.ne (i32.load offset=4 (i32.add (local.get $a) (local.get $j))) (local.get $h)))
                (br_if $placed (i32.eqz (f64.gt (f64.load (i32.add (local.get $a) (local.get $j))) (local.get $v))))
                (i64.store offset=8 (i32.add (local.get $a) (local.get $j)) (i64.load (i32.add (local.get $a) (local.get $j))))
                (local.set $j (i32.sub (local.get $j) (i32.const 8)))
                (br $shiftUp)))
            (f64.store offset=8 (i32.add (local.get $a) (local.get $j)) (local.get $v))
            ;; moves += i − 1 − j (in samples)
            (local.set $moves
              (i32.add (local.get $moves) (i32.shr_s (i32.sub (i32.sub (local.get $i) (i32.const 8)) (local.get $j)) (i32.const 3))))
            (if (i32.gt_u (local.get $moves) (i32.shl (local.get $n) (i32.const 2))) (then (return (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $insert)))
    (i32.const 0))
)

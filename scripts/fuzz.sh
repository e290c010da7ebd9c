#!/usr/bin/env bash
# Fuzz the stream decoder and the control-frame reader with Jazzer (harness/.../fuzz/*FuzzTest).
#
#   scripts/fuzz.sh                      # every target for 10 minutes each
#   scripts/fuzz.sh --time 2h decode     # one target, longer
#   scripts/fuzz.sh --runs 20000 --seed 1 --time 2m    # a fixed budget (what .ci/run does)
#
# Targets: decode (StreamDecoderFuzzTest), read (FrameCodecFuzzTest). The generated corpus grows in
# $FUZZ_CORPUS (default harness/target/fuzz-corpus/<target>) and is reused by the next run.
# Findings (crash-*, timeout-*, oom-*) land in harness/target/fuzz-findings/<target>/ and are
# copied into the target's regression inputs (src/test/resources/workbench/harness/fuzz/
# <Class>Inputs/<target>/), which `mvn verify` replays: rename them after what they show, commit
# them with the fix. Exit status: 0 no finding, 1 a finding, 3 the fuzzer could not run.
# Needs the reactor built once (mvn -B install -DskipTests, or the CI's mvn verify).
set -uo pipefail
cd "$(dirname "$0")/.."

time=10m runs=0 seed=0 max_len=65536 keep=1 targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    --no-keep) keep=0; shift ;;   # leave findings in target/ only (CI)
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    decode|read) targets+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1'; see --help" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(decode read)

class_of() { case "$1" in decode) echo StreamDecoderFuzzTest ;; read) echo FrameCodecFuzzTest ;; esac; }
# A hang is an input taking longer than this many seconds (libFuzzer's -timeout).
hang_of() { case "$1" in decode) echo 20 ;; read) echo 10 ;; esac; }
seconds_of() { # 90s, 10m, 2h, or plain seconds
  local v=$1
  case "$v" in *h) echo $(( ${v%h} * 3600 )) ;; *m) echo $(( ${v%m} * 60 )) ;; *s) echo "${v%s}" ;; *) echo "$v" ;; esac
}

mvn_args=(-B)
[ "${FUZZ_ONLINE:-0}" = 1 ] || mvn_args+=(-o)
findings=0 broken=0
for t in "${targets[@]}"; do
  class=$(class_of "$t")
  corpus=${FUZZ_CORPUS:-$PWD/harness/target/fuzz-corpus}/$t
  out=$PWD/harness/target/fuzz-findings/$t
  inputs=$PWD/harness/src/test/resources/workbench/harness/fuzz/${class}Inputs/$t
  log=$PWD/harness/target/fuzz-$t.log
  mkdir -p "$corpus" "$out" "$inputs"
  libfuzzer=(fuzz "$corpus" "-max_len=$max_len" "-timeout=$(hang_of "$t")" "-artifact_prefix=$out/" -print_final_stats=1)
  [ "$seed" != 0 ] && libfuzzer+=("-seed=$seed")
  props=()
  for i in "${!libfuzzer[@]}"; do props+=("-Djazzer.internal.arg.$i=${libfuzzer[$i]}"); done
  [ "$runs" != 0 ] && props+=("-Djazzer.max_executions=$runs")
  limit=$(( $(seconds_of "$time") + 180 ))   # Maven, the JVM and Jazzer's agent start within 3 minutes, even on a loaded machine (1 was too few at load 10)
  budget="at most $time"; [ "$runs" != 0 ] && budget+=" or $runs runs"
  [ "$t" = read ] && props+=("-Djazzer.instrument=workbench.**,com.fasterxml.jackson.**")   # the JSON parser's branches count too
  echo "fuzz: $t ($class) for $budget; log $log"
  JAZZER_FUZZ=1 timeout --kill-after=10 "$limit" mvn "${mvn_args[@]}" -pl harness -am test \
      -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="$time" "${props[@]}" >"$log" 2>&1
  rc=$?
  stats=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  corpus_n=$(ls "$corpus" | wc -l)
  # a finding: an artifact written, or a kept input failing its replay (FuzzTestFinding)
  new=$(grep -o 'Test unit written to [^ ]*' "$log" | sed 's|.*/||' | sort -u || true)
  if [ -n "$new" ] || grep -q 'FuzzTestFinding' "$log"; then
    findings=1
    echo "fuzz: $t FOUND an input breaking the property (${stats:-no stats}):"
    grep -E '^== Java Exception|^java\.|^Caused by|FuzzTestFinding' "$log" | head -5 | sed 's/^/fuzz:   /'
    for f in $new; do
      echo "fuzz:   $out/$f ($(stat -c %s "$out/$f") bytes)"
      [ "$keep" = 1 ] && cp "$out/$f" "$inputs/$f" && echo "fuzz:   kept as regression input $inputs/$f"
      # small enough to recover from a CI log: base64 between markers
      if [ "$(stat -c %s "$out/$f")" -le 65536 ]; then
        echo "fuzz:   --- base64 $f ---"; base64 -w 100 "$out/$f"; echo "fuzz:   --- end $f ---"
      fi
    done
  elif [ -z "$stats" ]; then
    broken=1
    echo "fuzz: $t did not run (mvn exit $rc); the end of $log:" >&2
    tail -20 "$log" >&2
  else
    execs=$(echo "$stats" | awk '{print $2}'); secs=$(echo "$stats" | awk '{print $5}')
    echo "fuzz: $t ok: $execs executions in ${secs}s ($(( execs / (secs > 0 ? secs : 1) )) exec/s), corpus $corpus_n inputs, no finding"
  fi
done
[ "$findings" = 0 ] || exit 1
[ "$broken" = 0 ] || exit 3
exit 0

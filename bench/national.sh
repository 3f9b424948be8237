#!/usr/bin/env bash
# The product at national scale, end to end (issue 20): write a synthetic HSDS register of N
# offers, import it into SQLite (and PostgreSQL with BENCH_PG_URL), rebuild the index, start a
# node on an existing index, and load /api/v1/search and the rendered results page over HTTP
# with oha at concurrency 1, 8 and 32. Prints markdown tables; a benchmark, asserts nothing.
#
#   cargo build --release -p server && cargo install oha --locked
#   BENCH_PG_URL=postgres://user@127.0.0.1:5432/postgres bench/national.sh 1000000
#   REUSE=1 bench/national.sh 1000000   # the node and HTTP rows again, on the SQLite data of
#                                        # an earlier run (no import, no rebuild)
#
# Needs: wdutch (the generator's words), /usr/bin/time, curl, python3; about 15 GB in $WORK.
set -euo pipefail
N="${1:-1000000}"
WORK="${WORK:-${TMPDIR:-/tmp}/sk-national}"
BIN="${BIN:-${CARGO_TARGET_DIR:-target}/release/sociale-kaart}"
OHA="${OHA:-$(command -v oha || echo "$HOME/.cargo/bin/oha")}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
PORT="${PORT:-3917}"
[ -x "$BIN" ] || { echo "build first: cargo build --release -p server ($BIN missing)" >&2; exit 1; }
mkdir -p "$WORK"
# A young person near Utrecht Centraal who loves football and wants to move more.
PROFILE='{"postcode": "3511", "age": 19, "talents": ["voetbal"], "needs": ["bewegen"]}'
export SK_SITE_ROOT="${SK_SITE_ROOT:-$(pwd)/target/site}"

# Runs a command under /usr/bin/time; prints "seconds peak_rss_mb".
timed() {
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > "$WORK/last.log" 2>&1 ||
        { cat "$WORK/last.log" >&2; exit 1; }
    awk '{ printf "%.1f %.0f\n", $1, $2 / 1024 }' "$WORK/time.txt"
}

register="$WORK/register-$N.jsonl"
if [ ! -s "$register" ]; then
    read -r s rss < <(timed "$BIN" demo --synthetic "$N" --write-hsds "$register")
    echo "register written: $N services, $(du -m "$register" | cut -f1) MB, ${s} s, ${rss} MB RSS"
fi

echo
echo "| step ($N offers) | time | peak RSS |"
echo "|---|---:|---:|"
backends=(sqlite)
started=()
[ -n "${BENCH_PG_URL:-}" ] && [ -z "${REUSE:-}" ] && backends+=(postgres)
for backend in "${backends[@]}"; do
    dir="$WORK/$backend"
    args=(--data-dir "$dir")
    if [ -n "${REUSE:-}" ]; then
        [ -s "$dir/sociale-kaart.db" ] || { echo "REUSE: no earlier run in $dir" >&2; exit 1; }
    else
        rm -rf "$dir"
        if [ "$backend" = postgres ]; then
            db="sk_national_$$"
            psql "$BENCH_PG_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
            args+=(--database-url "${BENCH_PG_URL%/*}/$db")
        fi
        read -r s rss < <(timed "$BIN" import hsds "$register" --checked-on today "${args[@]}")
        echo "| import into $backend | $s s ($(python3 -c "print(round($N / max($s, 0.1)))")/s) | $rss MB |"
        read -r s rss < <(timed "$BIN" reindex "${args[@]}")
        echo "| index rebuild from $backend | $s s | $rss MB |"
    fi
    # A node on the index just built: from exec to the first healthy answer.
    # Each node on its own port: the SQLite node keeps serving for the HTTP runs below.
    port=$((PORT + ${#started[@]}))
    start=$(date +%s.%N)
    "$BIN" serve "${args[@]}" --no-demo --addr "127.0.0.1:$port" > "$WORK/serve-$backend.log" 2>&1 &
    server=$!
    started+=("$server")
    until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do
        kill -0 "$server" 2> /dev/null || { tail -20 "$WORK/serve-$backend.log" >&2; exit 1; }
        sleep 0.02
    done
    ready=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")
    echo "| node start with an existing index ($backend) | $ready s | |"
    # The first match builds this node's matching catalog from the database; later ones use it.
    first=$(curl -sf -o /dev/null -w '%{time_total}' -H 'content-type: application/json' \
        -d "$PROFILE" "http://127.0.0.1:$port/api/v1/match")
    echo "| first match: catalog built from $backend | $first s | |"
    if [ "$backend" = sqlite ] && [ -x "$OHA" ]; then
        keep_server=$server
    else
        kill "$server"; wait "$server" 2>/dev/null || true
    fi
done

[ -n "${keep_server:-}" ] || { echo "oha not found: cargo install oha --locked" >&2; exit 0; }
# The words the register uses most in names: what people would type.
read -r w1 w2 < <(head -2000 "$register" | python3 -c '
import json, sys, collections
c = collections.Counter()
for line in sys.stdin:
    for w in json.loads(line)["name"].lower().split():
        if w.isalpha() and len(w) > 4: c[w] += 1
print(*[w for w, _ in c.most_common(12)][5:7])')
# One markdown row from oha's JSON: p50, p99, requests/s and every non-2xx answer or error.
report() {
    python3 - "$1" "$2" "$WORK/oha.json" <<'EOF'
import json, sys
label, c, path = sys.argv[1], sys.argv[2], sys.argv[3]
r = json.load(open(path))
lat = r["latencyPercentiles"]
codes = r.get("statusCodeDistribution", {})
# Requests still in flight when the time is up are cut off by oha: not errors of the server.
cut = {"aborted due to deadline"}
errors = sum(v for k, v in codes.items() if not k.startswith("2")) + sum(
    v for k, v in r.get("errorDistribution", {}).items() if k not in cut)
ms = lambda v: "none done" if v is None else f"{v * 1000:.2f} ms"
print(f"| {label} | {c} | {ms(lat['p50'])} | {ms(lat['p99'])} | {r['summary']['requestsPerSec']:.0f} | {errors} |")
EOF
}

base="http://127.0.0.1:$PORT"
echo
echo "HTTP on loopback against the SQLite node, $SECONDS_PER_RUN s per row, oha (words: $w1, $w2)"
echo
echo "| request | concurrency | p50 | p99 | requests/s | errors |"
echo "|---|---:|---:|---:|---:|---:|"
for target in "api text|/api/v1/search?q=$w1" \
              "api text + 5 km|/api/v1/search?q=$w2&postcode=3511&radius_km=5" \
              "results page|/?q=$w1"; do
    label="${target%%|*}"; path="${target#*|}"
    for c in 1 8 32; do
        "$OHA" --no-tui --output-format json -z "${SECONDS_PER_RUN}s" -c "$c" "$base$path" > "$WORK/oha.json"
        report "$label" "$c"
    done
done
for c in 1 8; do
    "$OHA" --no-tui --output-format json -z "${SECONDS_PER_RUN}s" -c "$c" -m POST \
        -H 'content-type: application/json' -d "$PROFILE" "$base/api/v1/match" > "$WORK/oha.json"
    report "api match one profile" "$c"
done
kill "$keep_server"; wait "$keep_server" 2>/dev/null || true

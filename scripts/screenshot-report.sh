#!/usr/bin/env bash
# Renders a report.html (or any local HTML file) to a PNG with headless Chromium, offline.
#
#   scripts/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
#
# The window defaults to 1400x4000; the page is cut at that height. Chromium runs with a throw-away
# profile and every background fetch switched off, so a report that tried to load anything would
# show it as a broken image. Install Chromium with: apt-get update && apt-get install -y chromium
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$1
out=$2
size=${3:-1400x4000}
if [[ ! -f $report ]]; then
    echo "$0: error: no file $report; pass the path of a report.html" >&2
    exit 2
fi
if [[ ! $size =~ ^[0-9]+x[0-9]+$ ]]; then
    echo "$0: error: size '$size' is not WIDTHxHEIGHT; e.g. 1400x4000" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
    echo "$0: error: no chromium on PATH; install it with: apt-get update && apt-get install -y chromium" >&2
    exit 3
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs_report=$(realpath "$report")
abs_out=$(realpath -m "$out")
mkdir -p "$(dirname "$abs_out")"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$abs_out" --window-size="${size/x/,}" "file://$abs_report" >/dev/null 2>"$profile/chromium.log" || {
    echo "$0: error: chromium failed; its log follows" >&2
    cat "$profile/chromium.log" >&2
    exit 1
}
if [[ ! -s $abs_out ]]; then
    echo "$0: error: chromium wrote no screenshot to $abs_out" >&2
    exit 1
fi
echo "$abs_out"

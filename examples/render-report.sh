#!/bin/sh
# Renders a what-if HTML report in headless Chromium and saves a screenshot, to check that the report
# opens and draws without the network. Not part of `mvn verify` (Chromium is not a build dependency).
#
#   apt-get install -y chromium          # Debian package, once (as root); the script installs
#                                        # fonts-noto-cjk itself when no Chinese font is present
#   java -jar rules-cli/target/shebao.jar whatif --scenario examples/scenarios/no-unemployment-reduction.yaml \
#        --population examples/data/population.csv --out report.html --errors errors.csv
#   examples/render-report.sh report.html report.png
#
# Exit 0 when Chromium wrote a non-empty screenshot.
set -eu
report=${1:?usage: render-report.sh REPORT.html [SCREENSHOT.png]}
shot=${2:-${report%.html}.png}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "render-report.sh: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
# Without a CJK font the Chinese labels render as boxes: install Noto CJK when no font covers Chinese.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "render-report.sh: no Chinese font; installing fonts-noto-cjk" >&2
        (apt-get install -y fonts-noto-cjk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y fonts-noto-cjk >/dev/null 2>&1; }) \
            || { echo "render-report.sh: apt-get install fonts-noto-cjk failed" >&2; exit 2; }
    else
        echo "render-report.sh: no Chinese font; install one with: apt-get install -y fonts-noto-cjk" >&2
        exit 2
    fi
fi
abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
case "$shot" in /*) out=$shot ;; *) out=$(pwd)/$shot ;; esac
rm -f "$out"
# --no-sandbox: needed when run as root (containers); the report has no script and loads nothing.
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --screenshot="$out" --window-size=1200,1600 \
    "file://$abs" >/dev/null 2>&1 || true
if [ ! -s "$out" ]; then
    echo "render-report.sh: chromium did not produce $out" >&2
    exit 1
fi
echo "screenshot: $out"

#!/bin/sh
# Renders one of the tool's self-contained HTML pages (what-if report, certificate, coverage heat map, services
# site page) in headless Chromium and saves a screenshot, to check that it opens and draws — Chinese text
# included — without the network. Not part of `mvn verify` (Chromium is not a build dependency).
# render-report.sh and render-certificate.sh call this script.
#
#   apt-get install -y chromium          # Debian package, once (as root); the script installs
#                                        # fonts-noto-cjk itself when no Chinese font is present
#   java -jar rules-cli/target/shebao.jar whatif --scenario examples/scenarios/no-unemployment-reduction.yaml \
#        --population examples/data/population.csv --out report.html --errors errors.csv
#   examples/render-page.sh report.html report.png
#
# Exit 0 when Chromium wrote a non-empty screenshot.
set -eu
report=${1:?usage: render-page.sh PAGE.html [SCREENSHOT.png]}
shot=${2:-${report%.html}.png}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "render-page.sh: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi
# Without a CJK font the Chinese labels render as boxes: install Noto CJK when no font covers Chinese.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "render-page.sh: no Chinese font; installing fonts-noto-cjk" >&2
        (apt-get install -y fonts-noto-cjk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y fonts-noto-cjk >/dev/null 2>&1; }) \
            || { echo "render-page.sh: apt-get install fonts-noto-cjk failed" >&2; exit 2; }
    else
        echo "render-page.sh: no Chinese font; install one with: apt-get install -y fonts-noto-cjk" >&2
        exit 2
    fi
fi
abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
case "$shot" in /*) out=$shot ;; *) out=$(pwd)/$shot ;; esac
rm -f "$out"
# --no-sandbox: needed when run as root (containers); the pages load nothing from the network.
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --screenshot="$out" --window-size=1200,1600 \
    "file://$abs" >/dev/null 2>&1 || true
if [ ! -s "$out" ]; then
    echo "render-page.sh: chromium did not produce $out" >&2
    exit 1
fi
echo "screenshot: $out"

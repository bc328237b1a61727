#!/bin/sh
# Renders a printable certificate (shebao certificate --out certificate.html) in headless Chromium and saves a
# screenshot, to check that it draws — Chinese text included — without the network. Not part of `mvn verify`
# (Chromium is not a build dependency).
#
#   apt-get install -y chromium fonts-noto-cjk     # Debian packages, once (as root); the CJK fonts are needed
#   java -jar rules-cli/target/shebao.jar certificate --unit examples/certificate/unit.yaml \
#        --roster examples/certificate/staff.csv --period 2021-11 --issued-on 2021-11-13 --out certificate.html
#   examples/render-certificate.sh certificate.html certificate.png
#
# Exit 0 when Chromium wrote a non-empty screenshot; 2 when Chromium or a CJK font is missing.
set -eu
page=${1:?usage: render-certificate.sh CERTIFICATE.html [SCREENSHOT.png]}
shot=${2:-${page%.html}.png}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "render-certificate.sh: no chromium found; install it with: apt-get install -y chromium fonts-noto-cjk" >&2
    exit 2
fi
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "render-certificate.sh: no Chinese font installed (the certificate would show boxes); apt-get install -y fonts-noto-cjk" >&2
    exit 2
fi
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
case "$shot" in /*) out=$shot ;; *) out=$(pwd)/$shot ;; esac
rm -f "$out"
# --no-sandbox: needed when run as root (containers); the page has no script and loads nothing.
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --screenshot="$out" --window-size=1200,1600 \
    "file://$abs" >/dev/null 2>&1 || true
if [ ! -s "$out" ]; then
    echo "render-certificate.sh: chromium did not produce $out" >&2
    exit 1
fi
echo "screenshot: $out"

#!/bin/sh
# Renders a what-if HTML report (shebao whatif --out report.html) in headless Chromium and saves a screenshot;
# installs fonts-noto-cjk when no Chinese font is present (as root). See render-page.sh.
#
#   examples/render-report.sh report.html report.png
exec "$(dirname "$0")/render-page.sh" "$@"

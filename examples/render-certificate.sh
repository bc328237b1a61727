#!/bin/sh
# Renders a printable certificate (shebao certificate --out certificate.html) in headless Chromium and saves a
# screenshot; installs fonts-noto-cjk when no Chinese font is present (as root). See render-page.sh.
#
#   java -jar rules-cli/target/shebao.jar certificate --unit examples/certificate/unit.yaml \
#        --roster examples/certificate/staff.csv --period 2021-11 --issued-on 2021-11-13 --out certificate.html
#   examples/render-certificate.sh certificate.html certificate.png
exec "$(dirname "$0")/render-page.sh" "$@"

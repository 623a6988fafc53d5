#!/bin/sh
# Rebuild the vendored GOV.UK Frontend assets. Needs the npm registry; the output is committed.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../casereview/core/static
mkdir -p "$out/govuk" "$out/casereview"
npx sass --no-source-map --style=compressed --pkg-importer=node src/casereview.scss "$out/casereview/casereview.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk/govuk-frontend.min.js"
# No images or fonts from the package: the crown, crest, favicons and GDS Transport are GOV.UK's alone.
cp node_modules/chart.js/dist/chart.umd.min.js "$out/casereview/chart.umd.min.js"
mkdir -p ../tests/browser/vendor
cp node_modules/axe-core/axe.min.js ../tests/browser/vendor/axe.min.js
echo "built into $out"

#!/usr/bin/env bash
# Installs the front-end libraries from npm (Bootstrap, Chart.js) and copies the files the pages use into
# src/Feedback.Web/wwwroot/lib. The copies are committed, so a fresh clone runs without npm; run this only
# to update a library (change its version in src/Feedback.Web/package.json first).
set -euo pipefail
cd "$(dirname "$0")/../src/Feedback.Web"
npm install --no-audit --no-fund --no-package-lock
npm run vendor

#!/bin/sh
# recheck's native agent with a 64 MB heap instead of its default (about 140 MB resident, 230 MB at times), so the
# regular-expression audit of tests/fuzz.test.ts keeps `npm test` within its memory budget. regex-audit.ts points
# RECHECK_BIN here and RECHECK_NATIVE at the binary of the recheck-<os>-<arch> package.
exec "$RECHECK_NATIVE" -Xmx64m "$@"

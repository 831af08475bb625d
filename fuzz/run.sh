#!/bin/sh
# Run one fuzz target for $2 seconds (default 600) with the already built
# binary, so that edits elsewhere in the tree do not trigger a rebuild.
# Build first: RUSTC_BOOTSTRAP=1 cargo fuzz build -a
set -e
cd "$(dirname "$0")"
t=$1
secs=${2:-600}
mkdir -p corpus/$t artifacts/$t
exec target/x86_64-unknown-linux-gnu/release/$t corpus/$t seeds/$t \
    -max_total_time=$secs -max_len=${MAX_LEN:-4096} -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=artifacts/$t/ -print_final_stats=1

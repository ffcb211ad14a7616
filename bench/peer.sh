#!/usr/bin/env bash
# Replaced by bench/compare.sh (the same peer, every row of the targets table, like for like).
exec "$(dirname "$0")/compare.sh" "$@"

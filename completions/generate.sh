#!/usr/bin/env sh
# Regenerates the shell completion scripts in this folder from hlmsg's command-line definition.
# Run it after changing the command line (tests/cli/completions.rs fails until you do):
#
#     sh completions/generate.sh
#
# It is the same as `hlmsg completions SHELL > completions/FILE` for each shell below.
set -eu
cd "$(dirname "$0")/.."
cargo build --quiet
for pair in bash:hlmsg.bash zsh:_hlmsg fish:hlmsg.fish powershell:_hlmsg.ps1 elvish:hlmsg.elv; do
    cargo run --quiet -- completions "${pair%%:*}" > "completions/${pair#*:}"
done

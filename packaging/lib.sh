# shellcheck shell=bash
# Shared by the packaging scripts (source it): where things are, which version and target this
# build is for, and the one way every package gets its hlmsg binary.
#
# Settings, all optional, from the environment:
#   HLMSG_TARGET   Rust target triple to build for (default: the host's)
#   HLMSG_PROFILE  Cargo profile (default: release; CI uses dev to reuse the test build)
#   HLMSG_BINARY   an hlmsg binary already built for the target: package it instead of building
#   HLMSG_TOOLS    the virtual environment that packaging/install-tools fills

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HLMSG_PROFILE="${HLMSG_PROFILE:-release}"
HLMSG_TOOLS="${HLMSG_TOOLS:-$ROOT/target/packaging/tools}"

die() {
    echo "$(basename "$0"): $*" >&2
    exit 2
}

hlmsg_version() {
    "$ROOT/packaging/version"
}

host_target() {
    rustc -vV | sed -n 's/^host: //p'
}

# TARGET is the triple packages are named for; cargo and maturin are told a target only when
# HLMSG_TARGET asks for one, so that a host build shares target/debug or target/release.
TARGET="${HLMSG_TARGET:-$(host_target)}"
target_args=()
if [ -n "${HLMSG_TARGET:-}" ]; then
    target_args=(--target "$HLMSG_TARGET")
fi

# The binary's file name on the target: hlmsg, or hlmsg.exe on Windows.
binary_name() {
    case "$TARGET" in
        *-windows-*) echo hlmsg.exe ;;
        *) echo hlmsg ;;
    esac
}

# A program of the tools' virtual environment (bin/ on Unix, Scripts/ on Windows).
tool() {
    local name="$1"
    if [ -x "$HLMSG_TOOLS/bin/$name" ]; then
        echo "$HLMSG_TOOLS/bin/$name"
    elif [ -e "$HLMSG_TOOLS/Scripts/$name.exe" ]; then
        echo "$HLMSG_TOOLS/Scripts/$name.exe"
    else
        die "$name is not installed: run packaging/install-tools first"
    fi
}

# Prints the path of a stripped hlmsg binary for TARGET, building it when HLMSG_BINARY is
# not set. The build is the one maturin makes for the wheel (`-C strip=symbols` on the binary
# alone), so after packaging/build-wheel it is already up to date.
hlmsg_binary() {
    if [ -n "${HLMSG_BINARY:-}" ]; then
        [ -f "$HLMSG_BINARY" ] || die "HLMSG_BINARY=$HLMSG_BINARY is not a file"
        echo "$HLMSG_BINARY"
        return
    fi
    local dir
    case "$HLMSG_PROFILE" in
        dev) dir=debug ;;
        *) dir="$HLMSG_PROFILE" ;;
    esac
    (cd "$ROOT" && cargo rustc --quiet --locked --profile "$HLMSG_PROFILE" \
        ${target_args[@]+"${target_args[@]}"} --bin hlmsg -- -C strip=symbols) >&2
    echo "$ROOT/target/${HLMSG_TARGET:+$HLMSG_TARGET/}$dir/$(binary_name)"
}

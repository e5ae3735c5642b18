#!/usr/bin/env bash
# Release files for the platforms this machine can build, in DIST (default: dist/ in cargo's
# target directory):
#
#   tadqiq-VERSION-TRIPLE.tar.gz (.zip for Windows)   the stripped `tadqiq` binary, README.md
#                                                     and the Neovim plugin (editors/neovim)
#   tadqiq-VERSION-PLATFORM.vsix                      the VS Code extension with that server
#   SHA256SUMS
#
# usage: scripts/release.sh [TRIPLE...]
#
# Without arguments it builds for this machine's own triple and for the installed targets its
# own linker links (on x86_64 Linux, static x86_64-unknown-linux-musl for Alpine once
# `rustup target add x86_64-unknown-linux-musl` has run: Rust links musl itself). Another
# triple needs Rust's standard library for it (`rustup target add TRIPLE`) and a linker, e.g.
# for 64-bit ARM Linux on Debian: `apt-get install gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu`
#   CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
#   STRIP=aarch64-linux-gnu-strip scripts/release.sh aarch64-unknown-linux-gnu
# macOS and Windows builds are made on those systems (a Mac with the Xcode command-line tools;
# Windows with Rust's MSVC toolchain, in Git Bash), each running this script; see the list it
# prints at the end.
# Needs cargo, Node and npm (for the .vsix), tar, and zip for Windows archives.
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
metadata=$(cargo metadata --format-version 1 --no-deps)
target_dir=$(sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p' <<<"$metadata")
version=$(sed -n 's/.*"name":"tadqiq","version":"\([^"]*\)".*/\1/p' <<<"$metadata")
dist=${DIST:-$target_dir/dist}
[ -n "$target_dir" ] && [ -n "$version" ] || { echo "release: cargo metadata named no target directory or version" >&2; exit 1; }

# Rust's triple → VS Code's platform (the same table as editors/vscode/scripts/package.mjs).
platform_of() {
  case "$1" in
    x86_64-unknown-linux-gnu) echo linux-x64 ;;
    aarch64-unknown-linux-gnu) echo linux-arm64 ;;
    armv7-unknown-linux-gnueabihf) echo linux-armhf ;;
    x86_64-unknown-linux-musl) echo alpine-x64 ;;
    aarch64-unknown-linux-musl) echo alpine-arm64 ;;
    x86_64-apple-darwin) echo darwin-x64 ;;
    aarch64-apple-darwin) echo darwin-arm64 ;;
    x86_64-pc-windows-msvc | x86_64-pc-windows-gnu) echo win32-x64 ;;
    aarch64-pc-windows-msvc) echo win32-arm64 ;;
    *) return 1 ;;
  esac
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  # This machine's own triple, and any installed target its own linker links: the same
  # processor and system with another C library (x86_64-unknown-linux-musl beside -gnu).
  targets=("$host")
  kind() { echo "${1%%-*} $(sed -n 's/.*\(linux\|darwin\|windows\).*/\1/p' <<<"$1")"; }
  for triple in $(rustup target list --installed 2>/dev/null || true); do
    if [ "$triple" != "$host" ] && [ "$(kind "$triple")" = "$(kind "$host")" ] && platform_of "$triple" >/dev/null; then
      targets+=("$triple")
    fi
  done
fi
for triple in "${targets[@]}"; do
  platform_of "$triple" >/dev/null || { echo "release: no VS Code platform for $triple" >&2; exit 1; }
done

mkdir -p "$dist"
(
  cd editors/vscode
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run --silent compile
)
built=()
for triple in "${targets[@]}"; do
  platform=$(platform_of "$triple")
  echo "== $triple ($platform)"
  # The .vsix first: package.mjs builds the server, strips it into editors/vscode/server/ and
  # checks it; the archive takes that same stripped binary.
  (cd editors/vscode && node scripts/package.mjs --target "$triple" --out "$dist/tadqiq-$version-$platform.vsix")
  exe=tadqiq
  case "$triple" in *-windows-*) exe=tadqiq.exe ;; esac
  name="tadqiq-$version-$triple"
  stage=$(mktemp -d)
  mkdir -p "$stage/$name/editors"
  cp "editors/vscode/server/$exe" README.md "$stage/$name/"
  cp -R editors/neovim "$stage/$name/editors/"
  case "$triple" in
    *-windows-*)
      rm -f "$dist/$name.zip"
      (cd "$stage" && zip -qr "$dist/$name.zip" "$name")
      built+=("$name.zip")
      ;;
    *)
      tar -C "$stage" -czf "$dist/$name.tar.gz" "$name"
      built+=("$name.tar.gz")
      ;;
  esac
  rm -rf "$stage"
  built+=("tadqiq-$version-$platform.vsix")
done

(
  cd "$dist"
  if command -v sha256sum >/dev/null; then sha256sum "${built[@]}"; else shasum -a 256 "${built[@]}"; fi >SHA256SUMS
)
echo
echo "Built in $dist:"
for file in "${built[@]}"; do
  echo "  $file ($(du -h "$dist/$file" | cut -f1))"
done

# What else a release carries, and where each is made.
echo
echo "Not built here (each on its own system, or here with a cross linker; see the top of $0):"
for triple in x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl \
  x86_64-apple-darwin aarch64-apple-darwin x86_64-pc-windows-msvc aarch64-pc-windows-msvc; do
  case " ${targets[*]} " in *" $triple "*) continue ;; esac
  case "$triple" in
    *-apple-darwin) how="on a Mac: rustup target add $triple; scripts/release.sh $triple" ;;
    *-windows-msvc) how="on Windows (Git Bash, Rust's MSVC toolchain): rustup target add $triple; scripts/release.sh $triple" ;;
    *-linux-musl) how="rustup target add $triple; scripts/release.sh $triple" ;;
    "$host") how="scripts/release.sh" ;;
    *) how="on such a machine: scripts/release.sh; or here with rustup target add $triple and a cross linker" ;;
  esac
  echo "  $triple ($(platform_of "$triple")): $how"
done

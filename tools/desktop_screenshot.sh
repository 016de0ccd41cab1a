#!/usr/bin/env bash
# A screenshot of the desktop program (the desktop preset of web/) in a virtual X screen: builds it,
# runs it under Xvfb, captures the screen with xwd once the window is up and has drawn, checks the
# picture is not a blank window and writes a PNG. Pairs with web/platform_sdl.cpp (the window).
# Usage: tools/desktop_screenshot.sh [OUT.png [KEY...]]   (default build/desktop/screenshot-desktop.png)
# KEYs (xdotool's names, e.g. Next Next for two PageDowns) are pressed in the window before the capture.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '[desktop_screenshot] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Fails unless the picture shows something: bright pixels (text) and many colours, not one flat fill.
check_not_blank() {  # check_not_blank IMAGE.ppm
  python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:  # P6 header: magic, width, height, maxval, separated by whitespace
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
pixels = data[pos + 1:]
width, height = int(fields[1]), int(fields[2])
assert fields[0] == b"P6" and int(fields[3]) == 255, "expected an 8-bit binary PPM"
colours, bright = set(), 0
for i in range(0, width * height * 3, 3 * 7):  # every 7th pixel is plenty
    r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
    colours.add((r, g, b))
    bright += (r + g + b) > 3 * 128
sampled = width * height // 7
print(f"[desktop_screenshot] {width}x{height}, {len(colours)} colours, {100 * bright / sampled:.1f}% bright pixels")
sys.exit(0 if len(colours) >= 16 and bright >= sampled // 500 else 1)
PY
}

# Inside the virtual screen (xvfb-run calls the script again with --inside).
if [ "${1:-}" = --inside ]; then
  app=$2 out=$3 work=$4
  shift 4
  "$app" >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 200); do  # up to 20 s for the window to be mapped
    xwininfo -name loopstep 2>/dev/null | grep -q 'IsViewable' && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; say "the app exited early"; exit 1; }
    sleep 0.1
  done
  sleep 2  # the app redraws continuously: a couple of seconds is many frames
  if [ $# -gt 0 ]; then
    xdotool search --name loopstep windowfocus --sync
    for key in "$@"; do xdotool key "$key"; sleep 0.5; done
    sleep 1
  fi
  xwd -root -silent >"$work/screen.xwd"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [ -s "$work/app.log" ] && sed 's/^/[app] /' "$work/app.log"
  xwdtopnm "$work/screen.xwd" 2>/dev/null >"$work/screen.ppm"
  check_not_blank "$work/screen.ppm" || { say "the window looks blank: see $work/screen.ppm"; exit 1; }
  pnmtopng "$work/screen.ppm" 2>/dev/null >"$out"
  exit 0
fi

out="$(realpath -m "${1:-$root/build/desktop/screenshot-desktop.png}")"
cd "$root"

# Xvfb (with xvfb-run and xauth), xwd to capture, xwininfo to see the window, xdotool to press keys,
# netpbm to make a PNG.
missing=()
for pkg in xvfb xauth x11-apps x11-utils netpbm xdotool; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

bash tools/third_party.sh desktop
[ -f build/desktop/build.ninja ] || cmake --preset desktop >/dev/null
cmake --build --preset desktop

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"
say "running build/desktop/web/loopstep_app under Xvfb (1280x800, Mesa's software GL ES 3)"
# -a: a free display number; the screen is the window's size, so the whole screen is the window.
xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
  "$root/tools/desktop_screenshot.sh" --inside "$root/build/desktop/web/loopstep_app" "$out" "$work" "${@:2}"
say "wrote $out"

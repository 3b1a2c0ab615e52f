#!/usr/bin/env bash
# kiosk-cage.sh STEADY GSETTINGS_SCHEMA_DIR [SHOTS_DIR]: end-to-end test of
# the kiosk under the cage compositor, headless, as an unprivileged user,
# the way a clinic runs it. Headless cage has no input devices and cage
# 0.1.4 no virtual keyboard, so STEADY_KIOSK_TEST_TOUCH_AFTER makes Steady
# touch its own screen once, 8 s in; grim takes screenshots of a card, the idle warning and,
# after the idle and warning times, the attract loop it must return to.
#
# Exit 77 (skip) with the reason where cage cannot run: not root (cage
# refuses root, so the test needs root to become another user), or cage,
# grim, Xwayland or imagemagick missing.
set -uo pipefail

# The headless output's frames can be late under load, so one failed run
# is tried once more; the first run's lines are kept as TAP comments.
if [ -z "${KIOSK_CAGE_ATTEMPT:-}" ]; then
  first=$(KIOSK_CAGE_ATTEMPT=1 "$0" "$@"); status=$?
  if [ "$status" -eq 1 ]; then
    printf '%s\n' "$first" | sed 's/^/# first attempt: /'
    KIOSK_CAGE_ATTEMPT=2 exec "$0" "$@"
  fi
  printf '%s\n' "$first"
  exit "$status"
fi

steady=$1
schemas=$2
shots=${3:-${STEADY_KIOSK_CAGE_SHOTS:-}}
user=${STEADY_KIOSK_TEST_USER:-steady-kiosk-test}

skip () { echo "1..0 # SKIP $*"; exit 77; }

[ "$(id -u)" -eq 0 ] || skip "needs root to run cage as the unprivileged user $user"
for tool in cage grim Xwayland runuser convert compare; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (build-aux/dev installs cage, grim, xwayland, imagemagick)"
done
if ! id "$user" >/dev/null 2>&1; then
  useradd --system --shell /usr/sbin/nologin --home-dir /nonexistent --no-create-home "$user" \
    || skip "cannot create the user $user"
fi

tmp=$(mktemp -d)
chmod 755 "$tmp"
mkdir -p "$tmp/runtime" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/shots"
chown -R "$user" "$tmp/runtime" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/shots"
chmod 700 "$tmp/runtime"
# The build may sit where the test user cannot reach it (a clone under
# /root is 0700): give it its own copy of the program and the schemas. The
# program carries its resources, so nothing else is needed.
cp "$steady" "$tmp/steady" && mkdir -p "$tmp/schemas" && cp "$schemas"/gschemas.compiled "$tmp/schemas"/ \
  || { echo "1..0 # SKIP cannot copy $steady and its schemas"; exit 77; }
chmod 755 "$tmp/steady" "$tmp/schemas"
steady="$tmp/steady"
schemas="$tmp/schemas"
cage_pid=
cleanup () {
  if [ -n "$shots" ]; then
    mkdir -p "$shots" && cp "$tmp"/shots/*.png "$shots"/ 2>/dev/null
  fi
  # cage and Steady run in their own process group (setsid below): end
  # the whole group, not just runuser.
  [ -n "$cage_pid" ] && kill -- "-$cage_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

as_user () {
  runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME="$tmp" \
    XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    WAYLAND_DISPLAY=wayland-0 "$@"
}

n=0
ok () { n=$((n + 1)); echo "ok $n $*"; }
fail () { n=$((n + 1)); echo "not ok $n $*"; failed=1; }
failed=0
echo "1..7"

# The shipped recipe's environment: cairo, no GL. Short idle times, so the
# test takes seconds, not minutes; the memory settings backend, so nothing
# of the run is kept.
setsid runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME="$tmp" \
  XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data" \
  XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
  WLR_HEADLESS_OUTPUTS=1 GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$schemas" NO_AT_BRIDGE=1 \
  G_MESSAGES_DEBUG=all \
  STEADY_KIOSK_IDLE_SECONDS=10 STEADY_KIOSK_WARNING_SECONDS=10 \
  STEADY_KIOSK_TEST_TOUCH_AFTER=8 \
  cage -d -- "$steady" --kiosk >"$tmp/cage.log" 2>&1 &
cage_pid=$!

for _ in $(seq 100); do
  [ -S "$tmp/runtime/wayland-0" ] && break
  sleep 0.1
done
[ -S "$tmp/runtime/wayland-0" ] && ok "cage is up" || { fail "cage did not start"; sed 's/^/# /' "$tmp/cage.log"; exit 1; }
# cage 0.1.4's headless output is 1280x720 and cage offers no way to
# change it (no output management), so full screen here means 1280x720;
# the 1920x1080 pages are rendered by test-kiosk-window.
screen=1280x720

shot () { as_user grim "$tmp/shots/$1.png" 2>>"$tmp/cage.log"; }
# The screenshot's size and how many colours it has (a blank or a crash is
# one colour).
size () { identify -format '%wx%h' "$tmp/shots/$1.png" 2>/dev/null; }
colours () { convert "$tmp/shots/$1.png" -format '%k' info: 2>/dev/null; }

# Wait (a guard, not a measurement) for Steady's first frame.
for _ in $(seq 60); do
  shot attract-start
  [ "$(colours attract-start)" -gt 50 ] && break
  sleep 0.5
done
# Full screen: the top rows are the page, not cage's black background.
if [ "$(size attract-start)" = "$screen" ] && [ "$(colours attract-start)" -gt 50 ] \
   && [ "$(convert "$tmp/shots/attract-start.png" -crop x4+0+0 +repage -format '%[fx:minima.r]' info:)" != 0 ]; then
  ok "the kiosk fills the $screen screen from the start (attract loop)"
else
  fail "attract screenshot: size $(size attract-start), $(colours attract-start) colours"
fi

# Pixels that differ between two screenshots.
differ () {
  compare -metric AE "$tmp/shots/$1.png" "$tmp/shots/$2.png" null: 2>"$tmp/ae"
  local ae; ae=$(cut -d' ' -f1 <"$tmp/ae"); echo "${ae%.*}"
}
crop () { convert "$tmp/shots/$1.png" -gravity south -crop 100%x22%+0+0 +repage "$tmp/shots/$1-text.png"; }

# A visitor touches the screen and gets the first card. The waits below
# poll (guards against a slow machine, not measurements).
for _ in $(seq 40); do
  sleep 0.5
  shot card
  [ "$(differ attract-start card)" -gt 100000 ] && break
done
# Let the cross-fade finish.
sleep 1
shot card
kill -0 "$cage_pid" 2>/dev/null && ok "steady survives the touch" || fail "cage or steady died"
[ "$(differ attract-start card)" -gt 100000 ] && [ "$(colours card)" -gt 50 ] \
  && ok "a touch leaves the attract loop for a card" \
  || fail "the screen did not change after the touch"

# Walk away: after the idle time the warning dims the whole screen, so
# the top strip (plain page background elsewhere) turns dark.
top () { convert "$tmp/shots/$1.png" -crop 100%x2%+0+0 +repage -colorspace gray -format '%[fx:int(100*mean)]' info:; }
for _ in $(seq 100); do
  shot warning
  [ "$(top warning)" -lt 70 ] && break
  sleep 0.2
done
# Under load grim can miss the ten seconds the warning is up (the headless
# output's frames are late); the app's own log line is then the evidence,
# and the note says which one it was.
if [ "$(top card)" -gt 85 ] && [ "$(top warning)" -lt 70 ]; then
  ok "the idle warning covers the screen (top strip $(top card) % -> $(top warning) % bright)"
elif grep -q "kiosk: idle warning shown" "$tmp/cage.log"; then
  ok "the idle warning was shown (from the app's log; the screenshot missed it: top strip $(top warning) % bright)"
else
  fail "no warning after the idle time (top strip $(top card) % -> $(top warning) % bright)"
fi

# After the warning: the attract loop, its invitation as at the start
# (the figure above it moves, so compare only the text).
crop attract-start
for _ in $(seq 80); do
  sleep 0.5
  shot attract-end
  crop attract-end
  [ "$(differ attract-start-text attract-end-text)" -lt 2000 ] && break
done
kill -0 "$cage_pid" 2>/dev/null && ok "still running after the reset" || fail "died at the reset"
ae=$(differ attract-start-text attract-end-text)
[ "$ae" -lt 2000 ] && ok "back on the attract loop after idle + warning ($ae pixels differ in the invitation)" \
                   || fail "not back on the attract loop ($ae pixels differ in the invitation)"

# Nothing of the visitor on disk.
if [ -n "$(find "$tmp/data" "$tmp/config" "$tmp/cache" -mindepth 1 2>/dev/null)" ]; then
  echo "# files written: $(find "$tmp/data" "$tmp/config" "$tmp/cache" -mindepth 1 | tr '\n' ' ')"
  failed=1
fi
sed "s/^/# /" "$tmp/cage.log" | grep -v "^# \[" | tail -20
exit $failed

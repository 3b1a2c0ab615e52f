#!/usr/bin/env python3
"""Window benchmarks: Steady's real window against a bare libadwaita window.

- CPU% animating at 1920×1080: Steady with a drill page open (its figure
  looping) against a bare window animating the flat 15-stroke reference
  figure (bench/reference-figure.c), each for SECONDS.
- Idle wake-ups with nothing moving: context switches per second of Steady
  on its welcome page against the bare window.

Both programs read STEADY_BENCH (src/ui/steady-bench-hook.c,
bench/bare-window.c); CPU time and context switches come from wait4().
"""
import os
import statistics
import subprocess
import sys
import time


def switches(pid):
    """Context switches of every thread of @pid so far."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


def run(argv, mode, idle_window=None):
    """Runs one program; returns (CPU seconds, wall seconds, wake-ups/s).

    With @idle_window = (settle, length), wake-ups are counted over `length`
    seconds starting `settle` seconds after the first frame, so start-up
    does not count."""
    env = dict(os.environ, STEADY_BENCH=mode)
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    line = proc.stdout.readline()
    rate = None
    if line.strip() == b"first-frame" and idle_window:
        settle, length = idle_window
        time.sleep(settle)
        before = switches(proc.pid)
        time.sleep(length)
        rate = (switches(proc.pid) - before) / length
    proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    end = time.monotonic()
    if line.strip() != b"first-frame" or os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {argv[0]} ({mode}) failed: exit {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime, end - start, rate


def main():
    build = sys.argv[1]
    seconds = float(os.environ.get("STEADY_BENCH_SECONDS", "6"))
    runs = int(os.environ.get("STEADY_BENCH_RUNS", "3"))
    bare = [os.path.join(build, "bench", "bare-window")]
    steady = [os.path.join(build, "src", "steady")]

    for drill in ("clamshell", "quadruped-knee-circles", "supine-knee-rotation"):
        bare_pct, steady_pct = [], []
        for _ in range(runs):
            cpu, wall, _ = run(bare, f"animate:{seconds}")
            bare_pct.append(100 * cpu / wall)
            cpu, wall, _ = run(steady, f"animate-drill:{drill}:{seconds}")
            steady_pct.append(100 * cpu / wall)
        b, s = statistics.median(bare_pct), statistics.median(steady_pct)
        print(f"animating 1920x1080 {drill}: steady {s:.0f}% CPU, bare window with the "
              f"reference figure {b:.0f}% (median of {runs}) ratio {s / b:.2f} (target <= 1.20)")

    bare_w, steady_w = [], []
    idle = (2.0, seconds)
    for _ in range(runs):
        bare_w.append(run(bare, f"still:{seconds + 3}", idle)[2])
        steady_w.append(run(steady, f"still:{seconds + 3}", idle)[2])
    print(f"still screen: steady {statistics.median(steady_w):.1f} wake-ups/s, bare window "
          f"{statistics.median(bare_w):.1f}/s (context switches of all threads over {seconds:.0f} s "
          f"after start-up; target <= 1/s)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start-up benchmark: Steady against a bare AdwApplicationWindow.

Runs each program RUNS times, alternating, and measures the wall time from
exec to the "first-frame" line it prints after its first paint (see
src/ui/steady-bench-hook.c) and its peak RSS. Prints medians and ratios.
Both run in the same display, with the same renderer settings.
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(argv, env):
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    elapsed = None
    for line in proc.stdout:
        if line.strip() == b"first-frame":
            elapsed = time.monotonic() - start
            break
    proc.stdout.close()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except ChildProcessError:
        return None, None
    proc.returncode = os.waitstatus_to_exitcode(status)
    if elapsed is None:
        raise SystemExit(f"bench: {argv[0]} exited ({proc.returncode}) without painting a frame")
    return elapsed, usage.ru_maxrss / 1024.0  # MiB


def main():
    build = sys.argv[1]
    runs = int(os.environ.get("STEADY_BENCH_RUNS", "7"))
    env = dict(os.environ, STEADY_BENCH="first-frame")
    programs = {
        "bare": [os.path.join(build, "bench", "bare-window")],
        "steady": [os.path.join(build, "src", "steady")] + sys.argv[2:],
    }
    results = {name: ([], []) for name in programs}
    # One warm-up each so both find fonts and icons in the page cache.
    for argv in programs.values():
        run_once(argv, env)
    for _ in range(runs):
        for name, argv in programs.items():
            t, rss = run_once(argv, env)
            results[name][0].append(t)
            results[name][1].append(rss)

    bare_t = statistics.median(results["bare"][0]) * 1000
    bare_rss = statistics.median(results["bare"][1])
    steady_t = statistics.median(results["steady"][0]) * 1000
    steady_rss = statistics.median(results["steady"][1])
    print(f"startup: bare window {bare_t:.0f} ms, steady {steady_t:.0f} ms "
          f"(median of {runs}) ratio {steady_t / bare_t:.2f} (target <= 1.30)")
    print(f"peak RSS: bare window {bare_rss:.1f} MiB, steady {steady_rss:.1f} MiB, "
          f"difference {steady_rss - bare_rss:+.1f} MiB (target <= +12 MiB)")


if __name__ == "__main__":
    main()

/* bench-kiosk.c: the kiosk soak — compressed visitors, flat resources
 *
 * Drives the kiosk window (and so its state machine) on a made-up clock
 * through N visitor cycles: start, swipe two cards, watch a drill segment,
 * walk away, warning, reset. Prints the RSS slope per 1000 cycles (target
 * ≤ 100 KiB), and open fds, threads and the kiosk's live objects at the
 * start and the end (all should be flat). Needs a display (bench/run
 * gives it one).
 *
 * Then, on the real clock at 1920×1080: the attract loop's CPU use
 * against a bare animated reference (a full-window drawing area redrawn
 * every frame, measured in the same run), and the wake-ups per second of
 * a still screen ("Do this at home", nothing moving) against a bare still
 * window, and of the idle warning, counted as main-loop sleeps and as
 * context switches of all threads.
 *
 * Usage: bench-kiosk [CYCLES [SECONDS]] (defaults 10000 cycles, 5 s).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <math.h>
#include <adwaita.h>

#include "steady-kiosk-window.h"

#define S(x) ((gint64) ((x) * (double) G_USEC_PER_SEC))

static double
rss_kib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size, resident;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (sysconf (_SC_PAGESIZE) / 1024.0);
}

static guint
count_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static guint
count_threads (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nThreads:")) == NULL)
    return 0;
  return (guint) strtoul (line + strlen ("\nThreads:"), NULL, 10);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Least-squares slope of y over x. */
static double
slope (const double *x,
       const double *y,
       guint         n)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0;

  for (guint i = 0; i < n; i++)
    {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      sxy += x[i] * y[i];
    }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static guint n_sleeps;
static GPollFunc default_poll;

/* A poll that may block is a sleep; its return is a wake-up. The polls
 * GLib makes with a zero timeout within one wake-up are not counted. */
static int
counting_poll (GPollFD *fds,
               guint    n_fds,
               int      timeout)
{
  if (timeout != 0)
    n_sleeps++;
  return default_poll (fds, n_fds, timeout);
}

static gboolean
stop_running (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @seconds; returns the CPU % used meanwhile. A
 * timeout ends it: a blocking iteration on a screen where nothing is due
 * would otherwise sleep until the kiosk's next deadline (its idle time,
 * 90 s), which is how an earlier version measured the idle warning's
 * countdown instead of the still screen. */
static double
run_for (double seconds)
{
  double cpu = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), stop_running, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 100 * (cpu_seconds () - cpu) / ((g_get_monotonic_time () - start) / 1e6);
}

/* Context switches of each thread of this process so far (GStreamer's,
 * GLib's workers and the main thread alike), by thread id. */
static GHashTable *
count_switches (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *task;

  while (dir != NULL && (task = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", task, "status", NULL);
      g_autofree char *status = NULL;
      g_auto(GStrv) lines = NULL;

      guint64 total = 0;

      if (!g_file_get_contents (path, &status, NULL, NULL))
        continue;
      lines = g_strsplit (status, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "voluntary_ctxt_switches:")
            || g_str_has_prefix (lines[i], "nonvoluntary_ctxt_switches:"))
          total += g_ascii_strtoull (strchr (lines[i], ':') + 1, NULL, 10);
      g_hash_table_insert (counts, g_strdup (task), g_memdup2 (&total, sizeof total));
    }
  return counts;
}

/* The switches made between @before and @after by the threads alive at
 * the end (a thread that ended in between took its count with it: it is
 * left out, rather than making the sum go backwards). */
static guint64
switches_between (GHashTable *before,
                  GHashTable *after)
{
  GHashTableIter iter;
  gpointer task, count;
  guint64 total = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &task, &count))
    {
      const guint64 *then = g_hash_table_lookup (before, task);
      guint64 now = *(const guint64 *) count;

      total += then != NULL && *then <= now ? now - *then : (then != NULL ? 0 : now);
    }
  return total;
}

typedef struct {
  double sleeps;     /* main-loop wake-ups per second */
  double switches;   /* context switches of all threads per second */
} Wakeups;

/* Wake-ups over @seconds of whatever the kiosk shows now. */
static Wakeups
measure_wakeups (double seconds)
{
  Wakeups w;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, counting_poll);
  n_sleeps = 0;
  before = count_switches ();
  run_for (seconds);
  after = count_switches ();
  /* The timeout that ends run_for() wakes it once; that one is ours. */
  w.sleeps = (n_sleeps - 1) / seconds;
  w.switches = switches_between (before, after) / seconds;
  g_main_context_set_poll_func (NULL, default_poll);
  return w;
}

static void
draw_reference (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  double t = g_get_monotonic_time () / 1e6;

  /* About as much ink as a figure: a few thick strokes that move. */
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
  cairo_set_line_width (cr, 40);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 15; i++)
    {
      cairo_move_to (cr, width * (0.3 + 0.03 * i), height * 0.3);
      cairo_line_to (cr, width * (0.35 + 0.03 * i + 0.05 * sin (t + i)), height * 0.6);
    }
  cairo_stroke (cr);
}

static gboolean
redraw_every_frame (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
bench_attract (double seconds)
{
  GtkWidget *reference = gtk_window_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *bare;
  SteadyKioskWindow *kiosk;
  double reference_cpu, attract_cpu;
  Wakeups bare_still, still, warning;

  /* The soak ran with animations off; the attract loop moves only with
   * them on (with them off it shows stills, as reduced motion asks). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (reference), 1920, 1080);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_reference, NULL, NULL);
  gtk_widget_add_tick_callback (area, redraw_every_frame, NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (reference), area);
  gtk_window_present (GTK_WINDOW (reference));
  run_for (1);
  reference_cpu = run_for (seconds);
  gtk_window_destroy (GTK_WINDOW (reference));

  /* A bare window with nothing moving: the floor for the still screens
   * (measured alone: the attract loop would wake it). */
  bare = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bare), 1920, 1080);
  gtk_window_present (GTK_WINDOW (bare));
  run_for (1);
  bare_still = measure_wakeups (seconds);
  gtk_window_destroy (GTK_WINDOW (bare));

  kiosk = steady_kiosk_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (kiosk), 1920, 1080);
  gtk_window_present (GTK_WINDOW (kiosk));
  run_for (1);
  attract_cpu = run_for (seconds);

  /* "Do this at home": nothing moves, so nothing should wake the process
   * (the idle timer is one timeout, 90 s away). */
  steady_kiosk_window_touch (kiosk, 900, 500);
  gtk_widget_activate_action (GTK_WIDGET (kiosk), "win.show-drills", NULL);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (kiosk), "win.kiosk-next-drill", NULL);
  g_assert (g_str_equal (steady_kiosk_window_get_page_name (kiosk), "home"));
  run_for (1);
  still = measure_wakeups (seconds);

  /* The idle warning: its countdown changes once a second, nothing else. */
  steady_kiosk_set_timeouts (steady_kiosk_window_get_kiosk (kiosk), STEADY_KIOSK_IDLE_SECONDS_MIN,
                             STEADY_KIOSK_WARNING_SECONDS_MAX);
  steady_kiosk_window_touch (kiosk, 900, 500);
  run_for (STEADY_KIOSK_IDLE_SECONDS_MIN + 1);
  g_assert (steady_kiosk_window_get_warning_visible (kiosk));
  warning = measure_wakeups (seconds);

  printf ("kiosk attract loop at 1920x1080: %.1f %% CPU; bare animated reference %.1f %%; "
          "ratio %.2f\n", attract_cpu, reference_cpu, attract_cpu / MAX (reference_cpu, 0.1));
  printf ("kiosk still screen (\"Do this at home\"): %.1f main-loop wake-ups/s, %.1f context "
          "switches/s (all threads); bare still window %.1f and %.1f (over %.0f s; target <= 1/s)\n",
          still.sleeps, still.switches, bare_still.sleeps, bare_still.switches, seconds);
  printf ("kiosk idle warning (countdown once a second): %.1f main-loop wake-ups/s, "
          "%.1f context switches/s\n", warning.sleeps, warning.switches);

  /* The kiosk refuses to close; destroying it is the staff's way. */
  gtk_window_destroy (GTK_WINDOW (kiosk));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  guint cycles = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  double seconds = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 5;
  guint step = 1000;
  guint n_samples = 0;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  SteadyKioskWindow *window;
  SteadyKiosk *kiosk;
  gint64 now = S(1000);
  guint fds_start, threads_start, live_start;
  double rss_start;
  guint half;

  if (cycles < 2 * step)
    step = MAX (cycles / 10, 1);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  window = steady_kiosk_window_new (NULL, NULL);
  steady_kiosk_window_use_manual_clock (window, now);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  kiosk = steady_kiosk_window_get_kiosk (window);

  /* Warm-up: caches, fonts, glyphs, every page drawn once. */
  for (guint i = 0; i < 50; i++)
    {
      steady_kiosk_window_touch (window, 900, 500);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-drills", NULL);
      now += S(200);
      steady_kiosk_window_advance (window, now);
      spin ();
    }

  fds_start = count_fds ();
  threads_start = count_threads ();
  live_start = steady_kiosk_window_get_n_live_objects ();
  rss_start = rss_kib ();
  xs = g_new0 (double, cycles / step + 1);
  ys = g_new0 (double, cycles / step + 1);

  for (guint cycle = 1; cycle <= cycles; cycle++)
    {
      guint idle = steady_kiosk_get_idle_seconds (kiosk);
      guint warning = steady_kiosk_get_warning_seconds (kiosk);

      steady_kiosk_window_touch (window, 900, 500);            /* start */
      now += S(5);
      steady_kiosk_window_advance (window, now);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);  /* swipe */
      now += S(5);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-drills", NULL);
      for (guint f = 0; f < 4; f++)                            /* watch a segment */
        {
          now += S(1);
          steady_kiosk_window_advance (window, now);
        }
      gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-next-drill", NULL);
      now += S(idle);                                          /* walk away */
      steady_kiosk_window_advance (window, now);
      now += S(warning);                                       /* reset */
      steady_kiosk_window_advance (window, now);
      spin ();

      if (cycle % step == 0)
        {
          xs[n_samples] = cycle;
          ys[n_samples] = rss_kib ();
          n_samples++;
        }
    }

  /* The slope over the second half, after the allocator has settled. */
  half = n_samples / 2;
  printf ("kiosk soak: %u cycles (%" G_GUINT64_FORMAT " resets)\n", cycles,
          steady_kiosk_get_n_resets (kiosk));
  printf ("  RSS: %.0f KiB after warm-up, %.0f KiB at the end\n", rss_start, rss_kib ());
  printf ("  RSS slope: %.1f KiB per 1000 cycles over all, %.1f over the second half (target <= 100)\n",
          slope (xs, ys, n_samples) * 1000, slope (xs + half, ys + half, n_samples - half) * 1000);
  printf ("  open fds: %u -> %u\n", fds_start, count_fds ());
  printf ("  threads: %u -> %u\n", threads_start, count_threads ());
  printf ("  live kiosk objects (timelines, figures, decks): %u -> %u\n",
          live_start, steady_kiosk_window_get_n_live_objects ());

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  bench_attract (seconds);
  return 0;
}

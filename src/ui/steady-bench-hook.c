/* steady-bench-hook.c: lets build-aux/dev bench measure the real window
 *
 * Does nothing unless STEADY_BENCH is set. Modes (bench/bare-window.c does
 * the same for the baseline):
 *
 *   first-frame              print "first-frame" after the first paint and quit
 *   animate-drill:ID:SECONDS open drill ID (its figure loops) in a 1920×1080
 *                            window for SECONDS, then quit
 *   still:SECONDS            stay on the welcome page, nothing moving, for
 *                            SECONDS, then quit
 *
 * bench/startup.py and bench/window.py time these from outside and read
 * CPU time, peak RSS and context switches from wait4().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "steady-bench-hook.h"

typedef struct {
  char   *drill;
  double  seconds;
  gboolean quit_after_first_frame;
} BenchMode;

static gboolean
quit_app (gpointer window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  if (app != NULL)
    g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  BenchMode *mode = g_object_get_data (G_OBJECT (window), "steady-bench-mode");

  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  printf ("first-frame\n");
  fflush (stdout);

  if (mode->quit_after_first_frame)
    quit_app (window);
  else
    {
      if (mode->drill != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", mode->drill);
      g_timeout_add ((guint)(mode->seconds * 1000), quit_app, window);
    }
}

static void
on_map (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint), widget, 0);
}

static void
bench_mode_free (gpointer data)
{
  BenchMode *mode = data;

  g_free (mode->drill);
  g_free (mode);
}

void
steady_bench_hook_attach (GtkWindow *window)
{
  const char *env = g_getenv ("STEADY_BENCH");
  BenchMode *mode;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (env == NULL)
    return;

  mode = g_new0 (BenchMode, 1);
  if (strcmp (env, "first-frame") == 0)
    mode->quit_after_first_frame = TRUE;
  else if (g_str_has_prefix (env, "animate-drill:"))
    {
      g_auto(GStrv) parts = g_strsplit (env + strlen ("animate-drill:"), ":", 2);

      mode->drill = g_strdup (parts[0]);
      mode->seconds = parts[1] ? g_ascii_strtod (parts[1], NULL) : 5;
    }
  else if (g_str_has_prefix (env, "still:"))
    mode->seconds = g_ascii_strtod (env + strlen ("still:"), NULL);
  else
    {
      g_warning ("STEADY_BENCH=%s: not a benchmark mode", env);
      bench_mode_free (mode);
      return;
    }

  if (!mode->quit_after_first_frame)
    gtk_window_set_default_size (window, 1920, 1080);

  g_object_set_data_full (G_OBJECT (window), "steady-bench-mode", mode, bench_mode_free);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

/* steady-bench-hook.c: lets build-aux/dev bench time the first frame
 *
 * With STEADY_BENCH=first-frame in the environment, the window prints
 * "first-frame" on stdout after its first paint and the application quits.
 * The benchmark measures the time from exec to that line, and peak RSS,
 * against a bare window doing the same (bench/bare-window.c). Without the
 * variable this does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "steady-bench-hook.h"

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  printf ("first-frame\n");
  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
}

static void
on_map (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint), widget, 0);
}

void
steady_bench_hook_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("STEADY_BENCH"), "first-frame") != 0)
    return;

  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

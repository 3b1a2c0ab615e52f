/* bare-window.c: the baseline window for Steady's benchmarks
 *
 * The smallest honest libadwaita application: one AdwApplicationWindow
 * with a header bar. Modes, chosen with STEADY_BENCH exactly as Steady's
 * own hook reads it (src/ui/steady-bench-hook.c):
 *
 *   first-frame            print "first-frame" after the first paint, quit
 *   animate:SECONDS        a 1920×1080 drawing area animating the flat
 *                          15-stroke reference figure at the frame rate
 *                          for SECONDS, then quit
 *   still:SECONDS          nothing moves for SECONDS, then quit
 *
 * bench/window.py runs both programs and reads their CPU time and
 * context switches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "reference-figure.h"

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  printf ("first-frame\n");
  fflush (stdout);
  if (g_strcmp0 (g_getenv ("STEADY_BENCH"), "first-frame") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_map (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint), widget);
}

static void
draw_reference (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (area));
  double t = clock ? gdk_frame_clock_get_frame_time (clock) / 1e6 : 0;

  paint_reference (cr, width, height, t);
}

static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_app (gpointer app)
{
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
activate (GApplication *app)
{
  const char *mode = g_getenv ("STEADY_BENCH");
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content;
  double seconds = 0;

  if (mode != NULL && g_str_has_prefix (mode, "animate:"))
    {
      content = gtk_drawing_area_new ();
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (content), draw_reference, NULL, NULL);
      gtk_widget_add_tick_callback (content, tick, NULL, NULL);
      seconds = g_ascii_strtod (mode + strlen ("animate:"), NULL);
    }
  else
    {
      content = gtk_label_new ("Bare window");
      if (mode != NULL && g_str_has_prefix (mode, "still:"))
        seconds = g_ascii_strtod (mode + strlen ("still:"), NULL);
    }

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  if (seconds > 0)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
      g_timeout_add ((guint)(seconds * 1000), quit_app, app);
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.steadycoach.Steady.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

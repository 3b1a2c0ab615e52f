/* bench-coach.c: a whole drill, end to end, in the real window, in real time
 *
 *   bench-coach [--drill ID|all] [--screenshots DIR]
 *
 * Opens Steady's window at 1280×800 under the virtual display of
 * build-aux/dev bench, starts a drill as the Start button does (skipping
 * the check-in) with voice and tones playing on `fakesink sync=true`, and
 * lets it run to its end on the audio pipeline's clock, nothing driven by
 * the bench. Every frame it reads what the page shows and compares it
 * with the timeline at the page's session time. It prints, per drill:
 *
 *   - whether the session finished, and its wall-clock length against the
 *     timeline's (what a patient would notice as a slow or fast coach);
 *   - how often session time followed the audio pipeline's clock;
 *   - the spread of (wall clock − session time) over the run: how steadily
 *     the one clock advanced;
 *   - frames drawn per second while coaching;
 *   - how late the sound's buffers reached and left the sink (on a fakesink
 *     there is no device buffer to write ahead into, so this is the
 *     scheduler's wake-up delay under the window's load; compare with
 *     bench-audio's bare-pipeline baseline);
 *   - the counters and captions shown that disagree with the timeline at
 *     that moment, and the timeline's captions never shown at all.
 *
 * The default is the shortest drill (a minute and a half); --drill all
 * runs the three (about eight minutes). With --screenshots it saves the
 * window mid-hold and mid-breath as DIR/e2e-DRILL-mid-hold.png and
 * DIR/e2e-DRILL-mid-breath.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "sink-watch.h"
#include "steady-application.h"
#include "steady-checkin-view.h"
#include "steady-coach-page.h"
#include "steady-window.h"

typedef struct {
  SteadyWindow    *window;
  SteadyCoachPage *page;
  SteadyTimeline  *timeline;
  const char      *drill;
  const char      *screenshots;
  GMainLoop       *loop;

  gint64           wall_start;      /* µs, monotonic, when the session started */
  gint64           wall_end;
  guint            frames;
  guint            following_audio;
  guint            counter_wrong;
  guint            caption_wrong;
  char            *first_wrong;
  double           offset_min;      /* seconds: wall − session time */
  double           offset_max;
  double           offset_min_at;   /* session time of each */
  double           offset_max_at;
  GHashTable      *captions_seen;
  Lateness         lateness;
  gboolean         took_hold;
  gboolean         took_breath;
} Run;

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static void
save_screenshot (Run        *run,
                 const char *what)
{
  GtkWidget *widget = GTK_WIDGET (run->window);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("e2e-%s-%s.png", run->drill, what);
  g_autofree char *path = g_build_filename (run->screenshots, name, NULL);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (run->window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (gdk_texture_save_to_png (texture, path))
    printf ("coach e2e %s: screenshot %s at %.2f s\n", run->drill, path,
            steady_coach_page_get_time (run->page));
}

/* Runs after the page's own tick callback has brought it to this frame. */
static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Run *run = user_data;
  SteadyMoment moment;
  double t, offset;

  if (steady_coach_page_get_state (run->page) != STEADY_COACH_STATE_RUNNING)
    return G_SOURCE_CONTINUE;

  t = steady_coach_page_get_time (run->page);
  steady_timeline_get_moment (run->timeline, t, &moment);
  run->frames++;
  if (steady_coach_page_get_follows_audio (run->page))
    run->following_audio++;

  offset = (g_get_monotonic_time () - run->wall_start) / (double) G_USEC_PER_SEC - t;
  if (offset < run->offset_min)
    {
      run->offset_min = offset;
      run->offset_min_at = t;
    }
  if (offset > run->offset_max)
    {
      run->offset_max = offset;
      run->offset_max_at = t;
    }

  if (g_strcmp0 (or_empty (moment.counter), or_empty (steady_coach_page_get_counter_text (run->page))) != 0)
    {
      run->counter_wrong++;
      if (run->first_wrong == NULL)
        run->first_wrong = g_strdup_printf ("at %.3f s the counter showed “%s”, the timeline says “%s”",
                                            t, steady_coach_page_get_counter_text (run->page),
                                            moment.counter);
    }
  if (g_strcmp0 (or_empty (moment.caption), or_empty (steady_coach_page_get_caption_text (run->page))) != 0)
    {
      run->caption_wrong++;
      if (run->first_wrong == NULL)
        run->first_wrong = g_strdup_printf ("at %.3f s the caption showed “%s”, the timeline says “%s”",
                                            t, steady_coach_page_get_caption_text (run->page),
                                            moment.caption);
    }
  g_hash_table_add (run->captions_seen, g_strdup (or_empty (steady_coach_page_get_caption_text (run->page))));

  if (run->screenshots != NULL)
    {
      if (!run->took_hold && moment.phase == STEADY_PHASE_HOLD
          && moment.hold_progress >= 0.45 && moment.breath == STEADY_BREATH_NONE)
        {
          run->took_hold = TRUE;
          save_screenshot (run, "mid-hold");
        }
      if (!run->took_breath && moment.breath == STEADY_BREATH_IN
          && moment.breath_progress >= 0.5)
        {
          run->took_breath = TRUE;
          save_screenshot (run, "mid-breath");
        }
    }

  return G_SOURCE_CONTINUE;
}

static void
finished_cb (SteadyCoachPage *page,
             gpointer         user_data)
{
  Run *run = user_data;

  run->wall_end = g_get_monotonic_time ();
  /* The last caption ("Done") shows as the session ends. */
  g_hash_table_add (run->captions_seen, g_strdup (or_empty (steady_coach_page_get_caption_text (page))));
  g_main_loop_quit (run->loop);
}

static gboolean
give_up (gpointer user_data)
{
  Run *run = user_data;

  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* Whether a caption shown named @caption (cues sounding together share
 * one caption naming each). */
static gboolean
caption_seen (Run        *run,
              const char *caption)
{
  GHashTableIter iter;
  gpointer shown;

  g_hash_table_iter_init (&iter, run->captions_seen);
  while (g_hash_table_iter_next (&iter, &shown, NULL))
    if (strstr (shown, caption) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
run_drill (SteadyApplication *app,
           const char        *id,
           const char        *screenshots)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = { 0 };
  guint n_cues, n_missing = 0, guard, tick;
  const SteadyCue *cues;
  double total, wall;
  gboolean finished;

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_VOICE);

  run.window = steady_window_new (app);
  run.drill = id;
  run.screenshots = screenshots;
  run.loop = loop;
  run.offset_min = G_MAXDOUBLE;
  run.offset_max = -G_MAXDOUBLE;
  run.captions_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1280, 800);
  if (!steady_window_open_builtin (run.window))
    {
      printf ("coach e2e %s: FAILED: the built-in program did not open\n", id);
      return FALSE;
    }
  gtk_window_present (GTK_WINDOW (run.window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (run.window));

  run.page = steady_window_get_coach_page (run.window);
  steady_coach_page_set_sink_description (run.page, "fakesink name=bench sync=true signal-handoffs=true");
  if (!gtk_widget_activate_action (GTK_WIDGET (run.window), "win.open-drill", "s", id)
      || !gtk_widget_activate_action (GTK_WIDGET (run.window), "win.start-drill", "s", id))
    {
      printf ("coach e2e %s: FAILED: the window has no drill of that name\n", id);
      gtk_window_destroy (GTK_WINDOW (run.window));
      return FALSE;
    }
  if (g_strcmp0 (steady_window_get_page_name (run.window), "checkin") == 0)
    gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (run.window)),
                                "checkin.skip", NULL);
  run.wall_start = g_get_monotonic_time ();
  if (steady_coach_page_get_state (run.page) != STEADY_COACH_STATE_RUNNING)
    {
      printf ("coach e2e %s: FAILED: the session did not start (page %s)\n", id,
              steady_window_get_page_name (run.window));
      gtk_window_destroy (GTK_WINDOW (run.window));
      return FALSE;
    }

  run.timeline = g_object_ref (steady_coach_page_get_timeline (run.page));
  if (!steady_coach_page_get_follows_audio (run.page))
    {
      printf ("coach e2e %s: FAILED: the session does not play sound: %s\n", id,
              or_empty (steady_coach_page_get_notice_text (run.page)));
      gtk_window_destroy (GTK_WINDOW (run.window));
      return FALSE;
    }
  sink_watch_attach (steady_cue_engine_get_pipeline (steady_coach_page_get_cue_engine (run.page)),
                     &run.lateness);
  total = steady_timeline_get_total (run.timeline);
  g_signal_connect (run.page, "finished", G_CALLBACK (finished_cb), &run);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (run.window), frame_cb, &run, NULL);
  guard = g_timeout_add_seconds ((guint) ceil (total * 2 + 30), give_up, &run);
  g_main_loop_run (loop);

  finished = run.wall_end != 0;
  if (finished)
    g_source_remove (guard);
  gtk_widget_remove_tick_callback (GTK_WIDGET (run.window), tick);
  wall = ((finished ? run.wall_end : g_get_monotonic_time ()) - run.wall_start) / (double) G_USEC_PER_SEC;

  cues = steady_timeline_get_cues (run.timeline, &n_cues);
  for (guint i = 0; i < n_cues; i++)
    if (cues[i].kind != STEADY_CUE_TICK && !caption_seen (&run, cues[i].caption))
      {
        printf ("coach e2e %s: caption never shown: “%s” (%.2f s)\n", id, cues[i].caption, cues[i].time);
        n_missing++;
      }

  printf ("coach e2e %s: %s after %.3f s of wall clock for a %.3f s session (%+.1f ms)\n",
          id, finished ? "finished" : "DID NOT FINISH", wall, total, (wall - total) * 1000);
  printf ("coach e2e %s: %u frames (%.1f per second); session time followed the audio clock in %.1f%% of them\n",
          id, run.frames, run.frames / MAX (wall, 1e-9),
          run.frames ? 100.0 * run.following_audio / run.frames : 0.0);
  printf ("coach e2e %s: wall clock minus session time spread %.1f ms "
          "(from %+.1f ms at %.2f s to %+.1f ms at %.2f s)\n",
          id, (run.offset_max - run.offset_min) * 1000, run.offset_min * 1000, run.offset_min_at,
          run.offset_max * 1000, run.offset_max_at);
  {
    GstClockTimeDiff p50, p99;
    double load[1] = { 0 };

    sink_watch_summarize (&run.lateness, &p50, &p99);
    getloadavg (load, 1);
    printf ("coach e2e %s: sound buffers: %u of %u reached the sink after their moment "
            "(least headroom %+.3f ms); lateness max %.3f ms, p99 %.3f ms (load average %.2f)\n",
            id, run.lateness.arrived_late, run.lateness.buffers, run.lateness.least_ahead / 1e6,
            run.lateness.worst / 1e6, p99 / 1e6, load[0]);
  }
  printf ("coach e2e %s: counters shown unlike the timeline %u, captions %u, timeline captions never shown %u%s%s\n",
          id, run.counter_wrong, run.caption_wrong, n_missing,
          run.first_wrong ? "; first: " : "", run.first_wrong ? run.first_wrong : "");

  steady_coach_page_stop (run.page);
  gtk_window_destroy (GTK_WINDOW (run.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (run.timeline);
  g_hash_table_unref (run.captions_seen);
  g_free (run.first_wrong);

  return finished && run.counter_wrong == 0 && run.caption_wrong == 0 && n_missing == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyApplication) app = NULL;
  g_autofree char *drill = NULL;
  g_autofree char *screenshots = NULL;
  const char * const all[] = { "clamshell", "quadruped-knee-circles", "supine-knee-rotation" };
  const GOptionEntry entries[] = {
    { "drill", 0, 0, G_OPTION_ARG_STRING, &drill,
      "The drill to run, or “all” (default: supine-knee-rotation, the shortest)", "ID" },
    { "screenshots", 0, 0, G_OPTION_ARG_FILENAME, &screenshots,
      "Save the window mid-hold and mid-breath in DIR", "DIR" },
    { NULL },
  };
  gboolean ok = TRUE;

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-coach: %s\n", error->message);
      return 2;
    }
  if (screenshots != NULL && g_mkdir_with_parents (screenshots, 0755) != 0)
    {
      fprintf (stderr, "bench-coach: cannot make %s\n", screenshots);
      return 1;
    }

  gtk_init ();
  adw_init ();
  app = steady_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "bench-coach: %s\n", error->message);
      return 1;
    }

  if (drill != NULL && g_str_equal (drill, "all"))
    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      ok &= run_drill (app, all[i], screenshots);
  else
    ok = run_drill (app, drill != NULL ? drill : "supine-knee-rotation", screenshots);

  return ok ? 0 : 1;
}

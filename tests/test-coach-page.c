/* test-coach-page.c: the coach page on a clock the test drives
 *
 * Runs under the virtual display of build-aux/dev test. The page's frame
 * clock is replaced by a number the test sets (steady_coach_page_set_now_func),
 * so every check happens at an exact session time, without waiting. The
 * built-in program's clamshell has reps every 10 s from t = 5 (lift 1 s,
 * hold 5 s, lower 2 s, rest 2 s); its knees-to-the-side holds from t = 9 to
 * 39 with breaths of 4 s in and 6 s out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "steady-application.h"
#include "ui-test.h"
#include "steady-coach-page.h"
#include "steady-figure-view.h"
#include "steady-journal.h"
#include "steady-window.h"

static SteadyApplication *app;

/* The test's clock. The session starts at now = 1000. */
#define START 1000.0
static double fake_now = START;

static double
test_now (gpointer user_data)
{
  return fake_now;
}



static SteadyWindow *
open_window (int width,
             int height)
{
  SteadyWindow *window = steady_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_settle (GTK_WIDGET (window));

  return window;
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
close_window (SteadyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Opens the drill's page, then starts it as its Start button does, on the
 * test's clock at now = START, in silent mode. */
static SteadyCoachPage *
start_drill (SteadyWindow *window,
             const char   *id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyCoachPage *page = steady_window_get_coach_page (window);

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);
  fake_now = START;
  steady_coach_page_set_now_func (page, test_now, NULL);

  /* Pages change without sliding, so that screenshots show the page. */
  set_animations (FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", id));
  /* On the desktop, a check-in comes first; skipping it starts the drill. */
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.skip", NULL));
  set_animations (TRUE);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  g_assert_false (steady_coach_page_get_follows_audio (page));
  g_assert_cmpfloat (steady_coach_page_get_time (page), ==, 0.0);

  return page;
}

static void
go_to (SteadyCoachPage *page,
       double           now)
{
  fake_now = now;
  steady_coach_page_update (page);
}

/* Screenshots ----------------------------------------------------------- */

static void
save_screenshot (gpointer    window,
                 const char *name)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (window));
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");

  ui_test_save_png (texture, file_name);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Tests ------------------------------------------------------------------ */

static void
test_mid_hold (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "clamshell");

  g_assert_true (steady_coach_page_is_ticking (page));
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Get ready");
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "Get ready: Left hip, lying on your right side");
  /* The ring counts the 5 s of getting ready down too. */
  g_assert_cmpfloat (steady_coach_page_get_ring_left (page), ==, 1.0);
  go_to (page, START + 1.0);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_ring_left (page), 0.8, 1e-9);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "seconds left");

  /* Half-way through rep 2's lift. */
  go_to (page, START + 15.5);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 2 of 15");
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Lift");
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "Rep 2 of 15: lift your top knee");
  /* No countdown while lifting: the ring fills at the lift's pace (1 s). */
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Slowly");
  g_assert_cmpfloat (steady_coach_page_get_ring_left (page), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_pace_done (page), 0.5, 1e-9);
  go_to (page, START + 15.75);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_pace_done (page), 0.75, 1e-9);

  /* 1.5 s into rep 2's 5 s hold: 3.5 s (70 %) of the ring left. */
  go_to (page, START + 17.5);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 17.5, 1e-9);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 2 of 15");
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Hold");
  /* The tick at 17 s is shown by the ring, not as a caption. */
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "Hold for 5 seconds");
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "seconds left");
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_ring_left (page), 0.7, 1e-9);
  g_assert_cmpfloat (steady_coach_page_get_pace_done (page), ==, 0.0);
  g_assert_cmpfloat (steady_coach_page_get_breath_fullness (page), ==, 0.0);
  g_assert_cmpstr (steady_coach_page_get_announcement (page), ==, "Hold. Rep 2 of 15.");

  /* The countdown is captioned too. */
  go_to (page, START + 19.2);
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "2");
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_ring_left (page), 0.36, 1e-9);
  /* Not every second is announced. */
  g_assert_cmpstr (steady_coach_page_get_announcement (page), ==, "Hold. Rep 2 of 15.");

  /* The hold's end is. */
  go_to (page, START + 21.5);
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Lower");
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "Release · Lower slowly, with control");
  g_assert_cmpstr (steady_coach_page_get_announcement (page), ==, "Hold done. Lower.");
  g_assert_cmpfloat (steady_coach_page_get_ring_left (page), ==, 0.0);
  g_assert_cmpfloat (steady_coach_page_get_pace_done (page), >, 0.0);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Slowly");

  close_window (window);
}

static void
test_mid_breath (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "supine-knee-rotation");

  /* Half-way through the first in-breath (9 s to 13 s). */
  go_to (page, START + 11.0);
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Hold");
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 1 of 1");
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "Hold for 30 seconds · Breathe in");
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Breathe in");
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_breath_fullness (page), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_ring_left (page), 28.0 / 30.0, 1e-9);

  /* A quarter into the out-breath (13 s to 19 s): still mostly full. */
  go_to (page, START + 14.5);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Breathe out");
  g_assert_cmpstr (steady_coach_page_get_caption_text (page), ==, "Breathe out");
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_breath_fullness (page),
                                  0.5 + 0.5 * cos (G_PI / 4), 1e-9);

  /* The next in-breath starts empty and grows. */
  go_to (page, START + 20.0);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Breathe in");
  g_assert_cmpfloat (steady_coach_page_get_breath_fullness (page), <, 0.5);
  g_assert_cmpfloat (steady_coach_page_get_breath_fullness (page), >, 0.0);

  close_window (window);
}

/* Reduced motion: stills that the words go with. The ring steps once a
 * second and the breathing guide shows where the breath is going. */
static void
test_reduced_motion (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "clamshell");

  set_animations (FALSE);
  go_to (page, START + 17.5);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_ring_left (page), 0.8, 1e-9);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "seconds left");
  /* Rep 2 lifts from 15 s and lowers from 21 s: stills with arrows. The
   * lift's pace steps by whole seconds, the first shown at once (the
   * lift takes one). */
  go_to (page, START + 15.5);
  g_assert_cmpfloat (steady_coach_page_get_pace_done (page), ==, 1.0);
  save_screenshot (window, "coach-reduced-motion-lift");
  go_to (page, START + 22.0);
  save_screenshot (window, "coach-reduced-motion-lower");
  close_window (window);

  window = open_window (1000, 720);
  page = start_drill (window, "supine-knee-rotation");
  set_animations (FALSE);
  go_to (page, START + 11.0);
  g_assert_cmpfloat (steady_coach_page_get_breath_fullness (page), ==, 1.0);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Breathe in");
  go_to (page, START + 14.5);
  g_assert_cmpfloat (steady_coach_page_get_breath_fullness (page), ==, 0.0);
  g_assert_cmpstr (steady_coach_page_get_dial_text (page), ==, "Breathe out");
  set_animations (TRUE);
  close_window (window);
}

static void
test_pause_resume (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "clamshell");

  go_to (page, START + 18.5);
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.toggle-pause", NULL);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_PAUSED);
  g_assert_false (steady_coach_page_is_ticking (page));
  g_assert_cmpstr (steady_coach_page_get_announcement (page), ==, "Paused");

  /* Time passes; the session does not. */
  go_to (page, START + 60.0);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 18.5, 1e-9);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 2 of 15");
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_ring_left (page), 0.5, 1e-9);
  /* The title says so. */
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Paused");

  /* Resumed, it goes on from where it was. */
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.toggle-pause", NULL);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Hold");
  g_assert_true (steady_coach_page_is_ticking (page));
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 18.5, 1e-9);
  go_to (page, START + 61.0);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 19.5, 1e-9);

  close_window (window);
}

static void
test_skip_back_stop (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "clamshell");

  go_to (page, START + 18.5);
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.skip", NULL);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 25.0, 1e-9);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 3 of 15");
  g_assert_cmpstr (steady_coach_page_get_phase_text (page), ==, "Lift");

  /* Time runs on from the new place. */
  go_to (page, START + 19.5);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 26.0, 1e-9);

  /* Back from inside rep 3 goes to the start of rep 2. */
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.back", NULL);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 15.0, 1e-9);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 2 of 15");

  /* Escape stops cleanly; after the check-in (skipped here) the drill's
   * page is back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.stop", NULL));
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_READY);
  g_assert_false (steady_coach_page_is_ticking (page));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.skip", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");

  close_window (window);
}

static void
test_done (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "quadruped-knee-circles");
  SteadyTimeline *timeline = steady_coach_page_get_timeline (page);

  go_to (page, START + 5.5);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Circle 1 of 5 · clockwise");

  set_animations (FALSE);  /* no cross-fade in the screenshot */
  go_to (page, START + steady_timeline_get_total (timeline) + 1.0);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_DONE);
  g_assert_false (steady_coach_page_is_ticking (page));
  g_assert_cmpstr (steady_coach_page_get_announcement (page), ==, "Done. Well done.");
  /* The check-in after it (skipped here), then the coach's Done. */
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.skip", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  set_dark (FALSE);
  save_screenshot (window, "coach-done");
  set_animations (TRUE);
  /* All of it done: nothing more to say. */
  g_assert_null (strstr (steady_coach_page_get_done_text (page), "You did"));

  /* "Back to the drills" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-drills", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drills");

  close_window (window);
}

/* The frame clock itself, not the test's: a running session advances
 * with frames, and a tick callback exists only while it runs. */
static void
test_frame_clock (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "clamshell");

  steady_coach_page_set_now_func (page, NULL, NULL);
  g_assert_cmpfloat (steady_coach_page_get_time (page), <, 0.5);
  WAIT_UNTIL (steady_coach_page_get_time (page) > 0.05);

  gtk_widget_activate_action (GTK_WIDGET (page), "coach.toggle-pause", NULL);
  g_assert_false (steady_coach_page_is_ticking (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.stop", NULL);
  g_assert_false (steady_coach_page_is_ticking (page));

  close_window (window);
}

/* A page of its own in a window, with the given sound. */
static SteadyCoachPage *
open_sound_page (GtkWindow         **window_out,
                 SteadyCueSoundMode  mode,
                 const char         *sink)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = steady_coach_page_new ();

  program = steady_program_new_builtin (&error);
  g_assert_no_error (error);

  gtk_window_set_title (GTK_WINDOW (window), "Coach");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  steady_coach_page_set_drill (STEADY_COACH_PAGE (page),
                               steady_program_find_drill (program, "clamshell"), NULL);
  steady_coach_page_set_sound (STEADY_COACH_PAGE (page), mode, 0.5);
  steady_coach_page_set_sink_description (STEADY_COACH_PAGE (page), sink);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  *window_out = GTK_WINDOW (window);
  return STEADY_COACH_PAGE (page);
}

static void
test_sound_follows_pipeline (gconstpointer data)
{
  SteadyCueSoundMode mode = GPOINTER_TO_INT (data);
  GtkWindow *window;
  SteadyCoachPage *page = open_sound_page (&window, mode, "fakesink sync=true");
  double paused_at;

  steady_coach_page_start (page);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  g_assert_true (steady_coach_page_get_follows_audio (page));
  g_assert_null (steady_coach_page_get_notice_text (page));

  /* The pipeline plays in real time on its synchronised fake sink. */
  WAIT_UNTIL (steady_coach_page_get_time (page) > 0.1);

  steady_coach_page_toggle_pause (page);
  paused_at = steady_coach_page_get_time (page);
  g_assert_false (steady_coach_page_is_ticking (page));
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  steady_coach_page_update (page);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), paused_at, 1e-3);

  /* Skip lands on rep 1 (t = 5) on the pipeline's clock too. */
  steady_coach_page_skip (page);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 5.0, 1e-3);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 1 of 15");

  steady_coach_page_stop (page);
  g_assert_false (steady_coach_page_is_ticking (page));
  gtk_window_destroy (window);
}

/* A label under @root that is shown and reads @text (whole, or a part of
 * it for shows_text()). */
static gboolean
find_shown_label (GtkWidget  *root,
                  const char *text,
                  gboolean    whole)
{
  if (!gtk_widget_get_child_visible (root) || !gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_REVEALER (root) && !gtk_revealer_get_reveal_child (GTK_REVEALER (root)))
    return FALSE;
  if (GTK_IS_LABEL (root))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (root));

      if (whole ? g_strcmp0 (label, text) == 0 : strstr (label, text) != NULL)
        return TRUE;
    }
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (find_shown_label (w, text, whole))
      return TRUE;
  return FALSE;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return find_shown_label (root, text, TRUE);
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return find_shown_label (root, text, FALSE);
}

static void
test_no_device_notice (void)
{
  GtkWindow *window;
  SteadyCoachPage *page = open_sound_page (&window, STEADY_CUE_SOUND_VOICE, "steadynosuchsink");

  steady_coach_page_start (page);
  /* Silent, said so, and still coaching on the frame clock. */
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  g_assert_false (steady_coach_page_get_follows_audio (page));
  g_assert_nonnull (steady_coach_page_get_notice_text (page));
  /* GStreamer's words go to the log; the patient reads a plain sentence. */
  g_assert_nonnull (strstr (steady_coach_page_get_notice_text (page), "steadynosuchsink"));
  g_assert_true (steady_coach_page_is_ticking (page));
  WAIT_UNTIL (steady_coach_page_get_time (page) > 0.05);
  save_screenshot (window, "coach-no-sound");
  g_assert_true (shows_label (GTK_WIDGET (page), "Coaching without sound: every cue is shown as a caption."));
  g_assert_true (shows_label (GTK_WIDGET (page), "Steady could not open the speakers."));
  g_assert_false (shows_text (GTK_WIDGET (page), "steadynosuchsink"));

  steady_coach_page_stop (page);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  const gboolean schemes[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      SteadyWindow *window;
      SteadyCoachPage *page;

      set_dark (schemes[i]);

      window = open_window (1000, 720);
      page = start_drill (window, "clamshell");
      go_to (page, START + 17.5);
      save_screenshot (window, "coach-mid-hold");
      close_window (window);

      window = open_window (1000, 720);
      page = start_drill (window, "supine-knee-rotation");
      go_to (page, START + 11.0);
      save_screenshot (window, "coach-mid-breath");
      close_window (window);
    }

  /* A narrow window and a full-screen kiosk. */
  set_dark (FALSE);
  {
    const int sizes[][2] = { { 600, 800 }, { 1920, 1080 } };

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        SteadyWindow *window = open_window (sizes[i][0], sizes[i][1]);
        SteadyCoachPage *page = start_drill (window, "supine-knee-rotation");
        g_autofree char *name = g_strdup_printf ("coach-mid-breath-%d", sizes[i][0]);

        go_to (page, START + 11.0);
        save_screenshot (window, name);

        /* Portrait: the figure goes above, the full width, and is larger
         * than beside the readout, where it had a third of the window. */
        {
          GtkWidget *figure = ui_test_find_type (GTK_WIDGET (page), STEADY_TYPE_FIGURE_VIEW, TRUE);
          int page_width = gtk_widget_get_width (GTK_WIDGET (page));
          int page_height = gtk_widget_get_height (GTK_WIDGET (page));

          g_assert_nonnull (figure);
          if (sizes[i][0] < sizes[i][1])
            {
              g_assert_true (steady_coach_page_is_stacked (page));
              g_assert_cmpint (gtk_widget_get_width (figure), >, page_width * 3 / 4);
              g_assert_cmpint (gtk_widget_get_height (figure), >, page_height / 3);
            }
          else
            g_assert_false (steady_coach_page_is_stacked (page));
        }
        close_window (window);
      }
  }

  /* Portrait, mid-lift. */
  {
    SteadyWindow *window = open_window (600, 800);
    SteadyCoachPage *page = start_drill (window, "clamshell");

    go_to (page, START + 15.5);
    save_screenshot (window, "coach-mid-lift-600");
    g_assert_true (steady_coach_page_is_stacked (page));
    g_assert_true (steady_coach_page_shows_control_labels (page));
    close_window (window);
  }

  /* Too narrow for the labels (large text): Back, Skip and Stop all show
   * only their icons, and none keeps the width its label would take. */
  {
    SteadyWindow *window;
    SteadyCoachPage *page;
    const char * const actions[] = { "coach.back", "coach.skip", "coach.stop" };

    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
    window = open_window (480, 800);
    page = start_drill (window, "clamshell");
    go_to (page, START + 15.5);
    save_screenshot (window, "coach-mid-lift-480-text150");
    g_assert_false (steady_coach_page_shows_control_labels (page));
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GtkWidget *button = ui_test_find_action (GTK_WIDGET (page), actions[i]);

        g_assert_nonnull (button);
        g_assert_cmpint (gtk_widget_get_width (button), <, 100);
      }
    close_window (window);
    gtk_settings_reset_property (gtk_settings_get_default (), "gtk-xft-dpi");
  }
}

/* Nothing on the page reaches past its edges: not the long "Get ready"
 * line that names the side, nor the counter, nor the figure beside them. */
static void
assert_inside (GtkWidget *page,
               GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      /* An overlay scrollbar's slider may grow past the edge it sits on. */
      if (!gtk_widget_is_drawable (child) || GTK_IS_SCROLLBAR (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, page, &bounds));
      if (bounds.size.width > 0 && bounds.size.height > 0 &&
          (bounds.origin.x < -0.5 ||
           bounds.origin.x + bounds.size.width > gtk_widget_get_width (page) + 0.5))
        g_error ("%s “%s” spans x %.0f to %.0f, outside the page's 0 to %d",
                 G_OBJECT_TYPE_NAME (child),
                 GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "",
                 bounds.origin.x, bounds.origin.x + bounds.size.width,
                 gtk_widget_get_width (page));
      assert_inside (page, child);
    }
}

static void
test_fits (void)
{
  const int sizes[][2] = { { 1000, 720 }, { 1000, 640 }, { 800, 600 }, { 1024, 600 }, { 1280, 800 }, { 600, 800 } };
  const char * const drills[] = { "clamshell", "quadruped-knee-circles", "supine-knee-rotation" };
  /* Getting ready, then a moment into the first rep or circle. */
  const double moments[] = { 1.0, 17.5 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint d = 0; d < G_N_ELEMENTS (drills); d++)
      {
        SteadyWindow *window = open_window (sizes[i][0], sizes[i][1]);
        SteadyCoachPage *page = start_drill (window, drills[d]);

        for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
          {
            go_to (page, START + moments[m]);
            ui_test_settle (GTK_WIDGET (window));
            g_test_message ("%s at %d×%d, %.1f s", drills[d], sizes[i][0], sizes[i][1], moments[m]);
            g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, sizes[i][0]);
            assert_inside (GTK_WIDGET (page), GTK_WIDGET (page));
          }
        close_window (window);
      }
}

/* The session flow: check-ins and the journal --------------------------- */

/* The journal the application keeps, opened on its own (same path). */
static SteadyJournal *
open_journal (void)
{
  g_autofree char *path = steady_journal_get_default_path ();
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal;

  journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  return journal;
}

/* The last session kept, and its check-ins. */
static SteadySession *
last_session (GArray **checkins_out)
{
  g_autoptr(SteadyJournal) journal = open_journal ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SteadySession *session;

  sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);
  session = g_ptr_array_steal_index (sessions, sessions->len - 1);

  all = steady_journal_list_checkins (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  *checkins_out = g_array_new (FALSE, FALSE, sizeof (SteadyCheckin));
  for (guint i = 0; i < all->len; i++)
    if (g_array_index (all, SteadyCheckin, i).session_id == session->id)
      g_array_append_val (*checkins_out, g_array_index (all, SteadyCheckin, i));

  return session;
}

static void
answer_checkin (SteadyWindow        *window,
                SteadyCheckinMoment  moment,
                int                  pop_urge,
                int                  pain)
{
  SteadyCheckinView *view = steady_window_get_checkin_view (window);
  SteadyCheckin checkin;

  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_cmpint (steady_checkin_view_get_moment (view), ==, moment);
  /* The pop question says over what time. */
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (view),
                                        moment == STEADY_CHECKIN_BEFORE
                                        ? "Since your last session, did your hip pop?"
                                        : "Did your hip pop during the drill?", TRUE));
  steady_checkin_init (&checkin, moment);
  checkin.pop_urge = pop_urge;
  checkin.pain = pain;
  checkin.popped = 0;
  checkin.painful = 0;
  steady_checkin_view_set_checkin (view, &checkin);
}

/* Start → before check-in → coaching (2 reps done, one skipped, one more
 * done) → stop → after check-in → the drill's page; the journal has it. */
static void
test_flow_journal (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = steady_window_get_coach_page (window);
  g_autoptr(SteadySession) session = NULL;
  g_autoptr(GArray) checkins = NULL;

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);
  fake_now = START;
  steady_coach_page_set_now_func (page, test_now, NULL);
  set_animations (FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", "clamshell"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", "clamshell"));
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_READY);
  answer_checkin (window, STEADY_CHECKIN_BEFORE, 6, 2);
  save_screenshot (window, "flow-checkin-before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.submit", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);

  /* Reps 1 and 2 end at 15 and 25 s; rep 3 is skipped (to rep 4 at 35 s),
   * and rep 4 ends at 45 s. */
  go_to (page, START + 26.0);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 3 of 15");
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.skip", NULL);
  g_assert_cmpfloat_with_epsilon (steady_coach_page_get_time (page), 35.0, 1e-9);
  go_to (page, START + 36.5);
  g_assert_cmpstr (steady_coach_page_get_counter_text (page), ==, "Rep 5 of 15");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.stop", NULL));

  answer_checkin (window, STEADY_CHECKIN_AFTER, 3, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.submit", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");
  set_animations (TRUE);

  session = last_session (&checkins);
  g_assert_cmpstr (session->program_id, ==, "hip-stability");
  g_assert_cmpstr (session->drill_id, ==, "clamshell");
  g_assert_cmpint (session->sides, ==, STEADY_SIDE_BOTH);
  g_assert_cmpuint (session->reps_planned, ==, 30);
  g_assert_cmpuint (session->reps_done, ==, 3);
  g_assert_cmpuint (session->circles_planned, ==, 0);
  g_assert_cmpuint (session->holds_planned, ==, 0);
  g_assert_cmpint (session->outcome, ==, STEADY_SESSION_STOPPED);
  g_assert_cmpstr (session->reason, ==, "patient");
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 0).moment, ==, STEADY_CHECKIN_BEFORE);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 0).pop_urge, ==, 6);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 0).pain, ==, 2);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 1).moment, ==, STEADY_CHECKIN_AFTER);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 1).pain, ==, 3);

  close_window (window);
}

/* A circle skipped is not done: the Done page says how many were. */
static void
test_done_after_skip (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "quadruped-knee-circles");
  SteadyTimeline *timeline = steady_coach_page_get_timeline (page);
  g_autofree char *expected = NULL;
  guint planned[3];

  steady_coach_page_count_units (page, planned);
  go_to (page, START + 5.5);
  gtk_widget_activate_action (GTK_WIDGET (page), "coach.skip", NULL);
  go_to (page, START + steady_timeline_get_total (timeline) + 30.0);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_DONE);
  expected = g_strdup_printf ("You did %u of the %u.", planned[STEADY_PROGRESS_CIRCLE] - 1,
                              planned[STEADY_PROGRESS_CIRCLE]);
  g_assert_true (g_str_has_suffix (steady_coach_page_get_done_text (page), expected));
  close_window (window);
}

/* A finished drill and pain 8 after it: the stop card, and the session is
 * kept as stopped by the rule. */
static void
test_flow_stop_card (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "quadruped-knee-circles");
  SteadyTimeline *timeline = steady_coach_page_get_timeline (page);
  g_autoptr(SteadySession) session = NULL;
  g_autoptr(GArray) checkins = NULL;

  set_animations (FALSE);  /* the screenshot shows the check-in, not a slide */
  go_to (page, START + steady_timeline_get_total (timeline) + 1.0);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_DONE);

  answer_checkin (window, STEADY_CHECKIN_AFTER, 2, 8);
  save_screenshot (window, "flow-checkin-after");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.submit", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "stop");
  g_assert_cmpint (steady_stop_card_get_reason (steady_window_get_stop_card (window)), ==,
                   STEADY_STOP_PAIN_HIGH);
  save_screenshot (window, "flow-stop-card");
  set_animations (TRUE);

  session = last_session (&checkins);
  g_assert_cmpstr (session->drill_id, ==, "quadruped-knee-circles");
  g_assert_cmpuint (session->circles_planned, >, 0);
  g_assert_cmpuint (session->circles_done, ==, session->circles_planned);
  g_assert_cmpuint (session->reps_done, ==, 0);
  g_assert_cmpint (session->outcome, ==, STEADY_SESSION_STOPPED);
  g_assert_cmpstr (session->reason, ==, "pain-high");
  /* The before check-in was skipped: only the one after is kept. */
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 0).pain, ==, 8);

  /* "I Understand" goes back to the start, not to the drill's Start. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_stop_card (window)),
                                             "stop-card.done", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");

  close_window (window);
}

/* A check-in saved untouched keeps no answer at all (not "pain 0"), and
 * one where only the pain scale was moved keeps only the pain. */
static void
test_flow_unanswered (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = steady_window_get_coach_page (window);
  SteadyCheckinView *view = steady_window_get_checkin_view (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SteadySession) session = NULL;
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();
  const SteadyCheckin *c;

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);
  fake_now = START;
  steady_coach_page_set_now_func (page, test_now, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", "clamshell"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", "clamshell"));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");

  go_to (page, START + 12.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.stop", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_cmpint (steady_checkin_view_get_moment (view), ==, STEADY_CHECKIN_AFTER);
  /* The after check-in starts unanswered too; the keys answer the pain
   * (the urge scale, first, is left alone). */
  ui_test_collect_type (GTK_WIDGET (view), GTK_TYPE_SCALE, FALSE, scales);
  g_assert_cmpuint (scales->len, ==, 2);
  for (guint i = 0; i < 3; i++)
    g_signal_emit_by_name (g_ptr_array_index (scales, 1), "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");

  session = last_session (&checkins);
  g_assert_cmpuint (checkins->len, ==, 2);
  c = &g_array_index (checkins, SteadyCheckin, 0);
  g_assert_cmpint (c->moment, ==, STEADY_CHECKIN_BEFORE);
  g_assert_cmpint (c->pop_urge, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c->pain, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c->popped, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c->painful, ==, STEADY_CHECKIN_SKIPPED);
  c = &g_array_index (checkins, SteadyCheckin, 1);
  g_assert_cmpint (c->moment, ==, STEADY_CHECKIN_AFTER);
  g_assert_cmpint (c->pop_urge, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (c->pain, ==, 3);
  g_assert_cmpint (session->outcome, ==, STEADY_SESSION_STOPPED);

  close_window (window);
}

/* A finished drill with nothing wrong is kept as finished, every hold
 * done. */
static void
test_flow_finished (void)
{
  SteadyWindow *window = open_window (1000, 720);
  SteadyCoachPage *page = start_drill (window, "supine-knee-rotation");
  SteadyTimeline *timeline = steady_coach_page_get_timeline (page);
  g_autoptr(SteadySession) session = NULL;
  g_autoptr(GArray) checkins = NULL;

  go_to (page, START + steady_timeline_get_total (timeline) + 1.0);
  answer_checkin (window, STEADY_CHECKIN_AFTER, 1, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.submit", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_DONE);

  session = last_session (&checkins);
  g_assert_cmpstr (session->drill_id, ==, "supine-knee-rotation");
  g_assert_cmpuint (session->holds_planned, >, 0);
  g_assert_cmpuint (session->holds_done, ==, session->holds_planned);
  g_assert_cmpfloat (session->hold_seconds, >, 0.0);
  g_assert_cmpint (session->outcome, ==, STEADY_SESSION_FINISHED);
  g_assert_null (session->reason);
  g_assert_cmpuint (checkins->len, ==, 1);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* No sound server on the test machine counts (see test-cue-engine). */
  g_setenv ("PULSE_SERVER", "unix:/nonexistent", TRUE);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/coach-page/mid-hold", test_mid_hold);
  g_test_add_func ("/coach-page/mid-breath", test_mid_breath);
  g_test_add_func ("/coach-page/reduced-motion", test_reduced_motion);
  g_test_add_func ("/coach-page/pause-resume", test_pause_resume);
  g_test_add_func ("/coach-page/skip-back-stop", test_skip_back_stop);
  g_test_add_func ("/coach-page/done-after-skip", test_done_after_skip);
  g_test_add_func ("/coach-page/done", test_done);
  g_test_add_func ("/coach-page/frame-clock", test_frame_clock);
  g_test_add_func ("/coach-page/flow/journal", test_flow_journal);
  g_test_add_func ("/coach-page/flow/stop-card", test_flow_stop_card);
  g_test_add_func ("/coach-page/flow/finished", test_flow_finished);
  g_test_add_func ("/coach-page/flow/unanswered", test_flow_unanswered);
  g_test_add_data_func ("/coach-page/sound/tones", GINT_TO_POINTER (STEADY_CUE_SOUND_TONES),
                        test_sound_follows_pipeline);
  g_test_add_data_func ("/coach-page/sound/voice", GINT_TO_POINTER (STEADY_CUE_SOUND_VOICE),
                        test_sound_follows_pipeline);
  g_test_add_func ("/coach-page/sound/no-device", test_no_device_notice);
  g_test_add_func ("/coach-page/screenshots", test_screenshots);
  g_test_add_func ("/coach-page/fits", test_fits);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

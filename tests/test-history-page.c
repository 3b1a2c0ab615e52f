/* test-history-page.c: the history page, the check-in view, the stop card
 * and how the window reaches them
 *
 * Runs under the virtual display of build-aux/dev test, with its own
 * XDG_DATA_HOME (the journal) and TZ=UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "steady-application.h"
#include "steady-checkin-view.h"
#include "steady-history-page.h"
#include "steady-progress.h"
#include "steady-stop-card.h"
#include "steady-window.h"
#include "ui-test.h"

#define DAY 86400
/* Wednesday 25 November 2026, 18:00 UTC */
#define NOW G_GINT64_CONSTANT (1795628800)

static SteadyApplication *app;

/* An application that says it is a kiosk, as the kiosk shell's does. */
#define TEST_TYPE_KIOSK_APP (test_kiosk_app_get_type ())
G_DECLARE_FINAL_TYPE (TestKioskApp, test_kiosk_app, TEST, KIOSK_APP, GtkApplication)

struct _TestKioskApp
{
  GtkApplication parent_instance;
  gboolean       kiosk;
};

G_DEFINE_FINAL_TYPE (TestKioskApp, test_kiosk_app, GTK_TYPE_APPLICATION)

static void
test_kiosk_app_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  g_value_set_boolean (value, TEST_KIOSK_APP (object)->kiosk);
}

static void
test_kiosk_app_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TEST_KIOSK_APP (object)->kiosk = g_value_get_boolean (value);
}

static void
test_kiosk_app_class_init (TestKioskAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_kiosk_app_get_property;
  object_class->set_property = test_kiosk_app_set_property;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_boolean ("kiosk", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
test_kiosk_app_init (TestKioskApp *self)
{
}
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}


static gboolean
has_session_on (int d)
{
  return d != 5 && d != 6 && d != 12 && d != 17;
}

/* Three weeks as a patient would do them: a check-in, a clamshell session,
 * another check-in, most days; on day 10 the pain went up and the session
 * stopped. */
static void
fill_journal (SteadyJournal *journal)
{
  g_autoptr(GError) error = NULL;

  steady_journal_set_clock (journal, fake_clock, NULL);
  for (int d = 0; d <= 20; d++)
    {
      gint64 morning = NOW - (20 - d) * DAY - 10 * 3600;   /* 08:00 UTC */
      SteadySessionPlan plan = { "hip-stability", "clamshell", STEADY_SIDE_BOTH, 15, 0, 0 };
      SteadyCheckin before, after;
      gboolean stop = d == 10;
      gint64 id;

      if (!has_session_on (d))
        continue;

      steady_checkin_init (&before, STEADY_CHECKIN_BEFORE);
      before.time = morning;
      before.pop_urge = 7 - d / 4;
      before.pain = 5 - d / 5;
      fake_now = morning + 60;
      id = steady_journal_begin_session (journal, &plan, &error);
      g_assert_no_error (error);
      before.session_id = id;
      g_assert_cmpint (steady_journal_add_checkin (journal, &before, &error), >, 0);

      for (guint rep = 0; rep < (stop ? 4u : 15u); rep++)
        {
          fake_now = morning + 90 + rep * 10;
          g_assert_true (steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP,
                                                         STEADY_SIDE_LEFT, 5.0, &error));
        }
      fake_now = morning + 600;
      g_assert_true (steady_journal_end_session (journal, id,
                                                 stop ? STEADY_SESSION_STOPPED : STEADY_SESSION_FINISHED,
                                                 stop ? "pain-rise" : NULL, &error));

      after = before;
      after.moment = STEADY_CHECKIN_AFTER;
      after.time = morning + 660;
      after.pop_urge = before.pop_urge - 1;
      after.pain = before.pain + (stop ? 2 : 0);
      after.popped = 0;
      after.painful = 0;
      g_assert_cmpint (steady_journal_add_checkin (journal, &after, &error), >, 0);
    }
}

static void
test_filled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "journal.sqlite", NULL);
  g_autoptr(SteadyJournal) journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  SteadyHistoryPage *page;

  g_assert_no_error (error);
  fill_journal (journal);

  page = STEADY_HISTORY_PAGE (g_object_ref_sink (steady_history_page_new ()));
  steady_history_page_set_now (page, NOW);
  steady_history_page_set_journal (page, journal);

  g_assert_false (steady_history_page_is_empty (page));
  g_assert_cmpstr (steady_history_page_get_streak_text (page), ==, "3 days in a row");
  g_assert_cmpstr (steady_history_page_get_calendar_summary (page), ==,
                   "Last 8 weeks: sessions on 17 days, 1 of them with a session stopped early.");
  g_assert_cmpstr (steady_history_page_get_urge_summary (page), ==,
                   "Urge to pop: 34 check-ins over 3 weeks, from 7 to 1, lowest 1.");
  g_assert_cmpstr (steady_history_page_get_pain_summary (page), ==,
                   "Pain: 34 check-ins over 3 weeks, from 5 to 1, lowest 1.");
  g_assert_null (steady_history_page_get_notice (page));

  g_object_unref (page);
  g_clear_object (&journal);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "journal.sqlite", NULL);
  g_autoptr(SteadyJournal) journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  SteadyHistoryPage *page = STEADY_HISTORY_PAGE (g_object_ref_sink (steady_history_page_new ()));

  g_assert_no_error (error);
  steady_history_page_set_now (page, NOW);
  steady_history_page_set_journal (page, journal);
  g_assert_true (steady_history_page_is_empty (page));
  g_assert_cmpstr (steady_history_page_get_streak_text (page), ==, "No streak yet");
  g_assert_cmpstr (steady_history_page_get_pain_summary (page), ==, "Pain: no check-ins yet.");

  g_object_unref (page);
  g_clear_object (&journal);
  g_unlink (path);
  g_rmdir (dir);
}

/* A damaged journal is moved aside; the page says where. */
static void
test_recovered_notice (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "journal.sqlite", NULL);
  g_autoptr(SteadyJournal) journal = NULL;
  SteadyHistoryPage *page = STEADY_HISTORY_PAGE (g_object_ref_sink (steady_history_page_new ()));
  const char *recovered;

  g_assert_true (g_file_set_contents (path, "this is not a journal, just words", -1, &error));
  journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  recovered = steady_journal_get_recovered_path (journal);
  g_assert_nonnull (recovered);

  steady_history_page_set_recovered_path (page, recovered);
  g_assert_nonnull (strstr (steady_history_page_get_notice (page), recovered));
  steady_history_page_set_recovered_path (page, NULL);
  g_assert_null (steady_history_page_get_notice (page));

  g_object_unref (page);
  g_unlink (recovered);
  g_clear_object (&journal);
}

static void
on_submitted (SteadyCheckinView   *view,
              const SteadyCheckin *checkin,
              SteadyCheckin       *out)
{
  *out = *checkin;
}

static void
on_skipped (SteadyCheckinView *view,
            gboolean          *skipped)
{
  *skipped = TRUE;
}

/* The @index-th GtkScale under @root, in tree order. */
static GtkWidget *
find_scale (GtkWidget *root,
            guint      index)
{
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();

  ui_test_collect_type (root, GTK_TYPE_SCALE, FALSE, scales);
  return index < scales->len ? g_ptr_array_index (scales, index) : NULL;
}

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_button_named (GtkWidget  *root,
                   const char *tooltip)
{
  return ui_test_find (root, is_button_named, tooltip, FALSE);
}

static void
test_checkin_view (void)
{
  GtkWidget *window = gtk_window_new ();
  SteadyCheckinView *view = STEADY_CHECKIN_VIEW (steady_checkin_view_new (STEADY_CHECKIN_AFTER));
  SteadyCheckin got = { 0 }, set;
  gboolean skipped = FALSE;
  GtkWidget *pain, *urge, *clear;

  gtk_window_set_title (GTK_WINDOW (window), "check-in");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_signal_connect (view, "submitted", G_CALLBACK (on_submitted), &got);
  g_signal_connect (view, "skipped", G_CALLBACK (on_skipped), &skipped);

  /* Nothing chosen yet: nothing is answered, not even the scales' 0. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpint (got.moment, ==, STEADY_CHECKIN_AFTER);
  g_assert_cmpint (got.pop_urge, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.pain, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.popped, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.painful, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.session_id, ==, 0);
  g_assert_true (steady_checkin_is_valid (&got));
  pain = find_scale (GTK_WIDGET (view), 1);
  urge = find_scale (GTK_WIDGET (view), 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Not answered");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (urge), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Not answered");
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (view), "Not answered", TRUE));
  /* The mouse wheel scrolls the page, never answers a scale. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (pain);
    guint n_scroll = 0;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
          {
            n_scroll++;
            g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_NONE);
          }
      }
    g_assert_cmpuint (n_scroll, >, 0);
  }

  /* The keys answer a scale, 0 too (Left on a scale at 0 keeps 0 but
   * answers it); the other stays unanswered. */
  g_signal_emit_by_name (pain, "move-slider", GTK_SCROLL_STEP_LEFT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpint (got.pain, ==, 0);
  g_assert_cmpint (got.pop_urge, ==, STEADY_CHECKIN_SKIPPED);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "0");
  g_signal_emit_by_name (pain, "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_signal_emit_by_name (pain, "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_signal_emit_by_name (urge, "move-slider", GTK_SCROLL_END);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpint (got.pain, ==, 2);
  g_assert_cmpint (got.pop_urge, ==, 10);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (urge), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "10");
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (view), "10", TRUE));

  /* Clear takes an answer back. */
  clear = find_button_named (GTK_WIDGET (view), "Clear your pain answer");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_is_drawable (clear));
  g_signal_emit_by_name (clear, "clicked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpint (got.pain, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.pop_urge, ==, 10);
  g_assert_false (gtk_widget_is_drawable (clear));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pain), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Not answered");

  steady_checkin_init (&set, STEADY_CHECKIN_AFTER);
  set.pop_urge = 6;
  set.pain = 8;
  set.popped = 1;
  set.painful = 0;
  steady_checkin_view_set_checkin (STEADY_CHECKIN_VIEW (view), &set);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpint (got.pop_urge, ==, 6);
  g_assert_cmpint (got.pain, ==, 8);
  g_assert_cmpint (got.popped, ==, 1);
  g_assert_cmpint (got.painful, ==, 0);

  /* Pain 8 after: the built-in rules stop the drill. */
  g_assert_cmpint (steady_progress_check_stop (NULL, NULL, &got), ==, STEADY_STOP_PAIN_HIGH);

  /* Keyboard: the first question takes the focus. */
  steady_checkin_view_focus (view);
  g_assert_true (GTK_IS_SCALE (gtk_window_get_focus (GTK_WINDOW (window))));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gtk_window_get_focus (GTK_WINDOW (window))),
                                   GTK_ACCESSIBLE_ROLE_SLIDER);

  steady_checkin_view_reset (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.submit", NULL));
  g_assert_cmpint (got.pain, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.pop_urge, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (got.popped, ==, STEADY_CHECKIN_SKIPPED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checkin.skip", NULL));
  g_assert_true (skipped);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_stop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  SteadyStopCard *card = STEADY_STOP_CARD (g_object_ref_sink (steady_stop_card_new ()));
  SteadyCheckin before, after;

  g_assert_no_error (error);
  steady_checkin_init (&before, STEADY_CHECKIN_BEFORE);
  steady_checkin_init (&after, STEADY_CHECKIN_AFTER);
  before.pain = 3;
  after.pain = 4;
  g_assert_cmpint (steady_progress_check_stop (program, &before, &after), ==, STEADY_STOP_NONE);
  after.pain = 5;
  g_assert_cmpint (steady_progress_check_stop (program, &before, &after), ==, STEADY_STOP_PAIN_RISE);
  g_assert_cmpint (steady_progress_check_stop (program, NULL, &after), ==, STEADY_STOP_NONE);
  after.popped = 1;
  after.painful = 1;
  g_assert_cmpint (steady_progress_check_stop (program, &before, &after), ==, STEADY_STOP_PAINFUL_POP);
  g_assert_cmpint (steady_progress_check_stop (program, &before, NULL), ==, STEADY_STOP_NONE);

  steady_stop_card_set_reason (card, STEADY_STOP_PAIN_HIGH, steady_program_get_stop_rules (program));
  g_assert_cmpint (steady_stop_card_get_reason (card), ==, STEADY_STOP_PAIN_HIGH);
  g_assert_nonnull (strstr (steady_stop_card_get_description (card), "pain 7 or more"));
  g_assert_nonnull (strstr (steady_stop_card_get_description (card), "physiotherapist"));
  g_object_unref (card);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (window));
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");

  ui_test_save_png (texture, file_name);
}

/* The first chart (the calendar) under @widget, depth first. */
static GtkWidget *
find_chart (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "SteadyChartView"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A mapped label under @root whose text holds @text. */
static GtkWidget *
find_shown_label_with (GtkWidget  *root,
                       const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_shown_label_with (w, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window reaches the page through win.show-history, on the user's
 * own journal (XDG_DATA_HOME), and Back leaves it. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal = steady_progress_get_journal (GTK_APPLICATION (app), &error);
  SteadyWindow *window;
  SteadyHistoryPage *page;
  GtkWidget *chart, *details;
  const gboolean schemes[] = { FALSE, TRUE };

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_true (steady_progress_is_enabled (GTK_APPLICATION (app)));
  /* The damaged file main() left was moved aside, and a fresh one started. */
  g_assert_nonnull (steady_journal_get_recovered_path (journal));
  g_assert_true (g_file_test (steady_journal_get_recovered_path (journal), G_FILE_TEST_IS_REGULAR));
  fill_journal (journal);

  window = steady_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 1400);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_null (steady_window_get_history_page (window));
  /* At start a toast tells of the damaged journal... */
  g_assert_nonnull (find_shown_label_with (GTK_WIDGET (window), "Your journal was damaged"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "history");
  /* ...and goes once the history page, which says it in full, is open:
   * the message is on screen once. */
  WAIT_UNTIL (find_shown_label_with (GTK_WIDGET (window), "Your journal was damaged") == NULL);
  page = steady_window_get_history_page (window);
  g_assert_nonnull (page);
  g_assert_true (steady_history_page_get_journal (page) == journal);
  steady_history_page_set_now (page, NOW);
  g_assert_cmpstr (steady_history_page_get_streak_text (page), ==, "3 days in a row");
  /* The page says where the damaged journal went. */
  g_assert_nonnull (steady_history_page_get_notice (page));
  g_assert_nonnull (strstr (steady_history_page_get_notice (page),
                            steady_journal_get_recovered_path (journal)));
  /* Screen readers hear each chart's summary as its name. */
  chart = find_chart (GTK_WIDGET (page));
  g_assert_nonnull (chart);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       steady_history_page_get_calendar_summary (page));

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          schemes[i] ? ADW_COLOR_SCHEME_FORCE_DARK
                                                     : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_screenshot (GTK_WIDGET (window), "history");
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  /* A second visit shows the same page again, read anew. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL));
  g_assert_true (steady_window_get_history_page (window) == page);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The toast's Details button opens the page, and the toast goes (once:
   * it is not dismissed twice). */
  window = steady_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  details = find_shown_label_with (GTK_WIDGET (window), "Details");
  g_assert_nonnull (details);
  details = gtk_widget_get_ancestor (details, GTK_TYPE_BUTTON);
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_activate (details));
  WAIT_UNTIL (g_strcmp0 (steady_window_get_page_name (window), "history") == 0);
  WAIT_UNTIL (find_shown_label_with (GTK_WIDGET (window), "Your journal was damaged") == NULL);
  ui_test_settle (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* In kiosk mode nothing is kept: no journal, and the desktop app (no
 * "kiosk" property) keeps one. */
static void
test_kiosk (void)
{
  g_autoptr(GtkApplication) kiosk = g_object_new (TEST_TYPE_KIOSK_APP, "kiosk", TRUE, NULL);
  g_autoptr(GtkApplication) desktop = g_object_new (TEST_TYPE_KIOSK_APP, "kiosk", FALSE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (steady_progress_is_enabled (kiosk));
  g_assert_null (steady_progress_get_journal (kiosk, &error));
  g_assert_no_error (error);
  g_assert_false (steady_progress_is_enabled (NULL));

  g_assert_true (steady_progress_is_enabled (desktop));
  g_assert_true (steady_progress_is_enabled (GTK_APPLICATION (app)));
}

/* Printing draws the handout's pages: exported through the print
 * operation, they make a 4-page PDF. */
static void
test_print_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  operation = steady_progress_new_print_operation (program, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/Count 4", 8));

  g_unlink (path);
  g_rmdir (dir);
}

/* Screenshots of the check-in and the stop card, for looking at. */
static void
test_screenshots_checkin (void)
{
  const gboolean schemes[] = { FALSE, TRUE };
  GtkWidget *window = adw_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *view = steady_checkin_view_new (STEADY_CHECKIN_BEFORE);
  GtkWidget *card = steady_stop_card_new ();
  SteadyCheckin checkin;

  gtk_window_set_title (GTK_WINDOW (window), "check-in");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_stack_add_named (GTK_STACK (stack), view, "checkin");
  gtk_stack_add_named (GTK_STACK (stack), card, "stop");
  adw_window_set_content (ADW_WINDOW (window), stack);
  steady_checkin_init (&checkin, STEADY_CHECKIN_BEFORE);
  checkin.pop_urge = 4;   /* pain left unanswered, to show both states */
  checkin.popped = 0;
  steady_checkin_view_set_checkin (STEADY_CHECKIN_VIEW (view), &checkin);
  steady_stop_card_set_reason (STEADY_STOP_CARD (card), STEADY_STOP_PAIN_RISE, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          schemes[i] ? ADW_COLOR_SCHEME_FORCE_DARK
                                                     : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "checkin");
      save_screenshot (window, "checkin");
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "stop");
      save_screenshot (window, "stop-card");
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* Before anything reads them: a journal of this test's own, in UTC. */
  data_home = g_dir_make_tmp ("steady-history-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("TZ", "UTC", TRUE);

  /* The user's journal is damaged before Steady first opens it. */
  {
    g_autofree char *journal_dir = g_build_filename (data_home, "steady", NULL);
    g_autofree char *journal_path = g_build_filename (journal_dir, "journal.sqlite", NULL);

    g_assert_cmpint (g_mkdir_with_parents (journal_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (journal_path, "SQLite format 3 — but not really", -1, &error));
  }

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/history/filled", test_filled);
  g_test_add_func ("/history/empty", test_empty);
  g_test_add_func ("/history/recovered-notice", test_recovered_notice);
  g_test_add_func ("/checkin/view", test_checkin_view);
  g_test_add_func ("/checkin/stop", test_stop);
  g_test_add_func ("/history/window", test_window);
  g_test_add_func ("/checkin/screenshots", test_screenshots_checkin);
  g_test_add_func ("/history/print-export", test_print_export);
  g_test_add_func ("/history/kiosk", test_kiosk);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

/* test-progress-session.c: every way out of a drill session ends it in
 * the journal; Export CSV and Print from the app; journal faults as the
 * patient meets them
 *
 * Runs under the virtual display of build-aux/dev test, with its own
 * XDG_DATA_HOME (the journal) and TZ=UTC. The tests run in the order they
 * are added: the first finds no usable data folder, the last quits the
 * application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "steady-application.h"
#include "steady-coach-page.h"
#include "steady-history-page.h"
#include "steady-journal.h"
#include "steady-journal-private.h"
#include "steady-progress.h"
#include "steady-window.h"
#include "ui-test.h"

#define START 1000.0

static SteadyApplication *app;
static char *data_home;
static double fake_now = START;

static double
test_now (gpointer user_data)
{
  return fake_now;
}

static char *
journal_path (void)
{
  return g_build_filename (data_home, "steady", "journal.sqlite", NULL);
}

/* A connection of the test's own, as another reader would open it. */
static SteadyJournal *
open_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = journal_path ();
  SteadyJournal *journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return journal;
}

static guint
count_sessions (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  journal = open_journal ();
  sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  return sessions->len;
}

static SteadySession *
last_session (void)
{
  g_autoptr(SteadyJournal) journal = open_journal ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);
  return g_ptr_array_steal_index (sessions, sessions->len - 1);
}

static SteadyWindow *
open_window_sized (int width,
                   int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyWindow *window = steady_window_new (app);

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  steady_coach_page_set_now_func (steady_window_get_coach_page (window), test_now, NULL);

  return window;
}

static SteadyWindow *
open_window (void)
{
  return open_window_sized (1000, 720);
}

static void
close_window (SteadyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
checkin (SteadyWindow        *window,
         SteadyCheckinMoment  moment,
         const char          *action,
         int                  pain)
{
  SteadyCheckinView *view = steady_window_get_checkin_view (window);
  SteadyCheckin answers;

  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_cmpint (steady_checkin_view_get_moment (view), ==, moment);
  steady_checkin_init (&answers, moment);
  answers.pop_urge = 3;
  answers.pain = pain;
  answers.popped = 0;
  answers.painful = 0;
  steady_checkin_view_set_checkin (view, &answers);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
}

/* Start on the clamshell, and the before check-in answered with @pain. */
static void
check_in_before (SteadyWindow *window,
                 int           pain)
{
  fake_now = START;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", "clamshell"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", "clamshell"));
  checkin (window, STEADY_CHECKIN_BEFORE, "checkin.submit", pain);
}

/* Start → the before check-in answered → the coach at 26 s (two reps
 * done). */
static SteadyCoachPage *
start_session (SteadyWindow *window)
{
  SteadyCoachPage *page = steady_window_get_coach_page (window);

  check_in_before (window, 2);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  fake_now = START + 26.0;
  steady_coach_page_update (page);

  return page;
}

static void
finish_drill (SteadyCoachPage *page)
{
  fake_now = START + steady_timeline_get_total (steady_coach_page_get_timeline (page)) + 1.0;
  steady_coach_page_update (page);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_DONE);
}

static void
assert_last_session (SteadySessionOutcome  outcome,
                     const char           *reason,
                     guint                 reps_done)
{
  g_autoptr(SteadySession) session = last_session ();

  g_assert_cmpstr (steady_session_outcome_to_string (session->outcome), ==,
                   steady_session_outcome_to_string (outcome));
  g_assert_cmpstr (session->reason, ==, reason);
  g_assert_cmpuint (session->reps_done, ==, reps_done);
  g_assert_cmpint (session->ended, >, 0);
}

/* Whether a label under @widget reads @text (a toast's title, say). */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* ---- journal faults ---- */

/* The data folder cannot be made (a file sits where it should be): the
 * patient is told, the drill runs through, and once the folder can be
 * made the journal works. */
static void
test_data_folder_unusable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (data_home, "steady", NULL);
  SteadyWindow *window;
  SteadyCoachPage *page;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  g_assert_no_error (error);

  g_assert_null (steady_progress_get_journal (GTK_APPLICATION (app), &error));
  g_assert_nonnull (error);
  /* What and where. */
  g_assert_nonnull (strstr (error->message, blocker));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  window = open_window ();
  WAIT_UNTIL (shows_text (GTK_WIDGET (window), "Your journal could not be opened: nothing will be kept"));

  /* The drill goes on as ever. */
  page = start_session (window);
  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_REGULAR));
  close_window (window);

  /* Room again: the next start keeps sessions. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_nonnull (steady_progress_get_journal (GTK_APPLICATION (app), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_sessions (), ==, 0);
}

/* Another program holds the journal locked: this session is not kept and
 * the patient is told; the coaching goes on; nothing kept before is lost,
 * and once the lock is gone sessions are kept again. */
static void
test_journal_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = journal_path ();
  SteadyJournal *journal = steady_progress_get_journal (GTK_APPLICATION (app), &error);
  guint before;
  sqlite3 *other = NULL;
  SteadyWindow *window;
  SteadyCoachPage *page;

  g_assert_no_error (error);
  /* The app does not freeze the coach for long. */
  g_assert_cmpuint (steady_journal_get_busy_timeout (journal), ==, STEADY_PROGRESS_BUSY_TIMEOUT_MS);
  before = count_sessions ();
  /* Waiting even that long would only slow the test. */
  steady_journal_set_busy_timeout (journal, 20);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  window = open_window ();
  page = start_session (window);
  WAIT_UNTIL (shows_text (GTK_WIDGET (window), "This session could not be saved to your journal"));
  /* The notice lies over none of the coach's controls: a click in the
   * middle of Stop or Pause is theirs. */
  ui_test_settle (GTK_WIDGET (window));
  {
    const char * const actions[] = { "coach.stop", "coach.toggle-pause", "coach.skip", "coach.back" };
    g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (window));

    ui_test_save_png (texture, "coach-journal-notice-light.png");

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GtkWidget *button = ui_test_find_action (GTK_WIDGET (page), actions[i]);
        graphene_rect_t bounds;
        GtkWidget *picked;

        g_assert_nonnull (button);
        g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
        picked = gtk_widget_pick (GTK_WIDGET (window),
                                  bounds.origin.x + bounds.size.width / 2,
                                  bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
        g_assert_true (picked == button || gtk_widget_is_ancestor (picked, button));
      }
  }
  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  close_window (window);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpuint (count_sessions (), ==, before);

  window = open_window ();
  page = start_session (window);
  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  close_window (window);
  g_assert_cmpuint (count_sessions (), ==, before + 1);
  assert_last_session (STEADY_SESSION_FINISHED, NULL, 30);
  steady_journal_set_busy_timeout (journal, STEADY_PROGRESS_BUSY_TIMEOUT_MS);
}

/* The disk fills mid-drill (the journal's page limit stands in for it):
 * the rep that does not fit is not kept, the patient is told once, the
 * drill goes on; what was kept stays, and with room again the next session
 * is kept whole. */
static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal = steady_progress_get_journal (GTK_APPLICATION (app), &error);
  sqlite3 *db = steady_journal_get_db (journal);
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt = NULL;
  SteadyWindow *window;
  SteadyCoachPage *page;
  guint before = count_sessions ();
  int pages;

  g_assert_no_error (error);
  window = open_window ();
  page = start_session (window);
  g_assert_cmpuint (count_sessions (), ==, before + 1);

  /* Full: nothing more fits. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);
  {
    /* Take up the last free room, as a full disk would have: another
     * session's reps, until one does not fit. */
    SteadySessionPlan plan = { "hip-stability", "clamshell", STEADY_SIDE_BOTH, 15, 0, 0 };
    gint64 filler = steady_journal_begin_session (journal, &plan, &error);
    guint i;

    g_assert_no_error (error);
    for (i = 0; i < 100000; i++)
      if (!steady_journal_record_progress (journal, filler, STEADY_PROGRESS_REP,
                                           STEADY_SIDE_LEFT, 5.0, &error))
        break;
    g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_FULL);
    g_clear_error (&error);
  }

  fake_now = START + 200.0;
  steady_coach_page_update (page);
  WAIT_UNTIL (shows_text (GTK_WIDGET (window), "This session could not be saved to your journal"));
  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  close_window (window);

  /* The session begun before the disk filled is still there (with the
   * filler's); nothing of it was half written. */
  g_assert_cmpuint (count_sessions (), ==, before + 2);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==, SQLITE_OK);
  window = open_window ();
  finish_drill (start_session (window));
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  close_window (window);
  g_assert_cmpuint (count_sessions (), ==, before + 3);
  assert_last_session (STEADY_SESSION_FINISHED, NULL, 30);
}

/* ---- every way out of a session ---- */

static void
test_finish (void)
{
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page = start_session (window);

  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  assert_last_session (STEADY_SESSION_FINISHED, NULL, 30);
  close_window (window);
}

/* Back from the check-in before: nothing was begun, nothing is kept. */
static void
test_back_before (void)
{
  SteadyWindow *window = open_window ();
  guint before = count_sessions ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", "clamshell"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", "clamshell"));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");
  g_assert_cmpuint (count_sessions (), ==, before);
  close_window (window);
}

/* Back while coaching: stopped by the patient, with the reps done. */
static void
test_back_coaching (void)
{
  SteadyWindow *window = open_window ();

  start_session (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");
  assert_last_session (STEADY_SESSION_STOPPED, "patient", 2);
  close_window (window);
}

/* Back from the check-in after a finished drill: finished (the bug was a
 * session left open). */
static void
test_back_after_finish (void)
{
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page = start_session (window);
  guint before;

  finish_drill (page);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");
  assert_last_session (STEADY_SESSION_FINISHED, NULL, 30);

  /* The next session is a new one, and Back again does not touch the old. */
  before = count_sessions ();
  start_session (window);
  g_assert_cmpuint (count_sessions (), ==, before + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  assert_last_session (STEADY_SESSION_STOPPED, "patient", 2);
  close_window (window);
}

/* Back from the check-in after the patient stopped the coach. */
static void
test_back_after_stop (void)
{
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page = start_session (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.stop", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  assert_last_session (STEADY_SESSION_STOPPED, "patient", 2);
  close_window (window);
}

/* Pain 8 after: the stop card, stopped by the rule; its button goes back. */
static void
test_stop_card (void)
{
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page = start_session (window);
  guint before = count_sessions ();

  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 8);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "stop");
  assert_last_session (STEADY_SESSION_STOPPED, "pain-high", 30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_stop_card (window)),
                                             "stop-card.done", NULL));
  /* Back to the start, not to the drill and its Start button. */
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  g_assert_cmpuint (count_sessions (), ==, before);
  close_window (window);

  /* In pain of 8 before the drill: the drill does not start; the session
   * is kept as stopped, with why. */
  window = open_window ();
  check_in_before (window, 8);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "stop");
  g_assert_nonnull (strstr (steady_stop_card_get_description (steady_window_get_stop_card (window)),
                            "Leave the drill for today"));
  page = steady_window_get_coach_page (window);
  g_assert_cmpint (steady_coach_page_get_state (page), !=, STEADY_COACH_STATE_RUNNING);
  assert_last_session (STEADY_SESSION_STOPPED, "pain-high", 0);
  g_assert_cmpuint (count_sessions (), ==, before + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_stop_card (window)),
                                             "stop-card.done", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  close_window (window);

  /* A pain of 6 before: the drill starts. */
  window = open_window ();
  check_in_before (window, 6);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  close_window (window);
}

/* A program file that cannot be read, opened during a drill (a second
 * `steady --program FILE`), does not end the session: a dialog says why,
 * and the drill and its lesson go on. */
static void
test_broken_file_mid_drill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-broken-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page = start_session (window);
  SteadyProgram *program = steady_window_get_program (window);
  GtkWindow *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "<program version=\"1\">", -1, NULL));
  g_assert_false (steady_window_open_file (window, file));

  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  g_assert_true (steady_window_get_program (window) == program);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Lesson Could Not Be Opened");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "broken.xml:"));
  gtk_window_destroy (dialog);

  /* The session runs to its end and is kept whole. */
  finish_drill (page);
  checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", 2);
  assert_last_session (STEADY_SESSION_FINISHED, NULL, 30);
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Closing the window mid-drill, or destroying it. */
static void
test_close_window (void)
{
  SteadyWindow *window = open_window ();

  start_session (window);
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_last_session (STEADY_SESSION_STOPPED, "closed", 2);

  window = open_window ();
  start_session (window);
  close_window (window);
  assert_last_session (STEADY_SESSION_STOPPED, "closed", 2);

  /* Closed at the check-in after a finished drill: finished. */
  window = open_window ();
  finish_drill (start_session (window));
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_last_session (STEADY_SESSION_FINISHED, NULL, 30);
}

/* ---- export and print, as the app does them ---- */

static char *
run_tool_export (const char *csv)
{
  g_autofree char *path = journal_path ();
  const char *argv[] = { g_getenv ("STEADY_TOOL"), "export-journal", "--journal", path, "-o", csv, NULL };
  g_autoptr(GError) error = NULL;
  char *err = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return err;
}

/* The file the export dialog is given gets the same bytes as the tool
 * writes from the same journal. */
static void
test_export_csv (void)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal = steady_progress_get_journal (GTK_APPLICATION (app), &error);
  g_autofree char *dir = g_dir_make_tmp ("steady-export-XXXXXX", &error);
  g_autofree char *mine = g_build_filename (dir, "from-app.csv", NULL);
  g_autofree char *tools = g_build_filename (dir, "from-tool.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "x.csv", NULL);
  g_autofree char *app_csv = NULL, *tool_csv = NULL, *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (mine);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  SteadyWindow *window = open_window ();
  gsize app_len, tool_len;

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_cmpuint (count_sessions (), >, 3);

  g_assert_true (steady_progress_export_journal_to_file (GTK_WINDOW (window), journal, file));
  err = run_tool_export (tools);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (mine, &app_csv, &app_len, NULL));
  g_assert_true (g_file_get_contents (tools, &tool_csv, &tool_len, NULL));
  g_assert_true (g_str_has_prefix (app_csv, "record,id,session,"));
  g_assert_nonnull (strstr (app_csv, ",closed,"));
  g_assert_cmpmem (app_csv, app_len, tool_csv, tool_len);

  /* A place that cannot be written: a dialog says where, nothing is made. */
  g_assert_false (steady_progress_export_journal_to_file (GTK_WINDOW (window), journal, bad_file));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        g_assert_nonnull (strstr (adw_message_dialog_get_body (l->data), bad));
        gtk_window_destroy (l->data);
      }

  close_window (window);
  g_unlink (mine);
  g_unlink (tools);
  g_rmdir (dir);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Print… draws the patient's own numbers: the print operation the app
 * runs, exported to PDF instead of the dialog. */
static void
test_print_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("steady-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  SteadyWindow *window = open_window ();
  SteadyProgram *program = steady_window_get_program (window);

  g_assert_no_error (error);
  g_assert_cmpint (steady_progress_run_print (GTK_WINDOW (window), program,
                                              GTK_PRINT_OPERATION_ACTION_EXPORT, path),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Your numbers: 15 reps · each side · hold 5 s"));
  g_clear_pointer (&text, g_free);

  g_settings_set_uint (settings, "clamshell-reps", 18);
  g_settings_set_double (settings, "clamshell-hold", 8.0);
  g_settings_set_enum (settings, "clamshell-sides", STEADY_SIDE_LEFT);
  g_settings_set_double (settings, "rotation-hold", 50.0);
  /* Past the drill's range: printed as the coach would use it. */
  g_settings_set_uint (settings, "knee-circles-count", 40);

  g_assert_cmpint (steady_progress_run_print (GTK_WINDOW (window), program,
                                              GTK_PRINT_OPERATION_ACTION_EXPORT, path),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Your numbers: 18 reps · left side only · hold 8 s"));
  g_assert_nonnull (strstr (text, "Clamshells — 18 reps · left side only · hold 8 s"));
  g_assert_nonnull (strstr (text, "hold 50 s"));
  g_assert_null (strstr (text, "40 circles"));

  g_settings_reset (settings, "clamshell-reps");
  g_settings_reset (settings, "clamshell-hold");
  g_settings_reset (settings, "clamshell-sides");
  g_settings_reset (settings, "rotation-hold");
  g_settings_reset (settings, "knee-circles-count");
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- a patient's week, to look at ---- */

static gint64 walk_now;

static gint64
walk_clock (gpointer user_data)
{
  return walk_now;
}

static char *
artifact_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GdkTexture) texture = ui_test_render (window);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
  g_autofree char *path = artifact_path (file);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Ten days of a patient's mornings through the window, with check-ins:
 * all three drills, a day stopped by pain, a day left with Back. Then the
 * history page (light and dark), the CSV and the printed handout are
 * kept in tests/screenshots/ to be looked at. */
static void
test_walkthrough (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyJournal *journal = steady_progress_get_journal (GTK_APPLICATION (app), &error);
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) morning = g_date_time_new_utc (g_date_time_get_year (today),
                                                      g_date_time_get_month (today),
                                                      g_date_time_get_day_of_month (today), 8, 0, 0);
  const char *drills[] = { "clamshell", "quadruped-knee-circles", "supine-knee-rotation" };
  g_autofree char *csv = artifact_path ("walk-journal.csv");
  g_autofree char *pdf = artifact_path ("walk-handout.pdf");
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  SteadyWindow *window = open_window_sized (1000, 1100);
  SteadyHistoryPage *history;

  g_assert_no_error (error);
  steady_journal_set_clock (journal, walk_clock, NULL);
  g_settings_set_uint (settings, "clamshell-reps", 18);
  g_settings_set_double (settings, "rotation-hold", 40.0);

  for (int day = 0; day < 10; day++)
    {
      SteadyCoachPage *page = steady_window_get_coach_page (window);
      const char *drill = drills[day % 3];
      int pain_before = MAX (0, 4 - day / 3);
      gint64 start = g_date_time_to_unix (morning) - (9 - day) * 86400;

      if (day == 3 || day == 7)
        continue;   /* days off */

      walk_now = start;
      fake_now = START;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", drill));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", drill));
      checkin (window, STEADY_CHECKIN_BEFORE, "checkin.submit", pain_before);
      walk_now = start + 60;
      if (day == 5)
        {
          /* Left halfway with Back. */
          fake_now = START + 26.0;
          steady_coach_page_update (page);
          walk_now = start + 120;
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
          continue;
        }
      finish_drill (page);
      walk_now = start + 600;
      /* Day 4: pain up by 3, the stop card. */
      checkin (window, STEADY_CHECKIN_AFTER, "checkin.submit", day == 4 ? pain_before + 3 : pain_before);
      if (day == 4)
        {
          g_assert_cmpstr (steady_window_get_page_name (window), ==, "stop");
          save_screenshot (GTK_WIDGET (window), "walk-stop-card");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_stop_card (window)),
                                                     "stop-card.done", NULL));
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-drills", NULL));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL));
  history = steady_window_get_history_page (window);
  g_assert_nonnull (history);
  steady_history_page_set_now (history, g_date_time_to_unix (morning) + 3600);
  for (guint i = 0; i < 2; i++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          i == 1 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_screenshot (GTK_WIDGET (window), "walk-history");
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  g_assert_true (steady_progress_export_journal_to_file (GTK_WINDOW (window), journal, csv_file));
  g_assert_cmpint (steady_progress_run_print (GTK_WINDOW (window), steady_window_get_program (window),
                                              GTK_PRINT_OPERATION_ACTION_EXPORT, pdf),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_test_message ("CSV: %s; handout: %s", csv, pdf);

  steady_journal_set_clock (journal, NULL, NULL);
  g_settings_reset (settings, "clamshell-reps");
  g_settings_reset (settings, "rotation-hold");
  close_window (window);
}

/* ---- quitting (last: the application does not come back) ---- */

static gboolean
quit_mid_drill (gpointer user_data)
{
  SteadyWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (STEADY_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  steady_coach_page_set_now_func (steady_window_get_coach_page (window), test_now, NULL);
  start_session (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

/* The session rows of an exported CSV, and those a quit closed. */
static void
count_csv_sessions (const char *csv,
                    guint      *n_sessions,
                    guint      *n_closed)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint sessions = 0, closed = 0;

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "session,"))
      {
        sessions++;
        if (strstr (lines[i], ",stopped,closed,") != NULL)
          closed++;
      }
  if (n_sessions != NULL)
    *n_sessions = sessions;
  if (n_closed != NULL)
    *n_closed = closed;
}

static void
test_quit (void)
{
  char *argv[] = { (char *) "steady", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-quit-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "after-quit.csv", NULL);
  g_autofree char *err = NULL;
  guint before = count_sessions ();
  guint n_sessions = 0, n_closed = 0, closed_before = 0;

  /* Sessions closed by quitting, as another process reads them. (The
   * CSV is in time order and the earlier tests' sessions are dated this
   * morning, so the new one is found by its outcome, not its place.) */
  err = run_tool_export (csv);
  g_assert_cmpstr (err, ==, "");
  count_csv_sessions (csv, NULL, &closed_before);
  g_clear_pointer (&err, g_free);

  /* The application's own run: Ctrl+Q (app.quit) while coaching. */
  g_idle_add (quit_mid_drill, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);

  /* Read by another process, as the patient's next start would. */
  err = run_tool_export (csv);
  g_assert_cmpstr (err, ==, "");
  count_csv_sessions (csv, &n_sessions, &n_closed);
  g_assert_cmpuint (n_sessions, ==, before + 1);
  g_assert_cmpuint (n_closed, ==, closed_before + 1);

  g_unlink (csv);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  data_home = g_dir_make_tmp ("steady-session-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* Pages change without sliding. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (FALSE);

  g_test_add_func ("/progress-session/fault-data-folder-unusable", test_data_folder_unusable);
  g_test_add_func ("/progress-session/finish", test_finish);
  g_test_add_func ("/progress-session/fault-journal-locked", test_journal_locked);
  g_test_add_func ("/progress-session/fault-disk-full", test_disk_full);
  g_test_add_func ("/progress-session/back-before", test_back_before);
  g_test_add_func ("/progress-session/back-coaching", test_back_coaching);
  g_test_add_func ("/progress-session/back-after-finish", test_back_after_finish);
  g_test_add_func ("/progress-session/back-after-stop", test_back_after_stop);
  g_test_add_func ("/progress-session/stop-card", test_stop_card);
  g_test_add_func ("/progress-session/broken-file-mid-drill", test_broken_file_mid_drill);
  g_test_add_func ("/progress-session/close-window", test_close_window);
  g_test_add_func ("/progress-session/export-csv", test_export_csv);
  g_test_add_func ("/progress-session/print-settings", test_print_settings);
  g_test_add_func ("/progress-session/walkthrough", test_walkthrough);
  g_test_add_func ("/progress-session/quit", test_quit);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}

/* test-progress-kiosk.c: in kiosk mode nothing of a visitor is written or
 * shown — no journal, no file in XDG_DATA_HOME, no history, export or
 * print
 *
 * A SteadyApplication of its own, made a kiosk through its "kiosk"
 * property (as --kiosk does), runs under the virtual display of
 * build-aux/dev test with an empty XDG_DATA_HOME.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "steady-application.h"
#include "steady-coach-page.h"
#include "steady-kiosk-window.h"
#include "steady-progress.h"
#include "steady-window.h"
#include "ui-test.h"

static SteadyApplication *app;
static char *data_home;

static gboolean notified;

static void
on_notify_kiosk (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  notified = TRUE;
}

/* Every file and folder under @dir, as paths relative to it. */
static void
list_tree (const char *dir,
           const char *prefix,
           GPtrArray  *found)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *relative = g_build_filename (prefix, name, NULL);

      g_ptr_array_add (found, g_strdup (relative));
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_tree (path, relative, found);
    }
}

static void
assert_data_home_empty (void)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  list_tree (data_home, "", found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("written in kiosk mode: %s", (char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}

/* The property is the one thing the progress helpers consult. */
static void
test_property (void)
{
  g_autoptr(GError) error = NULL;
  gboolean kiosk = FALSE;

  g_object_get (app, "kiosk", &kiosk, NULL);
  g_assert_true (kiosk);
  g_assert_true (steady_application_get_kiosk (app));
  g_assert_false (steady_progress_is_enabled (GTK_APPLICATION (app)));
  g_assert_null (steady_progress_get_journal (GTK_APPLICATION (app), &error));
  g_assert_no_error (error);

  /* A desktop application says otherwise, and is told by --kiosk. */
  {
    g_autoptr(SteadyApplication) desktop = steady_application_new ();

    g_object_get (desktop, "kiosk", &kiosk, NULL);
    g_assert_false (kiosk);
    g_assert_true (steady_progress_is_enabled (GTK_APPLICATION (desktop)));
  }

  assert_data_home_empty ();
}

/* The kiosk shell the application opens keeps nothing either. */
static void
test_kiosk_window (void)
{
  GtkWindow *window = NULL;

  steady_application_open_program (app, NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (STEADY_IS_KIOSK_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* No way to the patient's history, export or print. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-journal", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  g_assert_false (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_data_home_empty ();
}

/* Even the desktop window, given a kiosk application, keeps and shows
 * nothing: Start goes straight to the coach, the progress pages never
 * appear, and the coaching writes nothing. */
static void
test_desktop_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyWindow *window = steady_window_new (app);
  SteadyCoachPage *page = steady_window_get_coach_page (window);

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-journal", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL);
  g_assert_null (steady_window_get_history_page (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  /* No dialog opened: the window is the only one. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", "clamshell"));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coach.stop", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), !=, "checkin");

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_data_home_empty ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  data_home = g_dir_make_tmp ("steady-kiosk-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* What steady_application_new() makes, told it is a kiosk as --kiosk
   * does before start-up. */
  app = g_object_new (STEADY_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                      "resource-base-path", RESOURCE_PREFIX,
                      "kiosk", TRUE,
                      NULL);
  g_signal_connect (app, "notify::kiosk", G_CALLBACK (on_notify_kiosk), NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* Already a kiosk: start-up changed nothing. */
  g_assert_false (notified);

  g_test_add_func ("/progress-kiosk/property", test_property);
  g_test_add_func ("/progress-kiosk/kiosk-window", test_kiosk_window);
  g_test_add_func ("/progress-kiosk/desktop-window", test_desktop_window);

  status = g_test_run ();
  g_object_unref (app);
  g_rmdir (data_home);
  return status;
}

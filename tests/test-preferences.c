/* test-preferences.c: the Preferences window and the settings it keeps
 *
 * GSETTINGS_BACKEND=memory (tests/meson.build): every value lives in this
 * process only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "steady-application.h"
#include "steady-coach-settings.h"
#include "steady-preferences-window.h"
#include "steady-window.h"
#include "ui-test.h"

static SteadyApplication *app;

static SteadyProgram *
builtin_program (void)
{
  g_autoptr(GError) error = NULL;
  SteadyProgram *program = steady_program_new_builtin (&error);

  g_assert_no_error (error);
  return program;
}

static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* Writes $G_TEST_BUILDDIR/screenshots/NAME.png to look at. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = ui_test_render (window);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);

  ui_test_save_png (texture, file_name);
}

static GtkSpinButton *
spin_for (SteadyPreferencesWindow *window,
          const char              *key)
{
  GtkWidget *control = steady_preferences_window_get_control (window, key);

  g_assert_true (GTK_IS_SPIN_BUTTON (control));
  return GTK_SPIN_BUTTON (control);
}

static void
test_rows_in_range (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SteadyProgram) program = builtin_program ();
  SteadyPreferencesWindow *window;
  GtkSpinButton *spin;
  double min, max;

  reset_settings (settings);
  window = STEADY_PREFERENCES_WINDOW (steady_preferences_window_new (settings, program));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  save_screenshot (GTK_WIDGET (window), "preferences-light");

  /* Each drill's rows take the program file's ranges and the defaults. */
  spin = spin_for (window, "clamshell-reps");
  gtk_spin_button_get_range (spin, &min, &max);
  g_assert_cmpfloat (min, ==, 15);
  g_assert_cmpfloat (max, ==, 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 15);

  spin = spin_for (window, "rotation-hold");
  gtk_spin_button_get_range (spin, &min, &max);
  g_assert_cmpfloat (min, ==, 30);
  g_assert_cmpfloat (max, ==, 60);

  spin = spin_for (window, "knee-circles-count");
  gtk_spin_button_get_range (spin, &min, &max);
  g_assert_cmpfloat (min, ==, 3);
  g_assert_cmpfloat (max, ==, 10);

  g_assert_nonnull (steady_preferences_window_get_control (window, "rotation-breath-in"));
  g_assert_nonnull (steady_preferences_window_get_control (window, "clamshell-sides"));
  /* Knee circles have no hold, clamshells no paced breathing. */
  g_assert_null (steady_preferences_window_get_control (window, "clamshell-breath-in"));

  /* Changes are stored at once; out of range is held at the range's end. */
  gtk_spin_button_set_value (spin_for (window, "clamshell-reps"), 18);
  g_assert_cmpuint (g_settings_get_uint (settings, "clamshell-reps"), ==, 18);
  gtk_spin_button_set_value (spin_for (window, "clamshell-reps"), 40);
  g_assert_cmpuint (g_settings_get_uint (settings, "clamshell-reps"), ==, 20);
  gtk_spin_button_set_value (spin_for (window, "rotation-hold"), 45);
  g_assert_cmpfloat (g_settings_get_double (settings, "rotation-hold"), ==, 45);
  gtk_spin_button_set_value (spin_for (window, "rotation-hold"), 10);
  g_assert_cmpfloat (g_settings_get_double (settings, "rotation-hold"), ==, 30);
  gtk_spin_button_set_value (spin_for (window, "rotation-breath-out"), 8);
  g_assert_cmpfloat (g_settings_get_double (settings, "rotation-breath-out"), ==, 8);

  adw_combo_row_set_selected (ADW_COMBO_ROW (steady_preferences_window_get_control (window, "clamshell-sides")), 2);
  g_assert_cmpint (g_settings_get_enum (settings, "clamshell-sides"), ==, STEADY_SIDE_RIGHT);

  adw_combo_row_set_selected (ADW_COMBO_ROW (steady_preferences_window_get_control (window, "sound-mode")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "sound-mode"), ==, STEADY_CUE_SOUND_TONES);

  gtk_range_set_value (GTK_RANGE (steady_preferences_window_get_control (window, "volume")), 0.3);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "volume"), 0.3, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings (settings);
}

/* What the coach reads back is always in the drill's range, even when the
 * stored value came from a program with other ranges. */
static void
test_load_clamps (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SteadyProgram) program = builtin_program ();
  SteadyDrill *clamshell = steady_program_find_drill (program, "clamshell");
  SteadyDrill *rotation = steady_program_find_drill (program, "supine-knee-rotation");
  SteadySessionSettings values;

  reset_settings (settings);
  steady_coach_settings_load (settings, clamshell, &values);
  g_assert_cmpuint (values.reps, ==, 15);
  g_assert_cmpfloat (values.hold, ==, 5);
  g_assert_cmpint (values.sides, ==, STEADY_SIDE_BOTH);
  g_assert_cmpfloat (values.breath_in, ==, 0);

  g_settings_set_uint (settings, "clamshell-reps", 50);
  g_settings_set_double (settings, "clamshell-hold", 1);
  steady_coach_settings_load (settings, clamshell, &values);
  g_assert_cmpuint (values.reps, ==, 20);
  g_assert_cmpfloat (values.hold, ==, 3);
  g_assert_true (steady_session_settings_validate (&values, clamshell, NULL));

  g_settings_set_double (settings, "rotation-hold", 90);
  g_settings_set_double (settings, "rotation-breath-in", 5);
  steady_coach_settings_load (settings, rotation, &values);
  g_assert_cmpfloat (values.hold, ==, 60);
  g_assert_cmpfloat (values.breath_in, ==, 5);
  g_assert_cmpfloat (values.breath_out, ==, 6);

  /* Saving and loading give the same values. */
  values.reps = 2;
  values.sides = STEADY_SIDE_LEFT;
  steady_coach_settings_save (settings, rotation, &values);
  g_assert_cmpuint (g_settings_get_uint (settings, "rotation-reps"), ==, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "rotation-sides"), ==, STEADY_SIDE_LEFT);

  reset_settings (settings);
}

/* The coach starts with what Preferences saved. */
static void
test_coach_uses_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyWindow *window;
  SteadyCoachPage *page;
  const SteadySessionSettings *used;

  reset_settings (settings);
  g_settings_set_uint (settings, "clamshell-reps", 17);
  g_settings_set_double (settings, "clamshell-hold", 7);
  g_settings_set_enum (settings, "clamshell-sides", STEADY_SIDE_LEFT);
  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);

  window = steady_window_new (app);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", "clamshell"));
  page = steady_window_get_coach_page (window);
  used = steady_timeline_get_settings (steady_coach_page_get_timeline (page));
  g_assert_cmpuint (used->reps, ==, 17);
  g_assert_cmpfloat (used->hold, ==, 7);
  g_assert_cmpint (used->sides, ==, STEADY_SIDE_LEFT);
  steady_coach_page_stop (page);

  /* app.preferences opens the window over it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  {
    GtkWindow *preferences = NULL;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      if (STEADY_IS_PREFERENCES_WINDOW (l->data))
        preferences = l->data;
    g_assert_nonnull (preferences);
    g_assert_nonnull (steady_preferences_window_get_control (STEADY_PREFERENCES_WINDOW (preferences),
                                                             "clamshell-reps"));
    gtk_window_destroy (preferences);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  reset_settings (settings);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (FALSE);

  g_test_add_func ("/preferences/rows-in-range", test_rows_in_range);
  g_test_add_func ("/preferences/load-clamps", test_load_clamps);
  g_test_add_func ("/preferences/coach-uses-settings", test_coach_uses_settings);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

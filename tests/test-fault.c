/* test-fault.c: faults injected into the running application
 *
 * One test per fault, each asserting what the user sees and that the
 * application keeps working afterwards (docs/faults.md lists them all):
 *
 *  - sound: no audio device, a GStreamer element missing from the
 *    registry, a GStreamer error posted on the bus mid-session;
 *  - program files: missing, empty, binary garbage, 10 MB, deeply nested,
 *    in the wrong encoding — through the window's error page and through
 *    `steady-tool validate`;
 *  - settings: values at the ends of their ranges and past them, as a
 *    hand-edited keyfile gives them (GSETTINGS_BACKEND=keyfile here).
 *
 * Journal faults (read-only or full data directory, a locked journal) are
 * tested with the journal (test-journal.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <adwaita.h>

#include "steady-application.h"
#include "steady-checkin-view.h"
#include "steady-coach-page.h"
#include "steady-coach-settings.h"
#include "steady-program.h"
#include "steady-window.h"
#include "tool-test.h"
#include "ui-test.h"

static SteadyApplication *app;
static char *config_dir;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SteadyWindow *
open_window (void)
{
  SteadyWindow *window = steady_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
close_window (SteadyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Starts @id as the patient does: its page, Start, skip the check-in. */
static SteadyCoachPage *
start_drill (SteadyWindow *window,
             const char   *id)
{
  SteadyCoachPage *page = steady_window_get_coach_page (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-drill", "s", id));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.skip", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  return page;
}

/* The session goes on after the fault: time moves, pause and stop work,
 * and the patient is back on the drill's page. */
static void
assert_session_goes_on (SteadyWindow    *window,
                        SteadyCoachPage *page)
{
  double t = steady_coach_page_get_time (page);

  WAIT_UNTIL (steady_coach_page_get_time (page) > t + 0.05);
  g_assert_cmpint (steady_coach_page_get_state (page), ==, STEADY_COACH_STATE_RUNNING);
  steady_coach_page_toggle_pause (page);
  g_assert_false (steady_coach_page_is_ticking (page));
  steady_coach_page_toggle_pause (page);
  g_assert_true (steady_coach_page_is_ticking (page));
  steady_coach_page_stop (page);
  g_assert_false (steady_coach_page_is_ticking (page));
}

static void
set_sound (const char *mode)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "sound-mode", mode);
}

/* Sound ------------------------------------------------------------------- */

static void
test_no_audio_device (void)
{
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page;

  set_sound ("voice");
  page = start_drill (window, "clamshell");
  if (steady_coach_page_get_follows_audio (page))
    {
      close_window (window);
      g_test_skip ("this machine has an audio device");
      return;
    }

  /* autoaudiosink fell back to its fake sink: said, not pretended. */
  g_assert_cmpstr (steady_coach_page_get_notice_text (page), ==,
                   "No audio output was found: cues are shown as captions only");
  g_test_message ("logged: %s", steady_coach_page_get_notice_text (page));
  assert_session_goes_on (window, page);
  close_window (window);
}

static void
test_missing_element (void)
{
  GstRegistry *registry = gst_registry_get ();
  g_autoptr(GstPluginFeature) feature = gst_registry_lookup_feature (registry, "audioresample");
  SteadyWindow *window;
  SteadyCoachPage *page;

  g_assert_nonnull (feature);
  /* As if gstreamer1.0-plugins-base were half installed. */
  gst_registry_remove_feature (registry, feature);
  g_assert_null (gst_element_factory_find ("audioresample"));

  window = open_window ();
  set_sound ("tones");
  page = start_drill (window, "clamshell");
  g_assert_false (steady_coach_page_get_follows_audio (page));
  g_assert_cmpstr (steady_coach_page_get_notice_text (page), ==,
                   "The GStreamer element “audioresample” is missing; install its plugin");
  g_test_message ("logged: %s", steady_coach_page_get_notice_text (page));
  assert_session_goes_on (window, page);
  close_window (window);

  g_assert_true (gst_registry_add_feature (registry, g_object_ref (feature)));
}

static GstElement *fault_sink;

static gboolean
on_element_added (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GstElement *element = g_value_get_object (&values[1]);

  if (g_strcmp0 (GST_ELEMENT_NAME (element), "steady-fault-sink") == 0)
    g_set_weak_pointer (&fault_sink, element);
  return TRUE;
}

static void
test_error_mid_session (void)
{
  SteadyWindow *window = open_window ();
  SteadyCoachPage *page = steady_window_get_coach_page (window);
  guint signal_id = g_signal_lookup ("element-added", GST_TYPE_BIN);
  gulong hook = g_signal_add_emission_hook (signal_id, 0, on_element_added, NULL, NULL);
  double at_error;

  set_sound ("tones");
  steady_coach_page_set_sink_description (page, "fakesink name=steady-fault-sink sync=true");
  page = start_drill (window, "clamshell");
  g_signal_remove_emission_hook (signal_id, hook);
  g_assert_nonnull (fault_sink);
  g_assert_true (steady_coach_page_get_follows_audio (page));
  g_assert_null (steady_coach_page_get_notice_text (page));
  WAIT_UNTIL (steady_coach_page_get_time (page) > 0.2);

  /* The sound device goes away while the cues play. */
  GST_ELEMENT_ERROR (fault_sink, RESOURCE, WRITE, ("The audio device was unplugged"),
                     ("injected by test-fault"));
  WAIT_UNTIL (steady_coach_page_get_notice_text (page) != NULL);
  at_error = steady_coach_page_get_time (page);
  g_assert_cmpstr (steady_coach_page_get_notice_text (page), ==,
                   "Sound failed in “steady-fault-sink”: The audio device was unplugged");
  g_test_message ("logged: %s", steady_coach_page_get_notice_text (page));
  g_assert_false (steady_coach_page_get_follows_audio (page));
  /* No jump back: the session carries on from where the sound stopped. */
  g_assert_cmpfloat (at_error, >=, 0.2);
  assert_session_goes_on (window, page);
  close_window (window);
  g_clear_weak_pointer (&fault_sink);
}

/* Program files ------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *expected;   /* the message after "NAME:" */
} ProgramFault;

static GBytes *
make_program (const char *name)
{
  if (g_str_equal (name, "empty.xml"))
    return g_bytes_new_static ("", 0);
  if (g_str_equal (name, "garbage.xml"))
    {
      guint8 *data = g_malloc (4096);
      g_autoptr(GRand) rand = g_rand_new_with_seed (8);

      for (guint i = 0; i < 4096; i++)
        data[i] = (guint8) g_rand_int_range (rand, 0, 256);
      memcpy (data, "\x7f" "ELF", 4);
      return g_bytes_new_take (data, 4096);
    }
  if (g_str_equal (name, "huge.xml"))
    {
      gsize size = 10 * 1000 * 1000;
      GString *xml = g_string_sized_new (size + 100);

      g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<program id=\"p\" version=\"1\">\n");
      while (xml->len < size)
        g_string_append (xml, "<!-- padding padding padding padding padding -->\n");
      return g_string_free_to_bytes (xml);
    }
  if (g_str_equal (name, "nested.xml"))
    {
      GString *xml = g_string_new ("<program id=\"p\" version=\"1\"><title>T</title>\n");

      for (int i = 0; i < 200000; i++)
        g_string_append (xml, "<cards>");
      return g_string_free_to_bytes (xml);
    }
  if (g_str_equal (name, "latin1.xml"))
    /* Says UTF-8, is Latin-1 (a word processor's "Save as"): é is 0xE9. */
    return g_bytes_new_static ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<program id=\"p\" version=\"1\"><title>Cadera r\xe9sistente</title>\n",
                               strlen ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<program id=\"p\" version=\"1\"><title>Cadera r\xe9sistente</title>\n"));
  if (g_str_equal (name, "utf16.xml"))
    {
      static const char text[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><program/>";
      g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
      GByteArray *bytes = g_byte_array_new ();

      g_byte_array_append (bytes, (const guint8 *) "\xff\xfe", 2);
      g_byte_array_append (bytes, (const guint8 *) utf16, (sizeof text - 1) * 2);
      return g_byte_array_free_to_bytes (bytes);
    }
  return NULL;   /* missing.xml: not written */
}

static const ProgramFault program_faults[] = {
  { "missing.xml", ": cannot read the file: " },
  { "empty.xml", ":1:1: the file is empty; a program file starts with <program>" },
  { "garbage.xml", ":1:5: byte 0x85 is not UTF-8; program files must be UTF-8" },
  { "huge.xml", ":1:1: the file is 10.0 MB; a program file is at most 4 MB" },
  { "nested.xml", ":2:8: <cards> cannot contain <cards>" },
  { "latin1.xml", ":2:44: byte 0xE9 is not UTF-8; program files must be UTF-8" },
  { "utf16.xml", ":1:1: byte 0xFF is not UTF-8; program files must be UTF-8" },
};

static void
test_program_file (gconstpointer data)
{
  const ProgramFault *fault = data;
  g_autofree char *dir = tool_test_make_dir ("steady-fault-XXXXXX");
  g_autofree char *path = g_build_filename (dir, fault->name, NULL);
  g_autoptr(GBytes) bytes = make_program (fault->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_line = NULL;
  g_autofree char *shown = NULL;
  SteadyWindow *window;

  if (bytes != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));

  /* The window: an error page with the whole message, nothing else. */
  window = open_window ();
  g_assert_false (steady_window_open_file (window, file));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "error");
  shown = g_strdup (steady_window_get_error_text (window));
  g_test_message ("the user sees: %s", shown);
  g_assert_true (g_str_has_prefix (shown, fault->name));
  g_assert_true (g_str_has_prefix (shown + strlen (fault->name), fault->expected));
  g_assert_true (g_utf8_validate (shown, -1, NULL));
  g_assert_cmpuint (strlen (shown), <, 400);
  g_assert_null (steady_window_get_program (window));

  /* …and it keeps working: the built-in program, the deck, a drill. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.use-builtin", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-deck", NULL));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "deck");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-drill", "s", "clamshell"));
  close_window (window);

  /* steady-tool validate says the same, with the path it was given, on
   * each line (the nested file also ends too soon: two problems). */
  g_assert_cmpint (tool_test_run_va (&out, &err, "validate", path, NULL), ==, 1);
  {
    g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);
    GString *expected = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      g_string_append_printf (expected, "%s%s%s\n", dir, G_DIR_SEPARATOR_S, lines[i]);
    expected_line = g_string_free (expected, FALSE);
  }
  g_assert_cmpstr (out, ==, expected_line);

  tool_test_remove_dir (dir);
}

/* Settings ------------------------------------------------------------------- */

/* Written before anything reads the settings (see main): what a clinic's
 * hand-edited keyfile might hold. */
static const char keyfile_text[] =
  "[org/steadycoach/Steady]\n"
  /* at the ends of their ranges */
  "knee-circles-count=uint32 100\n"
  "rotation-breath-in=20.0\n"
  "rotation-breath-out=3.0\n"
  "kiosk-warning-seconds=uint32 300\n"
  /* past them */
  "clamshell-reps=uint32 500\n"
  "clamshell-hold=0.25\n"
  "rotation-hold=1e9\n"
  "volume=7.5\n"
  "kiosk-idle-seconds=uint32 1\n"
  /* not even the right kind of value */
  "rotation-sides='sideways'\n"
  "rotation-reps='many'\n"
  "sound-mode='loud'\n"
  "window-width=-40\n"
  "window-height=99999999\n";

static void
test_settings_at_range (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  SteadySessionSettings values;

  g_assert_no_error (error);
  /* The keyfile's values at the ends of the schema's ranges are read as
   * they are… */
  g_assert_cmpuint (g_settings_get_uint (settings, "knee-circles-count"), ==, 100);
  g_assert_cmpfloat (g_settings_get_double (settings, "rotation-breath-in"), ==, 20.0);
  g_assert_cmpfloat (g_settings_get_double (settings, "rotation-breath-out"), ==, 3.0);
  g_assert_cmpuint (g_settings_get_uint (settings, "kiosk-warning-seconds"), ==, 300);

  /* …and the coach brings them into the drill's own ranges. */
  steady_coach_settings_load (settings, steady_program_find_drill (program, "quadruped-knee-circles"), &values);
  g_assert_true (steady_session_settings_validate (&values, steady_program_find_drill (program, "quadruped-knee-circles"), NULL));
  g_test_message ("knee circles: %u per direction", values.reps);
  steady_coach_settings_load (settings, steady_program_find_drill (program, "supine-knee-rotation"), &values);
  g_assert_true (steady_session_settings_validate (&values, steady_program_find_drill (program, "supine-knee-rotation"), NULL));
  g_assert_cmpfloat (values.breath_in, ==, 20.0);
  g_assert_cmpfloat (values.breath_out, ==, 3.0);
}

static void
test_settings_past_range (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  SteadyDrill *clamshell = steady_program_find_drill (program, "clamshell");
  SteadyDrill *rotation = steady_program_find_drill (program, "supine-knee-rotation");
  SteadySessionSettings values;
  SteadyWindow *window;
  SteadyCoachPage *page;

  g_assert_no_error (error);
  g_test_message ("GSettings reads: clamshell-reps %u, clamshell-hold %g, rotation-hold %g, "
                  "volume %g, kiosk-idle-seconds %u, rotation-sides %d, rotation-reps %u, "
                  "sound-mode %d, window %d × %d",
                  g_settings_get_uint (settings, "clamshell-reps"),
                  g_settings_get_double (settings, "clamshell-hold"),
                  g_settings_get_double (settings, "rotation-hold"),
                  g_settings_get_double (settings, "volume"),
                  g_settings_get_uint (settings, "kiosk-idle-seconds"),
                  g_settings_get_enum (settings, "rotation-sides"),
                  g_settings_get_uint (settings, "rotation-reps"),
                  g_settings_get_enum (settings, "sound-mode"),
                  g_settings_get_int (settings, "window-width"),
                  g_settings_get_int (settings, "window-height"));

  /* Whatever GSettings makes of them, the coach's values validate. */
  steady_coach_settings_load (settings, clamshell, &values);
  g_assert_true (steady_session_settings_validate (&values, clamshell, NULL));
  steady_coach_settings_load (settings, rotation, &values);
  g_assert_true (steady_session_settings_validate (&values, rotation, NULL));
  g_assert_cmpfloat (steady_coach_settings_get_volume (settings), >=, 0);
  g_assert_cmpfloat (steady_coach_settings_get_volume (settings), <=, 1);

  /* The window opens at a sane size and a session runs with them. */
  window = steady_window_new (app);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  set_sound ("silent");
  page = start_drill (window, "clamshell");
  g_test_message ("the user sees: %s", steady_coach_page_get_counter_text (page));
  assert_session_goes_on (window, page);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  int status;

  /* Settings in a keyfile of our own, written before anything reads it. */
  config_dir = g_dir_make_tmp ("steady-fault-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  settings_dir = g_build_filename (config_dir, "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_assert_true (g_file_set_contents (keyfile, keyfile_text, -1, NULL));

  /* No sound server, so autoaudiosink finds no device. */
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/steady-test", TRUE);
  g_setenv ("JACK_NO_START_SERVER", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (FALSE);

  g_test_add_func ("/fault/sound/no-audio-device", test_no_audio_device);
  g_test_add_func ("/fault/sound/missing-element", test_missing_element);
  g_test_add_func ("/fault/sound/error-mid-session", test_error_mid_session);
  for (guint i = 0; i < G_N_ELEMENTS (program_faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fault/program/%s", program_faults[i].name);

      g_test_add_data_func (path, &program_faults[i], test_program_file);
    }
  g_test_add_func ("/fault/settings/at-range", test_settings_at_range);
  g_test_add_func ("/fault/settings/past-range", test_settings_past_range);

  status = g_test_run ();

  g_object_unref (app);
  tool_test_remove_dir (config_dir);
  g_free (config_dir);
  return status;
}

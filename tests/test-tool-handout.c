/* test-tool-handout.c: steady-tool handout on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "tool-test.h"

static void
test_writes_pdf (void)
{
  g_autofree char *dir = tool_test_make_dir ("steady-tool-handout-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "home.pdf", NULL);
  g_autofree char *program = g_test_build_filename (G_TEST_DIST, "figure-program.xml", NULL);
  g_autofree char *err = NULL, *contents = NULL;
  gsize length;
  const char *args[] = { "handout", "-o", path, NULL };
  const char *with_program[] = { "handout", "--program", program, "-o", path, NULL };

  g_assert_cmpint (tool_test_run (args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/Count 4", 8));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (tool_test_run (with_program, NULL, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  tool_test_remove_dir (dir);
}

/* The PDF's text, as pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* --set changes one drill's numbers, on its page and on the cover; the
 * other drills keep their defaults. */
static void
test_set (void)
{
  g_autofree char *dir = tool_test_make_dir ("steady-tool-handout-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "mine.pdf", NULL);
  g_autofree char *err = NULL, *text = NULL;
  const char *args[] = { "handout", "--set", "clamshell.reps=18", "--set", "clamshell.hold=7",
                         "--set", "clamshell.sides=right", "--set", "supine-knee-rotation.breath-out=8",
                         "-o", path, NULL };

  g_assert_cmpint (tool_test_run (args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Your numbers: 18 reps · right side only · hold 7 s"));
  g_assert_nonnull (strstr (text, "Clamshells — 18 reps · right side only · hold 7 s"));
  g_assert_nonnull (strstr (text, "breathe in 4 s, out 8 s"));
  g_assert_nonnull (strstr (text, "Your numbers: 5 circles each way · each side"));
  g_assert_null (strstr (text, "15 reps"));
  /* The steps and tips say the same numbers as the box above them. */
  {
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

    g_assert_nonnull (strstr (flat, "hold for 7 seconds."));
    g_assert_nonnull (strstr (flat, "Do 18, then turn over"));
    g_assert_nonnull (strstr (flat, "Hold for 30 seconds, breathing"));
    g_assert_nonnull (strstr (flat, "Breathe in for 4 seconds and out for 8."));
    g_assert_null (strstr (flat, "{"));
  }

  tool_test_remove_dir (dir);
}

/* --settings reads the numbers the patient saved in Steady (GSettings,
 * here a keyfile backend): what Print… in the app shows too. */
static void
test_gsettings (void)
{
  g_autofree char *dir = tool_test_make_dir ("steady-tool-handout-XXXXXX");
  g_autofree char *config = g_build_filename (dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (config, "keyfile", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.pdf", NULL);
  g_autofree char *err = NULL, *text = NULL, *old_backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  const char *args[] = { "handout", "--settings", "--set", "clamshell.hold=6", "-o", path, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile,
                                      "[org/steadycoach/Steady]\n"
                                      "clamshell-reps=uint32 17\n"
                                      "rotation-hold=45.0\n"
                                      "rotation-sides='left'\n", -1, &error));
  g_assert_no_error (error);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_assert_cmpint (tool_test_run (args, NULL, &err), ==, 0);
  if (old_backend != NULL)
    g_setenv ("GSETTINGS_BACKEND", old_backend, TRUE);
  else
    g_unsetenv ("GSETTINGS_BACKEND");
  if (old_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
  g_assert_cmpstr (err, ==, "");

  /* Saved values, and --set on top of them. */
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Your numbers: 17 reps · each side · hold 6 s"));
  g_assert_nonnull (strstr (text, "Your numbers: once · left side only · hold 45 s"));

  g_unlink (keyfile);
  g_rmdir (config);
  g_clear_pointer (&config, g_free);
  config = g_build_filename (dir, "glib-2.0", NULL);
  g_rmdir (config);
  tool_test_remove_dir (dir);
}

/* A value out of the drill's range, an unknown drill or setting: usage
 * errors that name what is wrong. */
static void
test_bad_set (void)
{
  struct { const char *spec; const char *says; } cases[] = {
    { "clamshell.reps=99", "reps 99 is out of range for clamshell" },
    { "clamshell.reps=many", "“many” is not a valid value" },
    { "quadruped-knee-circles.hold=3", "quadruped-knee-circles has no setting “hold”" },
    { "hamstring.reps=3", "the program has no drill “hamstring”" },
    { "clamshell.sides=up", "“up” is not a valid value" },
    { "reps=3", "expected DRILL.WHAT=VALUE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      const char *args[] = { "handout", "--set", cases[i].spec, "-o", "/nonexistent-steady-dir/h.pdf", NULL };

      g_assert_cmpint (tool_test_run (args, NULL, &err), ==, 2);
      if (strstr (err, cases[i].says) == NULL)
        g_error ("--set %s said: %s", cases[i].spec, err);
    }
}

static void
test_bad_usage (void)
{
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL;
  const char *none[] = { "handout", NULL };
  const char *missing_program[] = { "handout", "--program", "/nonexistent/hip.xml", "-o", "/tmp/x.pdf", NULL };
  const char *unwritable[] = { "handout", "-o", "/nonexistent-steady-dir/h.pdf", NULL };

  g_assert_cmpint (tool_test_run (none, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "-o FILE.pdf is required"));
  g_assert_cmpint (tool_test_run (missing_program, NULL, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "hip.xml"));
  g_assert_cmpint (tool_test_run (unwritable, NULL, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "/nonexistent-steady-dir/h.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool-handout/writes-pdf", test_writes_pdf);
  g_test_add_func ("/tool-handout/bad-usage", test_bad_usage);
  g_test_add_func ("/tool-handout/set", test_set);
  g_test_add_func ("/tool-handout/gsettings", test_gsettings);
  g_test_add_func ("/tool-handout/bad-set", test_bad_set);

  return g_test_run ();
}

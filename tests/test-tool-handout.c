/* test-tool-handout.c: steady-tool handout on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

/* Runs steady-tool with @args; returns its exit status and stderr. */
static int
run_tool (const char * const *args,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("STEADY_TOOL"));
  g_ptr_array_add (argv, (gpointer) "handout");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_writes_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("steady-tool-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "home.pdf", NULL);
  g_autofree char *program = g_test_build_filename (G_TEST_DIST, "figure-program.xml", NULL);
  g_autofree char *err = NULL, *contents = NULL;
  gsize length;
  const char *args[] = { "-o", path, NULL };
  const char *with_program[] = { "--program", program, "-o", path, NULL };

  g_assert_cmpint (run_tool (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/Count 4", 8));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run_tool (with_program, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_usage (void)
{
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL;
  const char *none[] = { NULL };
  const char *missing_program[] = { "--program", "/nonexistent/hip.xml", "-o", "/tmp/x.pdf", NULL };
  const char *unwritable[] = { "-o", "/nonexistent-steady-dir/h.pdf", NULL };

  g_assert_cmpint (run_tool (none, &err), ==, 2);
  g_assert_nonnull (strstr (err, "-o FILE.pdf is required"));
  g_assert_cmpint (run_tool (missing_program, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "hip.xml"));
  g_assert_cmpint (run_tool (unwritable, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "/nonexistent-steady-dir/h.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool-handout/writes-pdf", test_writes_pdf);
  g_test_add_func ("/tool-handout/bad-usage", test_bad_usage);

  return g_test_run ();
}

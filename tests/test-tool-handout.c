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

  return g_test_run ();
}

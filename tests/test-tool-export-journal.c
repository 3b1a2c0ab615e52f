/* test-tool-export-journal.c: steady-tool export-journal, run as a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "steady-journal.h"
#include "tool-test.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static gint64 fake_now = 1800003600;   /* 2027-01-15 09:00 UTC */

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

/* A journal with two sessions and three check-ins; returns its CSV as the
 * API writes it. */
static char *
make_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  SteadySessionPlan plan = { "hip-stability", "clamshell", STEADY_SIDE_BOTH, 15, 0, 0 };
  SteadyCheckin c;
  gint64 id;

  g_assert_no_error (error);
  steady_journal_set_clock (journal, fake_clock, NULL);

  for (guint i = 0; i < 2; i++)
    {
      steady_checkin_init (&c, STEADY_CHECKIN_BEFORE);
      c.pain = 2;
      c.pop_urge = 5;
      steady_journal_add_checkin (journal, &c, &error);
      g_assert_no_error (error);
      id = steady_journal_begin_session (journal, &plan, &error);
      g_assert_no_error (error);
      fake_now += 20;
      steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5, &error);
      g_assert_no_error (error);
      steady_journal_end_session (journal, id, STEADY_SESSION_FINISHED, NULL, &error);
      g_assert_no_error (error);
      fake_now += 86400;
    }
  steady_checkin_init (&c, STEADY_CHECKIN_OTHER);
  c.pain = 1;
  steady_journal_add_checkin (journal, &c, &error);
  g_assert_no_error (error);

  g_assert_true (steady_journal_export_csv (journal, stream, NULL, NULL, &error));
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_export (void)
{
  g_autofree char *dir = tool_test_make_dir ("steady-tool-XXXXXX");
  g_autofree char *journal = g_build_filename (dir, "journal.sqlite", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *expected = make_journal (journal);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) to_stdout = { 0, };

  run.status = tool_test_run_va (&run.out, &run.err, "export-journal", "--journal", journal, "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");

  g_file_get_contents (csv, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_assert_true (g_str_has_prefix (written, "record,id,session,time_utc,"));
  /* Header, 2 × (before check-in + session), 1 check-in; CRLF each. */
  g_assert_cmpuint (count_lines (written), ==, 6);
  g_assert_nonnull (strstr (written, "\r\nsession,2,2,2027-01-16T09:00:20Z,"));

  to_stdout.status = tool_test_run_va (&to_stdout.out, &to_stdout.err, "export-journal", "--journal", journal, "-o", "-", NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, expected);

  tool_test_remove_dir (dir);
}

/* A journal in a folder the reader may not write (a backup on a read-only
 * disk, another user's folder) is read without writing anything there.
 * The tool runs as nobody when the test runs as root, for whom no folder is
 * read-only. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = tool_test_make_dir ("steady-tool-XXXXXX");
  g_autofree char *folder = g_build_filename (dir, "backup", NULL);
  g_autofree char *journal = g_build_filename (folder, "journal.sqlite", NULL);
  g_autofree char *expected = NULL, *out = NULL, *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  int status = -1;
  guint n = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  expected = make_journal (journal);
  g_assert_cmpint (g_chmod (journal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  if (geteuid () == 0)
    {
      g_ptr_array_add (argv, (char *) "setpriv");
      g_ptr_array_add (argv, (char *) "--reuid=65534");
      g_ptr_array_add (argv, (char *) "--regid=65534");
      g_ptr_array_add (argv, (char *) "--clear-groups");
    }
  g_ptr_array_add (argv, (char *) g_getenv ("STEADY_TOOL"));
  g_ptr_array_add (argv, (char *) "export-journal");
  g_ptr_array_add (argv, (char *) "--journal");
  g_ptr_array_add (argv, journal);
  g_ptr_array_add (argv, (char *) "-o");
  g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpstr (out, ==, expected);

  /* Nothing was added to the folder. */
  listing = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);

  g_chmod (folder, 0755);
  tool_test_remove_dir (folder);
  tool_test_remove_dir (dir);
}

static void
test_default_journal (void)
{
  g_autofree char *path = steady_journal_get_default_path ();
  g_autofree char *dir = tool_test_make_dir ("steady-tool-XXXXXX");
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_auto(Run) run = { 0, };

  /* main() made XDG_DATA_HOME a temporary directory; the tool inherits it. */
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  expected = make_journal (path);

  run.status = tool_test_run_va (&run.out, &run.err, "export-journal", "-o", csv, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  tool_test_remove_dir (dir);
}

static void
test_bad_usage (void)
{
  g_auto(Run) no_output = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) extra = { 0, };

  no_output.status = tool_test_run_va (&no_output.out, &no_output.err, "export-journal", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o FILE.csv"));

  unknown.status = tool_test_run_va (&unknown.out, &unknown.err, "export-journal", "--frobnicate", "-o", "x.csv", NULL);
  g_assert_cmpint (unknown.status, ==, 2);

  extra.status = tool_test_run_va (&extra.out, &extra.err, "export-journal", "-o", "x.csv", "surplus", NULL);
  g_assert_cmpint (extra.status, ==, 2);
  g_assert_false (g_file_test ("x.csv", G_FILE_TEST_EXISTS));
}

static void
test_bad_input (void)
{
  g_autofree char *dir = tool_test_make_dir ("steady-tool-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "none", "journal.sqlite", NULL);
  g_autofree char *damaged = g_build_filename (dir, "journal.sqlite", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no-such-dir", "out.csv", NULL);
  g_autofree char *missing_dir = g_path_get_dirname (missing);
  g_auto(Run) no_journal = { 0, };
  g_auto(Run) corrupt = { 0, };
  g_auto(Run) bad_output = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  static const char garbage[] = "This is not a journal, it is a shopping list.\n";

  /* No journal: one line naming it; nothing is created. */
  no_journal.status = tool_test_run_va (&no_journal.out, &no_journal.err, "export-journal", "--journal", missing, "-o", csv, NULL);
  g_assert_cmpint (no_journal.status, ==, 1);
  g_assert_cmpuint (count_lines (no_journal.err), ==, 1);
  g_assert_nonnull (strstr (no_journal.err, missing));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  /* A damaged journal: one line, and the file left alone (a reader never
   * moves it aside). */
  g_file_set_contents (damaged, garbage, -1, &error);
  g_assert_no_error (error);
  corrupt.status = tool_test_run_va (&corrupt.out, &corrupt.err, "export-journal", "--journal", damaged, "-o", csv, NULL);
  g_assert_cmpint (corrupt.status, ==, 1);
  g_assert_cmpuint (count_lines (corrupt.err), ==, 1);
  g_assert_nonnull (strstr (corrupt.err, "damaged"));
  g_file_get_contents (damaged, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, garbage);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_remove (damaged);

  /* An output that cannot be written. */
  g_free (make_journal (damaged));
  bad_output.status = tool_test_run_va (&bad_output.out, &bad_output.err, "export-journal", "--journal", damaged, "-o", unwritable, NULL);
  g_assert_cmpint (bad_output.status, ==, 1);
  g_assert_cmpuint (count_lines (bad_output.err), ==, 1);
  g_assert_nonnull (strstr (bad_output.err, "out.csv"));

  tool_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  /* A temporary data directory for the whole run, set before GLib reads it
   * and inherited by the tool. (G_TEST_OPTION_ISOLATE_DIRS leaks in GLib
   * 2.74, which makes LeakSanitizer fail the test.) */
  data_home = g_dir_make_tmp ("steady-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool/export-journal/export", test_export);
  g_test_add_func ("/tool/export-journal/default-journal", test_default_journal);
  g_test_add_func ("/tool/export-journal/read-only-folder", test_read_only_folder);
  g_test_add_func ("/tool/export-journal/bad-usage", test_bad_usage);
  g_test_add_func ("/tool/export-journal/bad-input", test_bad_input);

  status = g_test_run ();
  {
    g_autofree char *steady = g_build_filename (data_home, "steady", NULL);

    tool_test_remove_dir (steady);
    tool_test_remove_dir (data_home);
  }
  return status;
}

/* test-journal.c: the journal keeps what it was given, through damage,
 * full disks, locks, old versions and kill -9
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "steady-journal.h"
#include "steady-journal-private.h"

#define NOBODY 65534

/* This program, run again as the helper that is killed. */
static char *test_program;

/* Helpers */

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      remove_tree (child);
    }
  g_rmdir (path);
}

typedef struct {
  char *dir;
  char *path;   /* DIR/journal.sqlite */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("steady-journal-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "journal.sqlite", NULL);
  fake_now = utc (2027, 1, 15, 9, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_chmod (f->dir, 0700);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static SteadyJournal *
open_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_null (steady_journal_get_recovered_path (journal));
  steady_journal_set_clock (journal, fake_clock, NULL);
  return journal;
}

static gint64
begin_clamshell (SteadyJournal *journal)
{
  g_autoptr(GError) error = NULL;
  SteadySessionPlan plan = {
    .program_id = "hip-stability",
    .drill_id = "clamshell",
    .sides = STEADY_SIDE_BOTH,
    .reps_planned = 15,
  };
  gint64 id = steady_journal_begin_session (journal, &plan, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_checkin (SteadyJournal       *journal,
             gint64               session_id,
             SteadyCheckinMoment  moment,
             int                  pop_urge,
             int                  pain)
{
  g_autoptr(GError) error = NULL;
  SteadyCheckin c;
  gint64 id;

  steady_checkin_init (&c, moment);
  c.session_id = session_id;
  c.pop_urge = pop_urge;
  c.pain = pain;
  c.popped = 0;
  c.painful = 0;
  id = steady_journal_add_checkin (journal, &c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
record (SteadyJournal      *journal,
        gint64              session_id,
        SteadyProgressKind  kind,
        SteadySide          side,
        double              seconds)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_record_progress (journal, session_id, kind, side, seconds, &error));
  g_assert_no_error (error);
}

/* Many sessions and check-ins, so that the file spans many pages. Without
 * waiting for the disk after each one: that only matters when the power
 * goes, and it makes the tests slow on a busy machine. */
static void
fill (SteadyJournal *journal,
      guint          n_sessions)
{
  sqlite3 *db = steady_journal_get_db (journal);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = begin_clamshell (journal);

      add_checkin (journal, id, STEADY_CHECKIN_BEFORE, i % 11, (i + 3) % 11);
      for (guint r = 0; r < 5; r++)
        record (journal, id, STEADY_PROGRESS_REP, r % 2 ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT, 5.0);
      add_checkin (journal, id, STEADY_CHECKIN_AFTER, (i + 1) % 11, (i + 2) % 11);
      g_assert_true (steady_journal_end_session (journal, id, STEADY_SESSION_FINISHED, NULL, &error));
      g_assert_no_error (error);
      fake_now += 3600;
    }
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Counts rows through a connection of its own, read-only. */
static int
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_garbage (const char *path,
               gsize       length,
               guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *data = g_malloc (length);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < length; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
assert_aside_name (const char *path,
                   const char *recovered)
{
  g_autofree char *base = g_path_get_basename (recovered);
  g_autofree char *dir = g_path_get_dirname (recovered);
  g_autofree char *journal_dir = g_path_get_dirname (path);

  g_assert_cmpstr (dir, ==, journal_dir);
  g_assert_true (g_regex_match_simple ("^journal\\.sqlite\\.corrupt-[0-9]{8}-[0-9]{6}$",
                                       base, 0, 0));
  /* The fake clock says 2027-01-15 09:00 UTC. */
  g_assert_true (g_str_has_suffix (base, "20270115-090000"));
}

/* The user's data directory is a temporary one for the whole run, set
 * before GLib reads it. (G_TEST_OPTION_ISOLATE_DIRS would do, but leaks in
 * GLib 2.74, which makes LeakSanitizer fail the test.) */
static char *
isolate_data_home (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("steady-test-data-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  return dir;
}

/* Tests */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "data", "steady", "journal.sqlite", NULL);
  g_autofree char *nested_dir = g_path_get_dirname (nested);
  g_autofree char *wal = g_strconcat (nested, "-wal", NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) checkins = NULL;
  gint64 id, before_id, after_id;

  {
    g_autoptr(SteadyJournal) journal = open_journal (nested);
    SteadySessionPlan plan = {
      .program_id = "hip-stability",
      .drill_id = "supine-knee-rotation",
      .sides = STEADY_SIDE_BOTH,
      .holds_planned = 4,
    };
    SteadyCheckin c;

    g_assert_cmpstr (steady_journal_get_path (journal), ==, nested);
    /* Every commit waits for the disk. */
    {
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (steady_journal_get_db (journal), "PRAGMA synchronous", -1, &stmt, NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
      sqlite3_finalize (stmt);
    }
    assert_mode (nested_dir, 0700);
    assert_mode (nested, 0600);

    before_id = add_checkin (journal, 0, STEADY_CHECKIN_BEFORE, 6, 2);
    id = steady_journal_begin_session (journal, &plan, &error);
    g_assert_no_error (error);

    /* The -wal and -shm files exist while the journal is open, and are
     * private too. */
    assert_mode (wal, 0600);
    {
      g_autofree char *shm = g_strconcat (nested, "-shm", NULL);
      assert_mode (shm, 0600);
    }

    fake_now += 40;
    record (journal, id, STEADY_PROGRESS_HOLD, STEADY_SIDE_LEFT, 31.5);
    fake_now += 40;
    record (journal, id, STEADY_PROGRESS_HOLD, STEADY_SIDE_RIGHT, 30.0);
    fake_now += 60;
    g_assert_true (steady_journal_end_session (journal, id, STEADY_SESSION_STOPPED,
                                               "painful-pop", &error));
    g_assert_no_error (error);

    steady_checkin_init (&c, STEADY_CHECKIN_AFTER);
    c.session_id = id;
    c.pain = 4;
    c.popped = 1;
    c.painful = 1;
    after_id = steady_journal_add_checkin (journal, &c, &error);
    g_assert_no_error (error);
    g_assert_cmpint (after_id, >, before_id);

    /* Ended sessions take no more reps, and do not end twice. */
    g_assert_false (steady_journal_record_progress (journal, id, STEADY_PROGRESS_HOLD,
                                                    STEADY_SIDE_LEFT, 30, &error));
    g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, nested));
    g_clear_error (&error);
    g_assert_false (steady_journal_end_session (journal, id, STEADY_SESSION_FINISHED, NULL, &error));
    g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Closed cleanly: the WAL was checkpointed into the file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_mode (nested, 0600);

  {
    g_autoptr(SteadyJournal) journal = open_journal (nested);
    g_autoptr(SteadySession) s = steady_journal_get_session (journal, id, &error);
    const SteadyCheckin *c;

    g_assert_no_error (error);
    g_assert_cmpint (s->id, ==, id);
    g_assert_cmpint (s->started, ==, utc (2027, 1, 15, 9, 0));
    g_assert_cmpint (s->ended, ==, utc (2027, 1, 15, 9, 0) + 140);
    g_assert_cmpstr (s->program_id, ==, "hip-stability");
    g_assert_cmpstr (s->drill_id, ==, "supine-knee-rotation");
    g_assert_cmpint (s->sides, ==, STEADY_SIDE_BOTH);
    g_assert_cmpuint (s->holds_planned, ==, 4);
    g_assert_cmpuint (s->holds_done, ==, 2);
    g_assert_cmpuint (s->reps_done, ==, 0);
    g_assert_cmpuint (s->circles_done, ==, 0);
    g_assert_cmpfloat_with_epsilon (s->hold_seconds, 61.5, 1e-9);
    g_assert_cmpint (s->outcome, ==, STEADY_SESSION_STOPPED);
    g_assert_cmpstr (s->reason, ==, "painful-pop");

    sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sessions->len, ==, 1);
    checkins = steady_journal_list_checkins (journal, 0, G_MAXINT64, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (checkins->len, ==, 2);

    c = &g_array_index (checkins, SteadyCheckin, 0);
    g_assert_cmpint (c->id, ==, before_id);
    g_assert_cmpint (c->session_id, ==, 0);
    g_assert_cmpint (c->moment, ==, STEADY_CHECKIN_BEFORE);
    g_assert_cmpint (c->pop_urge, ==, 6);
    g_assert_cmpint (c->pain, ==, 2);
    g_assert_cmpint (c->popped, ==, 0);
    c = &g_array_index (checkins, SteadyCheckin, 1);
    g_assert_cmpint (c->session_id, ==, id);
    g_assert_cmpint (c->time, ==, utc (2027, 1, 15, 9, 0) + 140);
    g_assert_cmpint (c->pop_urge, ==, STEADY_CHECKIN_SKIPPED);
    g_assert_cmpint (c->pain, ==, 4);
    g_assert_cmpint (c->popped, ==, 1);
    g_assert_cmpint (c->painful, ==, 1);

    /* The journal is WAL, and at the current schema version. */
    g_assert_cmpint (count_rows (nested, "PRAGMA user_version"), ==, STEADY_JOURNAL_SCHEMA_VERSION);
    g_assert_cmpint (count_rows (nested, "SELECT count(*) FROM progress WHERE session = 1"), ==, 2);
  }

  g_assert_cmpint (count_rows (nested, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);
}

static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "steady",
                                                "journal.sqlite", NULL);
  g_autofree char *path = steady_journal_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autofree char *dir = NULL;

  /* isolate_data_home(): this is a temporary directory. */
  g_assert_cmpstr (path, ==, expected);

  journal = steady_journal_open (NULL, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_journal_get_path (journal), ==, expected);
  dir = g_path_get_dirname (expected);
  assert_mode (dir, 0700);
  assert_mode (expected, 0600);
}

static void
test_existing_flag (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;

  journal = steady_journal_open (f->path, STEADY_JOURNAL_OPEN_EXISTING, &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (journal);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A damaged file is an error for a reader, and left where it is. */
  write_garbage (f->path, 5000, 7);
  journal = steady_journal_open (f->path, STEADY_JOURNAL_OPEN_EXISTING, &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_null (journal);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_private_mode_tightened (Fixture       *f,
                             gconstpointer  data)
{
  {
    g_autoptr(SteadyJournal) journal = open_journal (f->path);
  }
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

    /* A -wal left by a crash, as loose as the file was. */
    g_assert_true (g_file_set_contents (wal, "", 0, NULL));
    g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  }
  {
    g_autoptr(SteadyJournal) journal = open_journal (f->path);
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

    assert_mode (f->path, 0600);
    assert_mode (wal, 0600);
  }
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = open_journal (f->path);
  SteadyCheckin c;
  gint64 id = begin_clamshell (journal);

  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5.0);

  /* Each refused write leaves no trace at all. */
  g_assert_false (steady_journal_record_progress (journal, id + 100, STEADY_PROGRESS_REP,
                                                  STEADY_SIDE_LEFT, 5.0, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP,
                                                  STEADY_SIDE_LEFT, -1.0, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  steady_checkin_init (&c, STEADY_CHECKIN_AFTER);
  c.session_id = id + 100;
  c.pain = 3;
  g_assert_cmpint (steady_journal_add_checkin (journal, &c, &error), ==, 0);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  c.session_id = id;
  c.pain = 11;
  g_assert_cmpint (steady_journal_add_checkin (journal, &c, &error), ==, 0);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM checkins"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM progress"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT reps_done FROM sessions"), ==, 1);

  /* Nothing is left open between calls: another connection can write. */
  g_assert_true (sqlite3_get_autocommit (steady_journal_get_db (journal)));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sessions"), ==, 1);
}

/* The schema of version 1 exactly as Steady 0.1 wrote it. */
static const char v1_schema[] =
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY, started INTEGER NOT NULL, ended INTEGER,"
  "  program TEXT NOT NULL, drill TEXT NOT NULL, sides TEXT NOT NULL,"
  "  reps_planned INTEGER NOT NULL DEFAULT 0, reps_done INTEGER NOT NULL DEFAULT 0,"
  "  circles_planned INTEGER NOT NULL DEFAULT 0, circles_done INTEGER NOT NULL DEFAULT 0,"
  "  holds_planned INTEGER NOT NULL DEFAULT 0, holds_done INTEGER NOT NULL DEFAULT 0,"
  "  hold_seconds REAL NOT NULL DEFAULT 0, outcome TEXT NOT NULL DEFAULT 'in-progress',"
  "  reason TEXT);"
  "CREATE TABLE checkins ("
  "  id INTEGER PRIMARY KEY, time INTEGER NOT NULL,"
  "  session INTEGER REFERENCES sessions (id), moment TEXT NOT NULL,"
  "  pop_urge INTEGER CHECK (pop_urge BETWEEN 0 AND 10),"
  "  pain INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  popped INTEGER CHECK (popped IN (0, 1)),"
  "  painful INTEGER CHECK (painful IN (0, 1)));"
  "PRAGMA application_id = 1398031449;"
  "PRAGMA user_version = 1;"
  "PRAGMA journal_mode = WAL;";

/* A finished clamshell of version 1, and the check-in before it. */
#define V1_SESSION \
  "INSERT INTO sessions VALUES (1, 1790000000, 1790000600, 'hip-stability'," \
  " 'clamshell', 'both', 15, 15, 0, 0, 0, 0, 75.0, 'finished', NULL);"
#define V1_CHECKIN "INSERT INTO checkins VALUES (1, 1789999990, 1, 'before', 5, 1, 0, 0);"

static void
make_old_file (const char *path,
               const char *schema,
               const char *rows)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, schema, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db, rows, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(SteadySession) old = NULL;
  g_autoptr(SteadySession) old_open = NULL;
  g_autoptr(GArray) checkins = NULL;
  gint64 id;

  make_old_file (f->path, v1_schema,
                 V1_SESSION
                 "INSERT INTO sessions (id, started, program, drill, sides, circles_planned,"
                 " circles_done) VALUES (2, 1790086400, 'hip-stability',"
                 " 'quadruped-knee-circles', 'left', 10, 3);"
                 V1_CHECKIN
                 "INSERT INTO checkins VALUES (2, 1790000610, 1, 'after', 3, NULL, NULL, NULL);");
  g_assert_cmpint (count_rows (f->path, "PRAGMA user_version"), ==, 1);

  journal = open_journal (f->path);
  g_assert_cmpint (count_rows (f->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sqlite_schema"
                                        " WHERE name IN ('progress', 'sessions_started',"
                                        " 'checkins_time')"), ==, 3);

  /* Everything version 1 kept is still there. */
  old = steady_journal_get_session (journal, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->reps_done, ==, 15);
  g_assert_cmpfloat (old->hold_seconds, ==, 75.0);
  g_assert_cmpint (old->outcome, ==, STEADY_SESSION_FINISHED);
  checkins = steady_journal_list_checkins (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 1).pain, ==, STEADY_CHECKIN_SKIPPED);
  g_assert_cmpint (g_array_index (checkins, SteadyCheckin, 1).pop_urge, ==, 3);

  /* A session version 1 left unfinished goes on under version 2. */
  record (journal, 2, STEADY_PROGRESS_CIRCLE, STEADY_SIDE_LEFT, 0);
  old_open = steady_journal_get_session (journal, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old_open->circles_done, ==, 4);
  g_assert_cmpint (count_rows (f->path, "SELECT n FROM progress WHERE session = 2"), ==, 1);

  id = begin_clamshell (journal);
  g_assert_cmpint (id, ==, 3);
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_RIGHT, 5.0);
}

/* An older journal opened only to be read (steady-tool export-journal
 * after an upgrade) is read brought up to date, and the file is left as
 * it was, for Steady to migrate when it next opens it. */
static void
test_migrate_v1_read_only (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *csv = NULL;

  make_old_file (f->path, v1_schema,
                 V1_SESSION
                 V1_CHECKIN);
  before = read_bytes (f->path);

  journal = steady_journal_open (f->path, STEADY_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (((SteadySession *) g_ptr_array_index (sessions, 0))->reps_done, ==, 15);
  checkins = steady_journal_list_checkins (journal, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_true (steady_journal_export_csv (journal, stream, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  csv = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_nonnull (strstr (csv, "clamshell"));
  g_clear_object (&journal);

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (count_rows (f->path, "PRAGMA user_version"), ==, 1);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *schema = g_strconcat (v1_schema, "PRAGMA user_version = 99;"
                                         "PRAGMA journal_mode = DELETE;", NULL);

  make_old_file (f->path, schema, "INSERT INTO checkins VALUES (1, 1, NULL, 'other', 1, 1, 1, 1);");
  before = read_bytes (f->path);

  journal = steady_journal_open (f->path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_null (journal);

  /* A newer Steady's journal is left exactly as it was, and not moved. */
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM checkins"), ==, 1);
}

static void
assert_fresh_and_working (SteadyJournal *journal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 0);
  id = begin_clamshell (journal);
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5.0);
}

static void
test_corrupt_garbage (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *aside_wal = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GBytes) garbage_wal = NULL;
  g_autoptr(GBytes) aside = NULL;
  const char *recovered;

  write_garbage (f->path, 12345, 1);
  write_garbage (wal, 4321, 2);
  garbage = read_bytes (f->path);
  garbage_wal = read_bytes (wal);

  journal = steady_journal_open (f->path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  steady_journal_set_clock (journal, fake_clock, NULL);

  /* The time in the new name is the real one; only its shape is checked. */
  recovered = steady_journal_get_recovered_path (journal);
  g_assert_nonnull (recovered);
  g_assert_true (g_str_has_prefix (recovered, f->path));
  g_assert_true (g_regex_match_simple ("\\.corrupt-[0-9]{8}-[0-9]{6}$", recovered, 0, 0));

  /* The damaged file and its WAL are kept byte for byte. */
  aside = read_bytes (recovered);
  g_assert_true (g_bytes_equal (aside, garbage));
  aside_wal = g_strconcat (recovered, "-wal", NULL);
  {
    g_autoptr(GBytes) moved_wal = read_bytes (aside_wal);
    g_assert_true (g_bytes_equal (moved_wal, garbage_wal));
  }

  {
    g_autofree char *property = NULL;

    g_object_get (journal, "recovered-path", &property, NULL);
    g_assert_cmpstr (property, ==, recovered);
  }

  assert_fresh_and_working (journal);
  assert_mode (f->path, 0600);
}

static void
test_corrupt_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) aside = NULL;

  {
    g_autoptr(SteadyJournal) good = open_journal (f->path);
    fill (good, 60);
  }

  /* A valid header, but pages 3–5 overwritten. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (3);
    FILE *file = fopen (f->path, "r+b");

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 2 * 4096, SEEK_SET), ==, 0);
    for (guint i = 0; i < 3 * 4096; i++)
      fputc (g_rand_int_range (rand, 0, 256), file);
    fclose (file);
  }
  damaged = read_bytes (f->path);

  fake_now = utc (2027, 1, 15, 9, 0);
  journal = g_object_new (STEADY_TYPE_JOURNAL, "path", f->path, NULL);
  steady_journal_set_clock (journal, fake_clock, NULL);
  g_assert_true (g_initable_init (G_INITABLE (journal), NULL, &error));
  g_assert_no_error (error);

  assert_aside_name (f->path, steady_journal_get_recovered_path (journal));
  aside = read_bytes (steady_journal_get_recovered_path (journal));
  g_assert_true (g_bytes_equal (aside, damaged));
  assert_fresh_and_working (journal);
}

/* Damaged twice in the same second: the second copy does not replace the
 * first. */
static void
test_aside_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected_second = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyJournal) journal = g_object_new (STEADY_TYPE_JOURNAL, "path", f->path, NULL);

      write_garbage (f->path, 2048 + i, 10 + i);
      steady_journal_set_clock (journal, fake_clock, NULL);
      g_assert_true (g_initable_init (G_INITABLE (journal), NULL, &error));
      g_assert_no_error (error);
      if (i == 0)
        first = g_strdup (steady_journal_get_recovered_path (journal));
      else
        second = g_strdup (steady_journal_get_recovered_path (journal));
    }

  assert_aside_name (f->path, first);
  expected_second = g_strconcat (first, "-2", NULL);
  g_assert_cmpstr (second, ==, expected_second);
  {
    g_autoptr(GBytes) a = read_bytes (first);
    g_autoptr(GBytes) b = read_bytes (second);

    g_assert_cmpuint (g_bytes_get_size (a), ==, 2048);
    g_assert_cmpuint (g_bytes_get_size (b), ==, 2049);
  }
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  const gsize cuts[] = { 0, 1 };   /* half, and half + 1 byte off a page */

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyJournal) journal = NULL;
      g_autoptr(GBytes) full = NULL;
      g_autoptr(GBytes) half = NULL;
      g_autoptr(GBytes) aside = NULL;
      g_autofree char *aside_path = NULL;
      gsize size;

      {
        g_autoptr(SteadyJournal) good = open_journal (f->path);
        fill (good, 80);
      }
      full = read_bytes (f->path);
      size = g_bytes_get_size (full);
      g_assert_cmpuint (size, >=, 8 * 4096);

      /* Cut a real journal in half (on a page boundary, then just off one). */
      g_assert_cmpint (truncate (f->path, size / 2 + cuts[i]), ==, 0);
      half = read_bytes (f->path);

      fake_now = utc (2027, 1, 15, 9, 0) + i;
      journal = g_initable_new (STEADY_TYPE_JOURNAL, NULL, &error, "path", f->path, NULL);
      g_assert_no_error (error);
      aside_path = g_strdup (steady_journal_get_recovered_path (journal));
      g_assert_nonnull (aside_path);
      aside = read_bytes (aside_path);
      g_assert_true (g_bytes_equal (aside, half));
      steady_journal_set_clock (journal, fake_clock, NULL);
      assert_fresh_and_working (journal);
      g_clear_object (&journal);

      g_assert_cmpint (g_remove (f->path), ==, 0);
    }
}

static void
test_not_a_journal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autofree char *recovered = NULL;

  /* Another program's SQLite file at our path. */
  make_old_file (f->path, "CREATE TABLE notes (text TEXT);", "INSERT INTO notes VALUES ('x');");

  journal = steady_journal_open (f->path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  recovered = g_strdup (steady_journal_get_recovered_path (journal));
  g_assert_nonnull (recovered);
  g_assert_cmpint (count_rows (recovered, "SELECT count(*) FROM notes"), ==, 1);
  steady_journal_set_clock (journal, fake_clock, NULL);
  assert_fresh_and_working (journal);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = open_journal (f->path);
  sqlite3 *db = steady_journal_get_db (journal);
  g_autofree char *limit = NULL;
  int pages = 0, n_kept = 0;
  gint64 id;
  guint i;

  fill (journal, 10);
  id = begin_clamshell (journal);
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5.0);

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    pages = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  /* Fill the "disk" with check-ins until a write fails. */
  for (i = 0; i < 100000; i++)
    {
      SteadyCheckin c;

      steady_checkin_init (&c, STEADY_CHECKIN_OTHER);
      c.pain = i % 11;
      if (steady_journal_add_checkin (journal, &c, &error) == 0)
        break;
      n_kept++;
    }
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);

  /* A rep that does not fit is not half kept: the total and the rows agree. */
  for (guint r = 0; r < 2000; r++)
    if (!steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT,
                                         5.0, &error))
      break;
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT reps_done FROM sessions WHERE id = 11"), ==,
                   count_rows (f->path, "SELECT count(*) FROM progress WHERE session = 11"));

  /* Everything kept before the disk filled is still there. */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM checkins WHERE moment = 'other'"),
                   ==, n_kept);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sessions WHERE outcome = 'finished'"),
                   ==, 10);

  /* Space again: writing goes on. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (steady_journal_end_session (journal, id, STEADY_SESSION_STOPPED, "patient", &error));
  g_assert_no_error (error);
  g_clear_object (&journal);

  journal = open_journal (f->path);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM checkins"), ==, n_kept + 20);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sessions"), ==, 11);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = open_journal (f->path);
  sqlite3 *other = NULL;
  gint64 id;

  id = begin_clamshell (journal);
  steady_journal_set_busy_timeout (journal, 20);
  g_assert_cmpuint (steady_journal_get_busy_timeout (journal), ==, 20);

  /* Another connection (as another process would) takes the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP,
                                                  STEADY_SIDE_LEFT, 5.0, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  /* Reading still works while another writes. */
  {
    g_autoptr(GPtrArray) sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sessions->len, ==, 1);
  }

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5.0);
  g_clear_object (&journal);

  /* Locked while opening: a clear error, and the file is not moved aside. */
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                 "SELECT count(*) FROM sessions;", NULL, NULL, NULL), ==, SQLITE_OK);
  journal = g_initable_new (STEADY_TYPE_JOURNAL, NULL, &error,
                            "path", f->path, "busy-timeout", 20, NULL);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_BUSY);
  g_assert_null (journal);
  g_clear_error (&error);
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, "corrupt"));
  }

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  journal = open_journal (f->path);
  {
    g_autoptr(SteadySession) s = steady_journal_get_session (journal, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (s->reps_done, ==, 1);
  }
}

/* Read-only directories and unreadable files: root may write anywhere, so
 * these run in a subprocess that has become "nobody". */
static gboolean
become_unprivileged (const char *dir)
{
  if (geteuid () != 0)
    return TRUE;

  g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
  g_assert_cmpint (setgid (NOBODY), ==, 0);
  g_assert_cmpint (setuid (NOBODY), ==, 0);
  g_assert_cmpint (geteuid (), ==, NOBODY);
  return TRUE;
}

/* Whether a child of root may become "nobody" here (not in every sandbox). */
static gboolean
can_drop_privileges (void)
{
  int status = 0;
  pid_t pid;

  if (geteuid () != 0)
    return TRUE;

  pid = fork ();
  if (pid == 0)
    _exit (setgid (NOBODY) == 0 && setuid (NOBODY) == 0 ? 0 : 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
run_unprivileged_subprocess (void)
{
  if (!can_drop_privileges ())
    {
      g_test_skip ("running as root and cannot become nobody: root ignores permissions");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* How many sessions another process (steady-tool export-journal) reads. */
static guint
sessions_seen_by_another_process (const char *path)
{
  const char *argv[] = { g_getenv ("STEADY_TOOL"), "export-journal", "--journal", path, "-o", "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "session,"))
      n++;

  return n;
}

/* A second journal opened on the same file in the same process (a test, a
 * reader in the app) must not cost the first its locks: opening used to
 * read the header with open() and close(), which drops every POSIX lock of
 * the process on the file; the next reader in another process then took the
 * journal for unused and deleted its WAL, and what the first journal wrote
 * after that was lost. */
static void
test_second_journal_in_process (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SteadyJournal) journal = open_journal (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  fill (journal, 2);
  {
    g_autoptr(SteadyJournal) reader = open_journal (f->path);
    g_autoptr(GPtrArray) sessions = steady_journal_list_sessions (reader, 0, G_MAXINT64, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sessions->len, ==, 2);
  }

  g_assert_cmpuint (sessions_seen_by_another_process (f->path), ==, 2);
  /* The WAL stays: this process still has the journal open. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  begin_clamshell (journal);
  g_assert_cmpuint (sessions_seen_by_another_process (f->path), ==, 3);
}

static void
test_read_only_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SteadyJournal) journal = NULL;

  if (!g_test_subprocess ())
    {
      run_unprivileged_subprocess ();
      return;
    }

  dir = g_dir_make_tmp ("steady-journal-ro-XXXXXX", &error);
  g_assert_no_error (error);
  if (!become_unprivileged (dir))
    return;
  path = g_build_filename (dir, "journal.sqlite", NULL);

  {
    g_autoptr(SteadyJournal) good = open_journal (path);
    fill (good, 5);
  }
  before = read_bytes (path);

  /* The folder becomes read-only. */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (journal);
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* So does the file, in a writable folder. */
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_READ_ONLY);
  g_assert_null (journal);
  g_clear_error (&error);

  /* Nothing was lost and nothing moved. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  journal = open_journal (path);
  {
    g_autoptr(GPtrArray) sessions = steady_journal_list_sessions (journal, 0, G_MAXINT64, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sessions->len, ==, 5);
  }
  g_clear_object (&journal);

  /* A folder that cannot be created. */
  {
    g_autofree char *sub = g_build_filename (dir, "locked", NULL);
    g_autofree char *deep = g_build_filename (sub, "steady", "journal.sqlite", NULL);

    g_assert_cmpint (g_mkdir (sub, 0500), ==, 0);
    journal = steady_journal_open (deep, STEADY_JOURNAL_OPEN_DEFAULT, &error);
    g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_READ_ONLY);
    g_assert_null (journal);
    g_clear_error (&error);
  }

  remove_tree (dir);
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  const char *recovered;

  if (!g_test_subprocess ())
    {
      run_unprivileged_subprocess ();
      return;
    }

  dir = g_dir_make_tmp ("steady-journal-unreadable-XXXXXX", &error);
  g_assert_no_error (error);
  if (!become_unprivileged (dir))
    return;
  path = g_build_filename (dir, "journal.sqlite", NULL);

  {
    g_autoptr(SteadyJournal) good = open_journal (path);
    fill (good, 3);
  }
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);

  journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  recovered = steady_journal_get_recovered_path (journal);
  g_assert_nonnull (recovered);

  /* Kept, with its contents: readable again once its mode is fixed. */
  g_assert_cmpint (g_chmod (recovered, 0600), ==, 0);
  g_assert_cmpint (count_rows (recovered, "SELECT count(*) FROM sessions"), ==, 3);
  steady_journal_set_clock (journal, fake_clock, NULL);
  assert_fresh_and_working (journal);
  g_clear_object (&journal);

  remove_tree (dir);
}

/* kill -9: a helper process records reps and says so after each one; it is
 * killed at some moment in the middle of the stream of writes. */
static int
run_kill_helper (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  SteadySessionPlan plan = { "hip-stability", "clamshell", STEADY_SIDE_BOTH, 100000, 0, 0 };
  gint64 id;

  if (journal == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  id = steady_journal_begin_session (journal, &plan, &error);
  if (id == 0)
    return 3;
  printf ("session %" G_GINT64_FORMAT "\n", id);
  fflush (stdout);

  for (guint n = 1; n <= 100000; n++)
    {
      if (!steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP,
                                           n % 2 ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT,
                                           5.0, &error))
        {
          g_printerr ("%s\n", error->message);
          return 3;
        }
      printf ("rep %u\n", n);
      fflush (stdout);
    }

  return 4;
}

/* Starts the helper, lets it report @kill_after reps, kills it; returns the
 * session id and the last rep it reported. */
static gint64
kill_helper_after (const char *path,
                   guint       kill_after,
                   guint      *last_rep)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { test_program, NULL };
  char line[64];
  GPid pid;
  int out_fd, status;
  FILE *out;
  gint64 id = 0;

  *last_rep = 0;
  envp = g_environ_setenv (envp, "STEADY_TEST_KILL_HELPER", path, TRUE);
  g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  out = fdopen (out_fd, "r");
  g_assert_nonnull (out);
  while (fgets (line, sizeof line, out) != NULL)
    {
      if (g_str_has_prefix (line, "session "))
        id = g_ascii_strtoll (line + 8, NULL, 10);
      else if (g_str_has_prefix (line, "rep "))
        *last_rep = g_ascii_strtoull (line + 4, NULL, 10);
      /* Killed while it is writing the next reps. */
      if (*last_rep >= kill_after)
        break;
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);
  fclose (out);

  return id;
}

static void
test_kill_during_session (Fixture       *f,
                          gconstpointer  data)
{
  const guint kill_after[] = { 1, 17, 40 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = NULL;

  {
    g_autoptr(SteadyJournal) before = open_journal (f->path);
    fill (before, 2);
  }

  for (guint k = 0; k < G_N_ELEMENTS (kill_after); k++)
    {
      g_autoptr(SteadySession) s = NULL;
      g_autofree char *count_sql = NULL;
      g_autofree char *max_sql = NULL;
      guint last_rep;
      gint64 id = kill_helper_after (f->path, kill_after[k], &last_rep);

      g_assert_cmpint (id, ==, 3 + k);
      g_assert_cmpuint (last_rep, >=, kill_after[k]);

      journal = open_journal (f->path);
      s = steady_journal_get_session (journal, id, &error);
      g_assert_no_error (error);

      /* Every rep it reported is there; at most the ones in flight after it
       * are missing, and none is half kept. */
      g_test_message ("killed after reporting %u reps; %u kept", last_rep, s->reps_done);
      g_assert_cmpuint (s->reps_done, >=, last_rep);
      g_assert_cmpint (s->outcome, ==, STEADY_SESSION_IN_PROGRESS);
      g_assert_cmpfloat_with_epsilon (s->hold_seconds, 5.0 * s->reps_done, 1e-6);
      count_sql = g_strdup_printf ("SELECT count(*) FROM progress WHERE session = %d", (int) id);
      max_sql = g_strdup_printf ("SELECT max(n) FROM progress WHERE session = %d", (int) id);
      g_assert_cmpint (count_rows (f->path, count_sql), ==, (int) s->reps_done);
      g_assert_cmpint (count_rows (f->path, max_sql), ==, (int) s->reps_done);
      g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sessions WHERE outcome = 'finished'"),
                       ==, 2);
      g_clear_object (&journal);
    }

  /* At the next start the app closes them as interrupted. */
  journal = open_journal (f->path);
  fake_now = utc (2027, 1, 16, 9, 0);
  g_assert_cmpint (steady_journal_close_interrupted (journal, &error), ==, 3);
  g_assert_no_error (error);
  {
    g_autoptr(SteadySession) s = steady_journal_get_session (journal, 5, &error);

    g_assert_no_error (error);
    g_assert_cmpint (s->outcome, ==, STEADY_SESSION_INTERRUPTED);
    g_assert_cmpint (s->ended, >=, s->started);
  }
  g_assert_cmpint (steady_journal_close_interrupted (journal, &error), ==, 0);
}

/* History: days in UTC+1, so that a session at 23:30 UTC falls on the next
 * local day. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = open_journal (f->path);
  g_autoptr(GTimeZone) plus1 = g_time_zone_new_offset (3600);
  g_autoptr(GTimeZone) utc_tz = g_time_zone_new_utc ();
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) pain = NULL;
  g_autoptr(GArray) urge = NULL;
  SteadySessionPlan hold_plan = { "hip-stability", "supine-knee-rotation", STEADY_SIDE_BOTH, 0, 0, 2 };
  SteadySessionPlan circle_plan = { "hip-stability", "quadruped-knee-circles", STEADY_SIDE_LEFT, 0, 10, 0 };
  GDate today, first;
  gint64 id;

  fake_now = utc (2027, 3, 5, 10, 0);
  id = begin_clamshell (journal);
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5.0);

  fake_now = utc (2027, 3, 6, 10, 0);
  begin_clamshell (journal);   /* nothing done: not part of a streak */

  fake_now = utc (2027, 3, 7, 23, 30);   /* 8 March, 00:30 local */
  id = steady_journal_begin_session (journal, &circle_plan, &error);
  g_assert_no_error (error);
  record (journal, id, STEADY_PROGRESS_CIRCLE, STEADY_SIDE_LEFT, 0);

  fake_now = utc (2027, 3, 9, 12, 0);
  add_checkin (journal, 0, STEADY_CHECKIN_BEFORE, 7, 1);
  id = steady_journal_begin_session (journal, &hold_plan, &error);
  g_assert_no_error (error);
  record (journal, id, STEADY_PROGRESS_HOLD, STEADY_SIDE_LEFT, 30.0);
  record (journal, id, STEADY_PROGRESS_HOLD, STEADY_SIDE_RIGHT, 45.0);
  g_assert_true (steady_journal_end_session (journal, id, STEADY_SESSION_FINISHED, NULL, &error));

  fake_now = utc (2027, 3, 10, 7, 0);
  id = begin_clamshell (journal);
  add_checkin (journal, id, STEADY_CHECKIN_BEFORE, 4, 2);
  for (guint i = 0; i < 3; i++)
    record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_RIGHT, 5.0);
  fake_now += 300;
  add_checkin (journal, id, STEADY_CHECKIN_AFTER, STEADY_CHECKIN_SKIPPED, 5);
  g_assert_true (steady_journal_end_session (journal, id, STEADY_SESSION_STOPPED, "pain-rise", &error));

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 4, G_DATE_MARCH, 2027);
  days = steady_journal_get_days (journal, &first, 8, plus1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 8);
  {
    const guint sessions[] = { 0, 1, 1, 0, 1, 1, 1, 0 };
    const guint units[] = { 0, 1, 0, 0, 1, 2, 3, 0 };
    const guint finished[] = { 0, 0, 0, 0, 0, 1, 0, 0 };
    const guint stopped[] = { 0, 0, 0, 0, 0, 0, 1, 0 };
    const int max_pain[] = { -1, -1, -1, -1, -1, 1, 5, -1 };
    const int max_urge[] = { -1, -1, -1, -1, -1, 7, 4, -1 };

    for (guint i = 0; i < 8; i++)
      {
        const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);

        g_assert_cmpint (g_date_get_day (&day->date), ==, 4 + i);
        g_assert_cmpuint (day->n_sessions, ==, sessions[i]);
        g_assert_cmpuint (day->units_done, ==, units[i]);
        g_assert_cmpuint (day->n_finished, ==, finished[i]);
        g_assert_cmpuint (day->n_stopped, ==, stopped[i]);
        g_assert_cmpint (day->max_pain, ==, max_pain[i]);
        g_assert_cmpint (day->max_pop_urge, ==, max_urge[i]);
      }
    g_assert_cmpfloat (g_array_index (days, SteadyJournalDay, 5).hold_seconds, ==, 75.0);
  }

  /* In UTC the late session falls on the 7th. */
  g_clear_pointer (&days, g_array_unref);
  days = steady_journal_get_days (journal, &first, 8, utc_tz, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (days, SteadyJournalDay, 3).n_sessions, ==, 1);
  g_assert_cmpuint (g_array_index (days, SteadyJournalDay, 4).n_sessions, ==, 0);

  /* Streak: 8, 9 and 10 March (the 7th is empty, the 6th did nothing). */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_MARCH, 2027);
  g_assert_cmpint (steady_journal_get_streak (journal, &today, plus1, &error), ==, 3);
  g_assert_cmpint (steady_journal_get_streak (journal, &today, utc_tz, &error), ==, 2);
  /* Nothing yet today does not break it; a whole empty day does. */
  g_date_add_days (&today, 1);
  g_assert_cmpint (steady_journal_get_streak (journal, &today, plus1, &error), ==, 3);
  g_date_add_days (&today, 1);
  g_assert_cmpint (steady_journal_get_streak (journal, &today, plus1, &error), ==, 0);
  /* Asked about the past, the future does not count. */
  g_date_set_dmy (&today, 5, G_DATE_MARCH, 2027);
  g_assert_cmpint (steady_journal_get_streak (journal, &today, plus1, &error), ==, 1);
  g_assert_no_error (error);

  pain = steady_journal_get_series (journal, STEADY_JOURNAL_PAIN, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pain->len, ==, 3);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 0).value, ==, 1);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 0).session_id, ==, 0);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 1).value, ==, 2);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 1).moment, ==, STEADY_CHECKIN_BEFORE);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 2).value, ==, 5);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 2).moment, ==, STEADY_CHECKIN_AFTER);
  g_assert_cmpint (g_array_index (pain, SteadyJournalPoint, 2).time, ==, utc (2027, 3, 10, 7, 5));

  /* The skipped pop urge is no point at all. */
  urge = steady_journal_get_series (journal, STEADY_JOURNAL_POP_URGE, utc (2027, 3, 10, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urge->len, ==, 1);
  g_assert_cmpint (g_array_index (urge, SteadyJournalPoint, 0).value, ==, 4);
}

static void
test_csv_field (void)
{
  g_autoptr(GString) line = g_string_new (NULL);

  steady_csv_append_field (line, "plain");
  steady_csv_append_field (line, NULL);
  steady_csv_append_field (line, "a,b");
  steady_csv_append_field (line, "say \"hi\"");
  steady_csv_append_field (line, "two\nlines");
  steady_csv_append_field (line, "cr\r");
  steady_csv_append_field (line, "höft ü “x”");
  steady_csv_append_field (line, "");
  g_assert_cmpstr (line->str, ==,
                   "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",höft ü “x”,");
}

static void
test_csv_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = open_journal (f->path);
  g_autoptr(GTimeZone) plus1 = g_time_zone_new_offset (3600);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autofree char *from_file = NULL;
  SteadySessionPlan utf8_plan = { "höft", "knä, “cirklar”", STEADY_SIDE_LEFT, 0, 10, 0 };
  SteadyCheckin c;
  const char *expected;
  gint64 id;

  fake_now = utc (2027, 1, 15, 9, 0);
  add_checkin (journal, 0, STEADY_CHECKIN_BEFORE, 4, 1);
  id = begin_clamshell (journal);
  fake_now += 30;
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT, 5.0);
  fake_now += 30;
  record (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_RIGHT, 4.5);
  fake_now += 60;
  g_assert_true (steady_journal_end_session (journal, id, STEADY_SESSION_STOPPED,
                                             "pain up, \"sharp\"\nthen rest", &error));
  steady_checkin_init (&c, STEADY_CHECKIN_AFTER);
  c.session_id = id;
  c.pain = 3;
  c.popped = 1;
  c.painful = 0;
  steady_journal_add_checkin (journal, &c, &error);
  g_assert_no_error (error);

  fake_now = utc (2027, 1, 16, 23, 30);
  id = steady_journal_begin_session (journal, &utf8_plan, &error);
  g_assert_no_error (error);
  record (journal, id, STEADY_PROGRESS_CIRCLE, STEADY_SIDE_LEFT, 0);

  fake_now += 3600;
  steady_checkin_init (&c, STEADY_CHECKIN_OTHER);
  c.pop_urge = 10;
  steady_journal_add_checkin (journal, &c, &error);
  g_assert_no_error (error);

  g_assert_true (steady_journal_export_csv (journal, stream, plus1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  expected =
    "record,id,session,time_utc,time_local,moment,program,drill,sides,"
    "reps_planned,reps_done,circles_planned,circles_done,holds_planned,holds_done,"
    "hold_seconds,ended_utc,outcome,reason,pop_urge,pain,popped,painful\r\n"
    "checkin,1,,2027-01-15T09:00:00Z,2027-01-15T10:00:00+01:00,before,,,,,,,,,,,,,,4,1,no,no\r\n"
    "session,1,1,2027-01-15T09:00:00Z,2027-01-15T10:00:00+01:00,,hip-stability,clamshell,both,"
    "15,2,0,0,0,0,9.5,2027-01-15T09:02:00Z,stopped,\"pain up, \"\"sharp\"\"\nthen rest\",,,,\r\n"
    "checkin,2,1,2027-01-15T09:02:00Z,2027-01-15T10:02:00+01:00,after,,,,,,,,,,,,,,,3,yes,no\r\n"
    "session,2,2,2027-01-16T23:30:00Z,2027-01-17T00:30:00+01:00,,höft,\"knä, “cirklar”\",left,"
    "0,0,10,1,0,0,0.0,,in-progress,,,,,\r\n"
    "checkin,3,,2027-01-17T00:30:00Z,2027-01-17T01:30:00+01:00,other,,,,,,,,,,,,,,10,,,\r\n";
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), ==, expected);
  g_assert_true (g_utf8_validate (expected, -1, NULL));

  /* Every row has the header's 23 columns (outside quotes). */
  {
    g_auto(GStrv) rows = g_strsplit (expected, "\r\n", -1);

    for (guint i = 0; rows[i] != NULL && rows[i][0] != '\0'; i++)
      {
        guint commas = 0;
        gboolean quoted = FALSE;

        for (const char *p = rows[i]; *p; p++)
          {
            if (*p == '"')
              quoted = !quoted;
            else if (*p == ',' && !quoted)
              commas++;
          }
        g_assert_cmpuint (commas, ==, 22);
      }
  }

  /* To a file: the same bytes, private. */
  g_assert_true (steady_journal_export_csv_to_file (journal, csv_file, plus1, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &from_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_file, ==, expected);
  assert_mode (csv_path, 0600);
}

int
main (int   argc,
      char *argv[])
{
  const char *helper = g_getenv ("STEADY_TEST_KILL_HELPER");
  g_autofree char *data_home = NULL;
  int status;

  if (helper != NULL)
    return run_kill_helper (helper);

  setlocale (LC_ALL, "C.UTF-8");
  test_program = g_canonicalize_filename (argv[0], NULL);
  data_home = isolate_data_home ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/journal/round-trip", test_round_trip);
  g_test_add_func ("/journal/default-path", test_default_path);
  ADD ("/journal/existing-flag", test_existing_flag);
  ADD ("/journal/private-mode", test_private_mode_tightened);
  ADD ("/journal/transactions", test_transactions);
  ADD ("/journal/migrate-v1", test_migrate_v1);
  ADD ("/journal/migrate-v1-read-only", test_migrate_v1_read_only);
  ADD ("/journal/too-new", test_too_new);
  ADD ("/journal/corrupt/garbage", test_corrupt_garbage);
  ADD ("/journal/corrupt/pages", test_corrupt_pages);
  ADD ("/journal/corrupt/truncated", test_truncated);
  ADD ("/journal/corrupt/aside-names", test_aside_names);
  ADD ("/journal/corrupt/not-a-journal", test_not_a_journal);
  ADD ("/journal/full-disk", test_full_disk);
  ADD ("/journal/locked", test_locked);
  ADD ("/journal/second-journal-in-process", test_second_journal_in_process);
  g_test_add_func ("/journal/read-only-directory", test_read_only_directory);
  g_test_add_func ("/journal/unreadable", test_unreadable);
  ADD ("/journal/kill-9", test_kill_during_session);
  ADD ("/journal/history", test_history);
  g_test_add_func ("/journal/csv/field", test_csv_field);
  ADD ("/journal/csv/export", test_csv_export);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}

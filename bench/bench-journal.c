/* bench-journal.c: how fast the journal keeps reps, opens and exports
 *
 * Each figure is printed next to a baseline measured in the same run: a
 * bare SQLite INSERT per transaction with the same settings (WAL,
 * synchronous=FULL). Times on these machines vary; the ratio is the figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "steady-journal.h"
#include "steady-journal-private.h"

#define N_REPS 400
#define N_ROUNDS 5
#define N_BIG_SESSIONS 5000
#define REPS_PER_BIG_SESSION 15

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static double
baseline_inserts (const char *path,
                  guint       n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double start;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                "CREATE TABLE IF NOT EXISTS t (session INTEGER, n INTEGER, time INTEGER, side TEXT, s REAL)",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (1, ?, ?, 'left', 5.0)", -1, &stmt, NULL);

  start = now_s ();
  for (guint i = 0; i < n; i++)
    {
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, 1800000000 + i);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
      sqlite3_reset (stmt);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  start = now_s () - start;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return start;
}

static double
journal_reps (const char *path,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  SteadySessionPlan plan = { "hip-stability", "clamshell", STEADY_SIDE_BOTH, n, 0, 0 };
  gint64 id;
  double start;

  g_assert_no_error (error);
  id = steady_journal_begin_session (journal, &plan, &error);
  g_assert_no_error (error);

  start = now_s ();
  for (guint i = 0; i < n; i++)
    if (!steady_journal_record_progress (journal, id, STEADY_PROGRESS_REP, STEADY_SIDE_LEFT,
                                         5.0, &error))
      g_error ("%s", error->message);
  return now_s () - start;
}

/* A year-and-more of daily use, written in one transaction. */
static void
make_big_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournal) journal = steady_journal_open (path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
  sqlite3 *db;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  db = steady_journal_get_db (journal);
  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %d)"
    " INSERT INTO sessions (id, started, ended, program, drill, sides, reps_planned, reps_done,"
    "  hold_seconds, outcome) SELECT i, 1700000000 + i * 7200, 1700000000 + i * 7200 + 600,"
    "  'hip-stability', 'clamshell', 'both', %d, %d, %d * 5.0, 'finished' FROM s;"
    "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %d),"
    " r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < %d)"
    " INSERT INTO progress SELECT i, n, 1700000000 + i * 7200 + n * 20, 'rep', 'left', 5.0"
    "  FROM s, r;"
    "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < %d)"
    " INSERT INTO checkins (time, session, moment, pop_urge, pain, popped, painful)"
    "  SELECT 1700000000 + i * 7200 + 700, i, 'after', i %% 11, (i * 7) %% 11, 0, 0 FROM s;"
    "COMMIT;",
    N_BIG_SESSIONS, REPS_PER_BIG_SESSION, REPS_PER_BIG_SESSION, REPS_PER_BIG_SESSION,
    N_BIG_SESSIONS, REPS_PER_BIG_SESSION, N_BIG_SESSIONS);
  g_assert (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *journal_path = NULL;
  g_autofree char *big_path = NULL;
  double base, ours, open_time, export_time, days_time;
  struct stat st;

  setlocale (LC_ALL, "");
  dir = g_dir_make_tmp ("steady-bench-journal-XXXXXX", &error);
  g_assert_no_error (error);
  base_path = g_build_filename (dir, "baseline.sqlite", NULL);
  journal_path = g_build_filename (dir, "journal.sqlite", NULL);
  big_path = g_build_filename (dir, "big.sqlite", NULL);

  /* Alternate the two, so that neither gets the cold or the warm disk. */
  {
    double base_runs[N_ROUNDS], our_runs[N_ROUNDS];

    for (guint r = 0; r < N_ROUNDS; r++)
      {
        base_runs[r] = baseline_inserts (base_path, N_REPS);
        our_runs[r] = journal_reps (journal_path, N_REPS);
      }
    base = median (base_runs, N_ROUNDS);
    ours = median (our_runs, N_ROUNDS);
  }
  printf ("rep writes (%d, each its own transaction, WAL, synchronous=FULL; median of %d rounds):\n",
          N_REPS, N_ROUNDS);
  printf ("  baseline bare INSERT   %8.0f /s  %7.1f µs each\n", N_REPS / base, base * 1e6 / N_REPS);
  printf ("  journal record_progress%8.0f /s  %7.1f µs each  (×%.2f the baseline's time)\n",
          N_REPS / ours, ours * 1e6 / N_REPS, ours / base);

  make_big_journal (big_path);
  g_stat (big_path, &st);
  {
    g_autoptr(SteadyJournal) big = NULL;
    g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
    g_autoptr(GArray) days = NULL;
    GDate first;
    double t;

    t = now_s ();
    big = steady_journal_open (big_path, STEADY_JOURNAL_OPEN_DEFAULT, &error);
    open_time = now_s () - t;
    g_assert_no_error (error);

    t = now_s ();
    g_assert (steady_journal_export_csv (big, sink, NULL, NULL, &error));
    export_time = now_s () - t;

    g_date_clear (&first, 1);
    g_date_set_dmy (&first, 1, G_DATE_MARCH, 2024);
    t = now_s ();
    days = steady_journal_get_days (big, &first, 56, NULL, &error);
    days_time = now_s () - t;
    g_assert_no_error (error);

    printf ("a journal of %d sessions, %d reps, %d check-ins (%.1f MiB):\n",
            N_BIG_SESSIONS, N_BIG_SESSIONS * REPS_PER_BIG_SESSION, N_BIG_SESSIONS,
            st.st_size / 1048576.0);
    printf ("  open (quick_check)     %7.1f ms  (×%.1f the time of one bare INSERT)\n",
            open_time * 1e3, open_time / (base / N_REPS));
    printf ("  CSV export             %7.1f ms  (%zu bytes)\n", export_time * 1e3,
            g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sink)));
    printf ("  8-week calendar        %7.2f ms\n", days_time * 1e3);
  }

  {
    const char *names[] = { "baseline.sqlite", "journal.sqlite", "big.sqlite" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);
        g_autofree char *wal = g_strconcat (p, "-wal", NULL);
        g_autofree char *shm = g_strconcat (p, "-shm", NULL);

        g_remove (p);
        g_remove (wal);
        g_remove (shm);
      }
    g_rmdir (dir);
  }

  return 0;
}

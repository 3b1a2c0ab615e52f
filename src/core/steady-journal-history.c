/* steady-journal-history.c: reading the journal back — sessions,
 * check-ins, and what a history page draws (days, streak, series)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "steady-journal.h"
#include "steady-journal-private.h"

#define SESSION_COLUMNS \
  "id, started, ended, program, drill, sides, reps_planned, reps_done," \
  " circles_planned, circles_done, holds_planned, holds_done, hold_seconds, outcome, reason"

static SteadySession *
session_from_row (sqlite3_stmt *stmt)
{
  SteadySession *s = g_new0 (SteadySession, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->started = sqlite3_column_int64 (stmt, 1);
  s->ended = sqlite3_column_int64 (stmt, 2);
  s->program_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  s->drill_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  if (!steady_side_from_string ((const char *) sqlite3_column_text (stmt, 5), &s->sides))
    s->sides = STEADY_SIDE_NONE;
  s->reps_planned = sqlite3_column_int (stmt, 6);
  s->reps_done = sqlite3_column_int (stmt, 7);
  s->circles_planned = sqlite3_column_int (stmt, 8);
  s->circles_done = sqlite3_column_int (stmt, 9);
  s->holds_planned = sqlite3_column_int (stmt, 10);
  s->holds_done = sqlite3_column_int (stmt, 11);
  s->hold_seconds = sqlite3_column_double (stmt, 12);
  s->outcome = steady_session_outcome_from_string ((const char *) sqlite3_column_text (stmt, 13));
  s->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 14));

  return s;
}

SteadySession *
steady_journal_get_session (SteadyJournal  *self,
                            gint64          session_id,
                            GError        **error)
{
  const char *action = _("cannot read a session");
  sqlite3_stmt *stmt;
  SteadySession *session;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = steady_journal_get_statement (self,
                                       "SELECT " SESSION_COLUMNS " FROM sessions WHERE id = ?",
                                       action, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                   _("%s: %s: there is no session %lld"),
                   steady_journal_get_path (self), action, (long long) session_id);
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  session = session_from_row (stmt);
  sqlite3_reset (stmt);
  return session;
}

GPtrArray *
steady_journal_list_sessions (SteadyJournal  *self,
                              gint64          since,
                              gint64          until,
                              GError        **error)
{
  const char *action = _("cannot read the sessions");
  g_autoptr(GPtrArray) sessions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = steady_journal_get_statement (self,
                                       "SELECT " SESSION_COLUMNS " FROM sessions"
                                       " WHERE started >= ? AND started < ? ORDER BY started, id",
                                       action, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, until);

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) steady_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      return NULL;
    }

  return g_steal_pointer (&sessions);
}

static int
column_answer (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return STEADY_CHECKIN_SKIPPED;

  return sqlite3_column_int (stmt, column);
}

GArray *
steady_journal_list_checkins (SteadyJournal  *self,
                              gint64          since,
                              gint64          until,
                              GError        **error)
{
  const char *action = _("cannot read the check-ins");
  g_autoptr(GArray) checkins = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = steady_journal_get_statement (self,
                                       "SELECT id, time, session, moment, pop_urge, pain, popped,"
                                       " painful"
                                       " FROM checkins WHERE time >= ? AND time < ? ORDER BY"
                                       " time, id",
                                       action, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, until);

  checkins = g_array_new (FALSE, TRUE, sizeof (SteadyCheckin));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyCheckin c;

      steady_checkin_init (&c, STEADY_CHECKIN_OTHER);
      c.id = sqlite3_column_int64 (stmt, 0);
      c.time = sqlite3_column_int64 (stmt, 1);
      c.session_id = sqlite3_column_int64 (stmt, 2);
      steady_checkin_moment_from_string ((const char *) sqlite3_column_text (stmt, 3), &c.moment);
      c.pop_urge = column_answer (stmt, 4);
      c.pain = column_answer (stmt, 5);
      c.popped = column_answer (stmt, 6);
      c.painful = column_answer (stmt, 7);
      g_array_append_val (checkins, c);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      return NULL;
    }

  return g_steal_pointer (&checkins);
}

/* Unix time of the start of @date in @tz. */
static gint64
day_start (const GDate *date,
           GTimeZone   *tz)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (date),
                                             g_date_get_month (date),
                                             g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* Days from @first to the local day of @time, in @tz (may be negative). */
static gint64
day_index (const GDate *first,
           gint64       time,
           GTimeZone   *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));

  return (gint64) g_date_get_julian (&date) - (gint64) g_date_get_julian (first);
}

GArray *
steady_journal_get_days (SteadyJournal  *self,
                         const GDate    *first,
                         guint           n_days,
                         GTimeZone      *tz,
                         GError        **error)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) checkins = NULL;
  GDate last;
  gint64 since, until;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (n_days > 0 && n_days <= 366 * 100, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  last = *first;
  g_date_add_days (&last, n_days);
  since = day_start (first, tz);
  until = day_start (&last, tz);

  sessions = steady_journal_list_sessions (self, since, until, error);
  if (sessions == NULL)
    return NULL;
  checkins = steady_journal_list_checkins (self, since, until, error);
  if (checkins == NULL)
    return NULL;

  days = g_array_sized_new (FALSE, TRUE, sizeof (SteadyJournalDay), n_days);
  g_array_set_size (days, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i);

      day->date = *first;
      g_date_add_days (&day->date, i);
      day->max_pain = STEADY_CHECKIN_SKIPPED;
      day->max_pop_urge = STEADY_CHECKIN_SKIPPED;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      const SteadySession *s = g_ptr_array_index (sessions, i);
      gint64 index = day_index (first, s->started, tz);
      SteadyJournalDay *day;

      if (index < 0 || index >= n_days)
        continue;

      day = &g_array_index (days, SteadyJournalDay, index);
      day->n_sessions++;
      if (s->outcome == STEADY_SESSION_FINISHED)
        day->n_finished++;
      else if (s->outcome == STEADY_SESSION_STOPPED || s->outcome == STEADY_SESSION_INTERRUPTED)
        day->n_stopped++;
      day->units_done += s->reps_done + s->circles_done + s->holds_done;
      day->hold_seconds += s->hold_seconds;
    }

  for (guint i = 0; i < checkins->len; i++)
    {
      const SteadyCheckin *c = &g_array_index (checkins, SteadyCheckin, i);
      gint64 index = day_index (first, c->time, tz);
      SteadyJournalDay *day;

      if (index < 0 || index >= n_days)
        continue;

      day = &g_array_index (days, SteadyJournalDay, index);
      day->max_pain = MAX (day->max_pain, c->pain);
      day->max_pop_urge = MAX (day->max_pop_urge, c->pop_urge);
    }

  return g_steal_pointer (&days);
}

int
steady_journal_get_streak (SteadyJournal  *self,
                           const GDate    *today,
                           GTimeZone      *tz,
                           GError        **error)
{
  const char *action = _("cannot count the days in a row");
  g_autoptr(GTimeZone) local_tz = NULL;
  g_autoptr(GHashTable) active = NULL;
  sqlite3_stmt *stmt;
  GDate tomorrow;
  gint64 until, day;
  int rc, streak = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), -1);
  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  tomorrow = *today;
  g_date_add_days (&tomorrow, 1);
  until = day_start (&tomorrow, tz);

  stmt = steady_journal_get_statement (self,
                                       "SELECT started FROM sessions WHERE started < ? AND"
                                       " (reps_done + circles_done + holds_done > 0 OR outcome ="
                                       " 'finished')"
                                       " ORDER BY started DESC",
                                       action, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, until);

  /* Days back from today that had something done. */
  active = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 back = -day_index (today, sqlite3_column_int64 (stmt, 0), tz);

      g_hash_table_add (active, g_memdup2 (&back, sizeof back));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      return -1;
    }

  /* Nothing done yet today does not break the streak. */
  day = 0;
  if (!g_hash_table_contains (active, &day))
    day = 1;
  while (g_hash_table_contains (active, &day))
    {
      streak++;
      day++;
    }

  return streak;
}

GArray *
steady_journal_get_series (SteadyJournal         *self,
                           SteadyJournalMeasure   measure,
                           gint64                 since,
                           GError               **error)
{
  const char *action = _("cannot read the check-ins");
  g_autoptr(GArray) points = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (measure == STEADY_JOURNAL_POP_URGE || measure == STEADY_JOURNAL_PAIN, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (measure == STEADY_JOURNAL_PAIN)
    stmt = steady_journal_get_statement (self,
                                         "SELECT time, pain, moment, session FROM checkins"
                                         " WHERE pain IS NOT NULL AND time >= ? ORDER BY time, id",
                                         action, error);
  else
    stmt = steady_journal_get_statement (self,
                                         "SELECT time, pop_urge, moment, session FROM checkins"
                                         " WHERE pop_urge IS NOT NULL AND time >= ? ORDER BY"
                                         " time, id",
                                         action, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);

  points = g_array_new (FALSE, TRUE, sizeof (SteadyJournalPoint));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyJournalPoint p = { 0, };

      p.time = sqlite3_column_int64 (stmt, 0);
      p.value = sqlite3_column_int (stmt, 1);
      p.moment = STEADY_CHECKIN_OTHER;
      steady_checkin_moment_from_string ((const char *) sqlite3_column_text (stmt, 2), &p.moment);
      p.session_id = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (points, p);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      return NULL;
    }

  return g_steal_pointer (&points);
}

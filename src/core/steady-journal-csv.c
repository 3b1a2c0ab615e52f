/* steady-journal-csv.c: the journal as one CSV file (docs/journal-csv.md)
 *
 * Built on the journal's public reading API only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "steady-journal.h"
#include "steady-journal-private.h"

/* The columns, in order. Changing them changes docs/journal-csv.md. */
const char steady_journal_csv_header[] =
  "record,id,session,time_utc,time_local,moment,program,drill,sides,"
  "reps_planned,reps_done,circles_planned,circles_done,holds_planned,holds_done,"
  "hold_seconds,ended_utc,outcome,reason,pop_urge,pain,popped,painful";

void
steady_csv_append_field (GString    *line,
                         const char *field)
{
  g_return_if_fail (line != NULL);

  if (line->len > 0)
    g_string_append_c (line, ',');

  if (field == NULL || *field == '\0')
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_int (GString *line,
            gint64   value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  steady_csv_append_field (line, buffer);
}

static void
append_answer (GString *line,
               int      value)
{
  if (value == STEADY_CHECKIN_SKIPPED)
    steady_csv_append_field (line, NULL);
  else
    append_int (line, value);
}

static void
append_yes_no (GString *line,
               int      value)
{
  steady_csv_append_field (line, value == STEADY_CHECKIN_SKIPPED ? NULL : value ? "yes" : "no");
}

static void
append_times (GString   *line,
              gint64     time,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *utc_text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *local_text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");

  steady_csv_append_field (line, utc_text);
  steady_csv_append_field (line, local_text);
}

static void
append_session (GString             *line,
                const SteadySession *s,
                GTimeZone           *tz)
{
  char seconds[G_ASCII_DTOSTR_BUF_SIZE];

  steady_csv_append_field (line, "session");
  append_int (line, s->id);
  append_int (line, s->id);
  append_times (line, s->started, tz);
  steady_csv_append_field (line, NULL);
  steady_csv_append_field (line, s->program_id);
  steady_csv_append_field (line, s->drill_id);
  steady_csv_append_field (line, steady_side_to_string (s->sides));
  append_int (line, s->reps_planned);
  append_int (line, s->reps_done);
  append_int (line, s->circles_planned);
  append_int (line, s->circles_done);
  append_int (line, s->holds_planned);
  append_int (line, s->holds_done);
  g_ascii_formatd (seconds, sizeof seconds, "%.1f", s->hold_seconds);
  steady_csv_append_field (line, seconds);
  if (s->ended != 0)
    {
      g_autoptr(GDateTime) ended = g_date_time_new_from_unix_utc (s->ended);
      g_autofree char *ended_text = g_date_time_format (ended, "%Y-%m-%dT%H:%M:%SZ");

      steady_csv_append_field (line, ended_text);
    }
  else
    steady_csv_append_field (line, NULL);
  steady_csv_append_field (line, steady_session_outcome_to_string (s->outcome));
  steady_csv_append_field (line, s->reason);
  for (guint i = 0; i < 4; i++)
    steady_csv_append_field (line, NULL);
}

static void
append_checkin (GString             *line,
                const SteadyCheckin *c,
                GTimeZone           *tz)
{
  steady_csv_append_field (line, "checkin");
  append_int (line, c->id);
  if (c->session_id != 0)
    append_int (line, c->session_id);
  else
    steady_csv_append_field (line, NULL);
  append_times (line, c->time, tz);
  steady_csv_append_field (line, steady_checkin_moment_to_string (c->moment));
  for (guint i = 0; i < 13; i++)
    steady_csv_append_field (line, NULL);
  append_answer (line, c->pop_urge);
  append_answer (line, c->pain);
  append_yes_no (line, c->popped);
  append_yes_no (line, c->painful);
}

/* Sorts rows by time; at the same second a "before" check-in comes before
 * its session and the session before the "after" check-in. */
static int
rank_checkin (const SteadyCheckin *c)
{
  return c->moment == STEADY_CHECKIN_BEFORE ? 0 : 2;
}

gboolean
steady_journal_export_csv (SteadyJournal  *self,
                           GOutputStream  *stream,
                           GTimeZone      *tz,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  guint si = 0, ci = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  sessions = steady_journal_list_sessions (self, 0, G_MAXINT64, error);
  if (sessions == NULL)
    return FALSE;
  checkins = steady_journal_list_checkins (self, 0, G_MAXINT64, error);
  if (checkins == NULL)
    return FALSE;

  g_string_append (line, steady_journal_csv_header);
  g_string_append (line, "\r\n");
  if (!g_output_stream_write_all (stream, line->str, line->len, NULL, cancellable, error))
    return FALSE;

  while (si < sessions->len || ci < checkins->len)
    {
      const SteadySession *s = si < sessions->len ? g_ptr_array_index (sessions, si) : NULL;
      const SteadyCheckin *c = ci < checkins->len
                               ? &g_array_index (checkins, SteadyCheckin, ci) : NULL;
      gboolean session_first;

      if (s == NULL)
        session_first = FALSE;
      else if (c == NULL)
        session_first = TRUE;
      else if (s->started != c->time)
        session_first = s->started < c->time;
      else
        session_first = rank_checkin (c) > 1;

      g_string_truncate (line, 0);
      if (session_first)
        {
          append_session (line, s, tz);
          si++;
        }
      else
        {
          append_checkin (line, c, tz);
          ci++;
        }
      g_string_append (line, "\r\n");

      if (!g_output_stream_write_all (stream, line->str, line->len, NULL, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
steady_journal_export_csv_to_file (SteadyJournal  *self,
                                   GFile          *file,
                                   GTimeZone      *tz,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Private data: the export is readable by its owner only. */
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL
      || !steady_journal_export_csv (self, G_OUTPUT_STREAM (stream), tz, cancellable, &local_error)
      || !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Closing unfinished leaves the old file in place. */
      if (stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        {
          g_autoptr(GCancellable) abort = g_cancellable_new ();

          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
        }

      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_IO,
                   _("%s: cannot export the journal: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

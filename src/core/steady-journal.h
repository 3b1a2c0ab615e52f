/* steady-journal.h: the private journal — drill sessions and check-ins,
 * kept in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "steady-checkin.h"
#include "steady-types.h"

G_BEGIN_DECLS

#define STEADY_JOURNAL_ERROR (steady_journal_error_quark ())

typedef enum {
  STEADY_JOURNAL_ERROR_IO,         /* cannot create the directory, open or write the file */
  STEADY_JOURNAL_ERROR_READ_ONLY,  /* the file or its directory may not be written */
  STEADY_JOURNAL_ERROR_FULL,       /* the disk (or the size limit) is full */
  STEADY_JOURNAL_ERROR_BUSY,       /* another program holds the journal locked */
  STEADY_JOURNAL_ERROR_CORRUPT,    /* damaged, and could not (or may not) be moved aside */
  STEADY_JOURNAL_ERROR_TOO_NEW,    /* written by a newer Steady: left alone */
  STEADY_JOURNAL_ERROR_NOT_FOUND,  /* no such file (STEADY_JOURNAL_OPEN_EXISTING), no such session */
  STEADY_JOURNAL_ERROR_INVALID,    /* a value out of range, a session already ended */
} SteadyJournalError;

/* The schema this build writes (PRAGMA user_version). Older files are
 * migrated when opened. */
#define STEADY_JOURNAL_SCHEMA_VERSION 2

typedef enum {
  STEADY_JOURNAL_OPEN_DEFAULT  = 0,
  /* The file must exist, and a damaged file is an error instead of being
   * moved aside (for readers such as `steady-tool export-journal`). */
  STEADY_JOURNAL_OPEN_EXISTING = 1 << 0,
  /* Only read (implies EXISTING): nothing is written, not even in the
   * folder, so a journal on a read-only disk or in a folder the reader may
   * not write can be read. A journal written by an older Steady must be
   * opened once for writing (by Steady) first. */
  STEADY_JOURNAL_OPEN_READ_ONLY = 1 << 1,
} SteadyJournalOpenFlags;

typedef enum {
  STEADY_SESSION_IN_PROGRESS,   /* not ended yet (or Steady was killed) */
  STEADY_SESSION_FINISHED,      /* everything planned was done */
  STEADY_SESSION_STOPPED,       /* ended early; see the reason */
  STEADY_SESSION_INTERRUPTED,   /* found unfinished at a later start */
} SteadySessionOutcome;

/* What one unit of progress is. */
typedef enum {
  STEADY_PROGRESS_REP,      /* a repetition (clamshell) */
  STEADY_PROGRESS_CIRCLE,   /* a knee circle */
  STEADY_PROGRESS_HOLD,     /* a hold (knees to the side) */
} SteadyProgressKind;

/* What a session sets out to do. Zero for what the drill does not have. */
typedef struct {
  const char *program_id;
  const char *drill_id;
  SteadySide  sides;
  guint       reps_planned;
  guint       circles_planned;
  guint       holds_planned;
} SteadySessionPlan;

/* A kept session. */
typedef struct {
  gint64               id;
  gint64               started;        /* Unix seconds, UTC */
  gint64               ended;          /* 0 while in progress */
  char                *program_id;
  char                *drill_id;
  SteadySide           sides;
  guint                reps_planned;
  guint                reps_done;
  guint                circles_planned;
  guint                circles_done;
  guint                holds_planned;
  guint                holds_done;
  double               hold_seconds;   /* seconds held, summed over the session */
  SteadySessionOutcome outcome;
  char                *reason;         /* why it stopped, or NULL */
} SteadySession;

void steady_session_free (SteadySession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySession, steady_session_free)

/* One day of the calendar, in the time zone asked for. */
typedef struct {
  GDate  date;
  guint  n_sessions;       /* sessions started that day */
  guint  n_finished;
  guint  n_stopped;        /* stopped or interrupted */
  guint  units_done;       /* reps + circles + holds */
  double hold_seconds;
  int    max_pain;         /* highest pain checked in, or STEADY_CHECKIN_SKIPPED */
  int    max_pop_urge;     /* highest pop urge, or STEADY_CHECKIN_SKIPPED */
} SteadyJournalDay;

typedef enum {
  STEADY_JOURNAL_POP_URGE,
  STEADY_JOURNAL_PAIN,
} SteadyJournalMeasure;

/* One answered check-in value, for a line chart. */
typedef struct {
  gint64              time;        /* Unix seconds, UTC */
  int                 value;       /* 0–10 */
  SteadyCheckinMoment moment;
  gint64              session_id;  /* 0 = none */
} SteadyJournalPoint;

/* Where the time comes from; tests and imports set their own. Returns Unix
 * seconds, UTC. */
typedef gint64 (*SteadyJournalClock) (gpointer user_data);

/* A journal is used from one thread (the main one): its connection is
 * opened without SQLite's mutexes. Other processes may open the same file. */
#define STEADY_TYPE_JOURNAL (steady_journal_get_type ())
G_DECLARE_FINAL_TYPE (SteadyJournal, steady_journal, STEADY, JOURNAL, GObject)

GQuark         steady_journal_error_quark        (void);

/* $XDG_DATA_HOME/steady/journal.sqlite (a new string). */
char          *steady_journal_get_default_path   (void);

/* Opens (creating it, its directory 0700 and the file 0600, when missing)
 * the journal at @path, or at the default path when @path is NULL. A
 * damaged file is renamed aside to PATH.corrupt-YYYYMMDD-HHMMSS (UTC, with
 * its -wal and -shm) and a fresh journal is started: that is not an error;
 * steady_journal_get_recovered_path() then says where the old file went.
 * The journal is also a GInitable with the properties "path", "flags" and
 * "busy-timeout" (milliseconds to wait for a lock, 5000 by default). */
SteadyJournal *steady_journal_open               (const char              *path,
                                                  SteadyJournalOpenFlags   flags,
                                                  GError                 **error);

const char    *steady_journal_get_path           (SteadyJournal *self);
/* Where a damaged journal was moved at open, or NULL. */
const char    *steady_journal_get_recovered_path (SteadyJournal *self);
guint          steady_journal_get_busy_timeout   (SteadyJournal *self);
void           steady_journal_set_busy_timeout   (SteadyJournal *self,
                                                  guint          milliseconds);
void           steady_journal_set_clock          (SteadyJournal      *self,
                                                  SteadyJournalClock  clock,
                                                  gpointer            user_data);

/* Writing. Every call is one transaction: it is kept entirely or not at all. */
gint64         steady_journal_begin_session      (SteadyJournal            *self,
                                                  const SteadySessionPlan  *plan,
                                                  GError                  **error);
/* One rep, circle or hold done on @side; @hold_seconds is how long it was
 * held (0 when it has no hold). */
gboolean       steady_journal_record_progress    (SteadyJournal       *self,
                                                  gint64               session_id,
                                                  SteadyProgressKind   kind,
                                                  SteadySide           side,
                                                  double               hold_seconds,
                                                  GError             **error);
/* @outcome is FINISHED or STOPPED; @reason (may be NULL) says why, e.g. a
 * steady_stop_reason_to_string() code or "patient". */
gboolean       steady_journal_end_session        (SteadyJournal         *self,
                                                  gint64                 session_id,
                                                  SteadySessionOutcome   outcome,
                                                  const char            *reason,
                                                  GError               **error);
/* Marks every session still in progress as INTERRUPTED, ended at its last
 * progress. Call it once when the app starts; returns how many (or -1). */
int            steady_journal_close_interrupted  (SteadyJournal  *self,
                                                  GError        **error);
/* Keeps @checkin (its time 0 means now) and returns its id, 0 on error. */
gint64         steady_journal_add_checkin        (SteadyJournal        *self,
                                                  const SteadyCheckin  *checkin,
                                                  GError              **error);

/* Reading. Sessions whose start (check-ins whose time) lies in
 * [@since, @until), Unix seconds UTC: 0 and G_MAXINT64 for everything.
 * Oldest first. */
SteadySession *steady_journal_get_session        (SteadyJournal  *self,
                                                  gint64          session_id,
                                                  GError        **error);
/* A GPtrArray of SteadySession (freed with the array). */
GPtrArray     *steady_journal_list_sessions      (SteadyJournal  *self,
                                                  gint64          since,
                                                  gint64          until,
                                                  GError        **error);
/* A GArray of SteadyCheckin. */
GArray        *steady_journal_list_checkins      (SteadyJournal  *self,
                                                  gint64          since,
                                                  gint64          until,
                                                  GError        **error);
/* A GArray of @n_days SteadyJournalDay, one for each day from @first on,
 * days taken in @tz (NULL for local time): an 8-week calendar is 56 days. */
GArray        *steady_journal_get_days           (SteadyJournal  *self,
                                                  const GDate    *first,
                                                  guint           n_days,
                                                  GTimeZone      *tz,
                                                  GError        **error);
/* Days in a row with at least one session in which something was done,
 * ending at @today, or at the day before when nothing was done yet today.
 * Returns -1 on error. */
int            steady_journal_get_streak         (SteadyJournal  *self,
                                                  const GDate    *today,
                                                  GTimeZone      *tz,
                                                  GError        **error);
/* A GArray of SteadyJournalPoint: every answered value of @measure from
 * @since on, oldest first. */
GArray        *steady_journal_get_series         (SteadyJournal         *self,
                                                  SteadyJournalMeasure   measure,
                                                  gint64                 since,
                                                  GError               **error);

/* CSV export (docs/journal-csv.md): RFC 4180, UTF-8, CRLF. Local times are
 * given in @tz (NULL for local time). */
gboolean       steady_journal_export_csv         (SteadyJournal  *self,
                                                  GOutputStream  *stream,
                                                  GTimeZone      *tz,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
/* Writes the CSV to @file, replacing it only once it is complete. */
gboolean       steady_journal_export_csv_to_file (SteadyJournal  *self,
                                                  GFile          *file,
                                                  GTimeZone      *tz,
                                                  GCancellable   *cancellable,
                                                  GError        **error);

const char    *steady_session_outcome_to_string  (SteadySessionOutcome outcome);
const char    *steady_progress_kind_to_string    (SteadyProgressKind   kind);

G_END_DECLS

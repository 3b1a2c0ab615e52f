/* steady-journal-private.h: inside the journal, and for its tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "steady-journal.h"

G_BEGIN_DECLS

/* The connection, to set limits (PRAGMA max_page_count) in tests. */
sqlite3              *steady_journal_get_db              (SteadyJournal  *self);

/* Shared by steady-journal.c (opening, writing) and
 * steady-journal-history.c (reading). A cached statement, reset and
 * unbound; NULL with @error set when it cannot be prepared. */
sqlite3_stmt         *steady_journal_get_statement       (SteadyJournal  *self,
                                                          const char     *sql,
                                                          const char     *action,
                                                          GError        **error);
/* Sets "PATH: ACTION: REASON (SQLite's words)" for the result code @rc. */
void                  steady_journal_set_sqlite_error    (SteadyJournal  *self,
                                                          int             rc,
                                                          const char     *action,
                                                          GError        **error);
SteadySessionOutcome  steady_session_outcome_from_string (const char     *str);

/* Appends one CSV field (RFC 4180: quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled), preceded by a comma unless @line is empty. */
void     steady_csv_append_field (GString    *line,
                                  const char *field);

/* The header line of the export, without its CRLF. */
extern const char steady_journal_csv_header[];

G_END_DECLS

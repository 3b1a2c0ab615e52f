/* steady-journal-private.h: for tests and benchmarks only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "steady-journal.h"

G_BEGIN_DECLS

/* The connection, to set limits (PRAGMA max_page_count) in tests. */
sqlite3 *steady_journal_get_db (SteadyJournal *self);

/* Appends one CSV field (RFC 4180: quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled), preceded by a comma unless @line is empty. */
void     steady_csv_append_field (GString    *line,
                                  const char *field);

/* The header line of the export, without its CRLF. */
extern const char steady_journal_csv_header[];

G_END_DECLS

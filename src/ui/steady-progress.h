/* steady-progress.h: what the app's pages share about the patient's
 * progress — the journal, the stop rules, export and print
 *
 * Desktop only: in kiosk mode nothing of a visitor is kept, so every
 * function here answers "nothing" (no journal, actions disabled).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-checkin.h"
#include "steady-journal.h"
#include "steady-program.h"

G_BEGIN_DECLS

/* FALSE when @application runs as a kiosk: its boolean property "kiosk"
 * (if it has one) is TRUE. Also FALSE for a NULL application. */
gboolean          steady_progress_is_enabled      (GtkApplication       *application);

/* The patient's journal, opened once per application at the default path
 * (interrupted sessions are closed then), or NULL in kiosk mode or when it
 * cannot be opened (@error says why). Owned by @application. */
SteadyJournal    *steady_progress_get_journal     (GtkApplication       *application,
                                                   GError              **error);

/* Judges the check-in @after against @before (NULL when the check-in
 * before was skipped) with @program's stop rules; either may be NULL.
 * STEADY_STOP_NONE means go on. */
SteadyStopReason  steady_progress_check_stop      (SteadyProgram        *program,
                                                   const SteadyCheckin  *before,
                                                   const SteadyCheckin  *after);

/* Asks where to save the journal as CSV (GtkFileChooserNative) and writes
 * it; problems are shown in a dialog on @parent. */
void              steady_progress_export_journal  (GtkWindow            *parent,
                                                   SteadyJournal        *journal);

/* Prints the handout of @program through GtkPrintOperation (A4, the same
 * pages as steady-tool handout). */
void              steady_progress_print_handout   (GtkWindow            *parent,
                                                   SteadyProgram        *program);

/* The print operation behind steady_progress_print_handout(), set up (A4,
 * points, one page per handout page) but not run: run it with
 * GTK_PRINT_OPERATION_ACTION_EXPORT and an export file name to write the
 * printed pages to PDF without a dialog. */
GtkPrintOperation *steady_progress_new_print_operation (SteadyProgram *program);

G_END_DECLS

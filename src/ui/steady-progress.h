/* steady-progress.h: what the app's pages share about the patient's
 * progress — the journal, the stop rules, export and print
 *
 * Desktop only: in kiosk mode nothing of a visitor is kept, so every
 * function here answers "nothing" (no journal, actions disabled).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "steady-checkin.h"
#include "steady-journal.h"
#include "steady-program.h"

G_BEGIN_DECLS

/* FALSE when @application runs as a kiosk: its boolean property "kiosk"
 * (if it has one) is TRUE. Also FALSE for a NULL application. */
gboolean          steady_progress_is_enabled      (GtkApplication       *application);

/* How long the app's journal waits for another writer's lock. */
#define STEADY_PROGRESS_BUSY_TIMEOUT_MS 500

/* The patient's journal, opened once per application at the default path
 * (interrupted sessions are closed then; busy timeout
 * STEADY_PROGRESS_BUSY_TIMEOUT_MS), or NULL in kiosk mode or when it
 * cannot be opened (@error says why). Owned by @application. */
SteadyJournal    *steady_progress_get_journal     (GtkApplication       *application,
                                                   GError              **error);

/* Judges the check-in @after against @before (NULL when the check-in
 * before was skipped) with @program's stop rules; either may be NULL.
 * STEADY_STOP_NONE means go on. */
SteadyStopReason  steady_progress_check_stop      (SteadyProgram        *program,
                                                   const SteadyCheckin  *before,
                                                   const SteadyCheckin  *after);

/* A dialog on @parent saying @heading and the whole of @body (what could
 * not be done, where, why), with Close. */
void              steady_progress_show_problem    (GtkWindow            *parent,
                                                   const char           *heading,
                                                   const char           *body);

/* Asks where to save the journal as CSV (GtkFileChooserNative) and writes
 * it with steady_progress_export_journal_to_file(). */
void              steady_progress_export_journal  (GtkWindow            *parent,
                                                   SteadyJournal        *journal);

/* Writes @journal as CSV to @file (what the export dialog does with the
 * file chosen): the same bytes as `steady-tool export-journal`. A problem
 * is shown in a dialog on @parent (may be NULL) and returns FALSE. */
gboolean          steady_progress_export_journal_to_file (GtkWindow     *parent,
                                                          SteadyJournal *journal,
                                                          GFile         *file);

/* The patient's settings for each drill of @program, from @settings (the
 * app's GSettings): drill id -> SteadySessionSettings, as the coach would
 * start them (stored values brought into the drill's ranges). */
GHashTable       *steady_progress_load_settings   (GSettings            *settings,
                                                   SteadyProgram        *program);

/* Prints the handout of @program with the patient's settings through
 * GtkPrintOperation (A4, the same pages as steady-tool handout). */
void              steady_progress_print_handout   (GtkWindow            *parent,
                                                   SteadyProgram        *program);

/* What steady_progress_print_handout() runs: @action is the print dialog
 * there; GTK_PRINT_OPERATION_ACTION_EXPORT with @export_filename writes
 * the printed pages to a PDF without a dialog. The patient's settings are
 * read from GSettings (APP_ID). A failure is shown in a dialog on @parent. */
GtkPrintOperationResult steady_progress_run_print (GtkWindow               *parent,
                                                   SteadyProgram           *program,
                                                   GtkPrintOperationAction  action,
                                                   const char              *export_filename);

/* The print operation behind steady_progress_run_print(), set up (A4,
 * points, one page per handout page, @settings as for
 * steady_handout_render()) but not run. */
GtkPrintOperation *steady_progress_new_print_operation (SteadyProgram *program,
                                                        GHashTable    *settings);

G_END_DECLS

/* steady-progress.c: the journal, the stop rules, export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-coach-settings.h"
#include "steady-handout.h"
#include "steady-progress.h"

/* The journal lives as long as the application: kept on it rather than
 * in a global so that each application (one per test binary) has its own. */
#define JOURNAL_KEY "steady-progress-journal"

gboolean
steady_progress_is_enabled (GtkApplication *application)
{
  GParamSpec *pspec;
  gboolean kiosk = FALSE;

  if (application == NULL)
    return FALSE;
  g_return_val_if_fail (GTK_IS_APPLICATION (application), FALSE);

  /* The kiosk shell says so with a boolean property; without one, this is
   * the desktop app. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (application), "kiosk");
  if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
    g_object_get (application, "kiosk", &kiosk, NULL);

  return !kiosk;
}

SteadyJournal *
steady_progress_get_journal (GtkApplication  *application,
                             GError         **error)
{
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(GError) local_error = NULL;
  SteadyJournal *kept;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_progress_is_enabled (application))
    return NULL;

  kept = g_object_get_data (G_OBJECT (application), JOURNAL_KEY);
  if (kept != NULL)
    return kept;

  journal = steady_journal_open (NULL, STEADY_JOURNAL_OPEN_DEFAULT, error);
  if (journal == NULL)
    return NULL;
  /* Writes happen on the main thread, mid-drill: waiting seconds for a
   * lock would freeze the coach. Readers never hold one up (WAL); only
   * another writer does, and then this session is not kept, and said so. */
  steady_journal_set_busy_timeout (journal, STEADY_PROGRESS_BUSY_TIMEOUT_MS);
  /* Sessions left open by a crash or a kill read "interrupted" from now on. */
  if (steady_journal_close_interrupted (journal, &local_error) < 0)
    g_message ("%s", local_error->message);

  kept = journal;
  g_object_set_data_full (G_OBJECT (application), JOURNAL_KEY,
                          g_steal_pointer (&journal), g_object_unref);
  return kept;
}

SteadyStopReason
steady_progress_check_stop (SteadyProgram       *program,
                            const SteadyCheckin *before,
                            const SteadyCheckin *after)
{
  SteadyStopRules defaults;
  const SteadyStopRules *rules;

  g_return_val_if_fail (program == NULL || STEADY_IS_PROGRAM (program), STEADY_STOP_NONE);

  if (after == NULL)
    return STEADY_STOP_NONE;

  if (program != NULL)
    rules = steady_program_get_stop_rules (program);
  else
    {
      steady_stop_rules_init_default (&defaults);
      rules = &defaults;
    }

  return steady_stop_rules_check (rules, before, after);
}

void
steady_progress_show_problem (GtkWindow  *parent,
                              const char *heading,
                              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GtkWindow     *parent;
  SteadyJournal *journal;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->journal);
  g_free (data);
}

gboolean
steady_progress_export_journal_to_file (GtkWindow     *parent,
                                        SteadyJournal *journal,
                                        GFile         *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (STEADY_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The same writer as `steady-tool export-journal`: the file is replaced
   * only once the CSV is complete. */
  if (!steady_journal_export_csv_to_file (journal, file, NULL, NULL, &error))
    {
      g_message ("%s", error->message);
      steady_progress_show_problem (parent, _("The Journal Was Not Exported"), error->message);
      return FALSE;
    }

  return TRUE;
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      steady_progress_export_journal_to_file (data->parent, data->journal, file);
    }

  export_data_free (data);
  g_object_unref (native);
}

void
steady_progress_export_journal (GtkWindow     *parent,
                                SteadyJournal *journal)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  GtkFileChooserNative *native;
  ExportData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STEADY_IS_JOURNAL (journal));

  native = gtk_file_chooser_native_new (_("Export Journal"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* TRANSLATORS: the suggested file name; %s is the date, 2026-11-27 */
  name = g_strdup_printf (_("steady-journal-%s.csv"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  data = g_new0 (ExportData, 1);
  data->parent = g_object_ref (parent);
  data->journal = g_object_ref (journal);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

GHashTable *
steady_progress_load_settings (GSettings     *settings,
                               SteadyProgram *program)
{
  GHashTable *table;
  GListModel *drills;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (STEADY_IS_PROGRAM (program), NULL);

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) steady_session_settings_free);
  drills = steady_program_get_drills (program);
  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      SteadySessionSettings values;

      /* What the coach would start with: the stored values, brought into
       * the drill's ranges. */
      steady_coach_settings_load (settings, drill, &values);
      g_hash_table_insert (table, g_strdup (steady_drill_get_id (drill)),
                           steady_session_settings_copy (&values));
    }

  return table;
}

#define PROGRAM_KEY  "steady-program"
#define SETTINGS_KEY "steady-settings"

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  SteadyProgram *program = g_object_get_data (G_OBJECT (operation), PROGRAM_KEY);

  gtk_print_operation_set_n_pages (operation, steady_handout_get_n_pages (program));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  SteadyProgram *program = g_object_get_data (G_OBJECT (operation), PROGRAM_KEY);
  GHashTable *settings = g_object_get_data (G_OBJECT (operation), SETTINGS_KEY);

  steady_handout_render (gtk_print_context_get_cairo_context (context), page,
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context),
                         program, settings);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_message ("Printing the handout failed: %s",
                 error != NULL ? error->message : "no reason given");
      steady_progress_show_problem (parent, _("The Handout Was Not Printed"),
                                    error != NULL ? error->message : "");
    }
}

GtkPrintOperation *
steady_progress_new_print_operation (SteadyProgram *program,
                                     GHashTable    *settings)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;

  g_return_val_if_fail (STEADY_IS_PROGRAM (program), NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, steady_program_get_title (program));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The operation may outlive its caller (it runs asynchronously): it
   * keeps what its handlers draw. */
  g_object_set_data_full (G_OBJECT (operation), PROGRAM_KEY,
                          g_object_ref (program), g_object_unref);
  if (settings != NULL)
    g_object_set_data_full (G_OBJECT (operation), SETTINGS_KEY,
                            g_hash_table_ref (settings), (GDestroyNotify) g_hash_table_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);

  return operation;
}

GtkPrintOperationResult
steady_progress_run_print (GtkWindow               *parent,
                           SteadyProgram           *program,
                           GtkPrintOperationAction  action,
                           const char              *export_filename)
{
  g_autoptr(GSettings) gsettings = NULL;
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (STEADY_IS_PROGRAM (program), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  /* The patient's own numbers, as the coach would use them today. */
  gsettings = g_settings_new (APP_ID);
  settings = steady_progress_load_settings (gsettings, program);

  operation = steady_progress_new_print_operation (program, settings);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  /* Only the dialog waits for the user; an export is written at once. */
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), "steady-parent",
                            g_object_ref (parent), g_object_unref);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), parent);

  result = gtk_print_operation_run (operation, action, parent, &error);
  /* A failure is shown once, by the "done" handler. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_debug ("Printing the handout failed: %s", error != NULL ? error->message : "");

  return result;
}

void
steady_progress_print_handout (GtkWindow     *parent,
                               SteadyProgram *program)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STEADY_IS_PROGRAM (program));

  steady_progress_run_print (parent, program, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

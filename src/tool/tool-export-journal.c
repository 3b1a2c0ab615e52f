/* tool-export-journal.c: steady-tool export-journal [--journal FILE] -o FILE.csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "steady-journal.h"
#include "steady-tool.h"

static const SteadyToolCommand command = {
  "export-journal", "[--journal FILE] -o FILE.csv",
  N_("Export the journal as CSV (columns: docs/journal-csv.md)"),
  steady_tool_export_journal,
};

int
steady_tool_export_journal (int    argc,
                            char **argv)
{
  g_autofree char *journal_path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(SteadyJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path,
      N_("The journal to read (default: the user's own)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the CSV (- for standard output)"), N_("FILE.csv") },
    { NULL }
  };

  if (!steady_tool_parse_options (&command, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (output == NULL || argc > 1)
    {
      fprintf (stderr, "steady-tool %s: %s\n", command.name,
               output == NULL ? _("-o FILE.csv is required") : _("too many arguments"));
      fprintf (stderr, _("Usage: steady-tool %s %s"), command.name, command.args);
      fputc ('\n', stderr);
      return STEADY_TOOL_USAGE;
    }

  /* Only read: a missing or damaged journal is reported, never replaced. */
  journal = steady_journal_open (journal_path, STEADY_JOURNAL_OPEN_READ_ONLY, &error);
  if (journal == NULL)
    return steady_tool_fail ("%s", error->message);

  if (g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

      if (!steady_journal_export_csv (journal, out, NULL, NULL, &error))
        return steady_tool_fail ("%s", error->message);
      if (fwrite (g_memory_output_stream_get_data (memory), 1,
                  g_memory_output_stream_get_data_size (memory), stdout)
          != g_memory_output_stream_get_data_size (memory)
          || fflush (stdout) != 0)
        return steady_tool_fail (_("cannot write the CSV to standard output"));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!steady_journal_export_csv_to_file (journal, file, NULL, NULL, &error))
        return steady_tool_fail ("%s", error->message);
    }

  return STEADY_TOOL_OK;
}

/* tool-handout.c: steady-tool handout [--program FILE] -o FILE.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "steady-handout.h"
#include "steady-program.h"
#include "steady-tool.h"

static const SteadyToolCommand command = {
  "handout", "[--program FILE] -o FILE.pdf",
  N_("Write the printable home-program handout as PDF"),
  steady_tool_handout,
};

int
steady_tool_handout (int    argc,
                     char **argv)
{
  g_autofree char *program_path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path,
      N_("Program file (default: built-in)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the PDF"), N_("FILE.pdf") },
    { NULL }
  };

  if (!steady_tool_parse_options (&command, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (output == NULL || argc > 1)
    {
      fprintf (stderr, "steady-tool %s: %s\n", command.name,
               output == NULL ? _("-o FILE.pdf is required") : _("too many arguments"));
      fprintf (stderr, _("Usage: steady-tool %s %s"), command.name, command.args);
      fputc ('\n', stderr);
      return STEADY_TOOL_USAGE;
    }

  program = steady_tool_load_program (program_path);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;

  file = g_file_new_for_commandline_arg (output);
  if (!steady_handout_write_pdf (program, NULL, file, &error))
    return steady_tool_fail ("%s", error->message);

  return STEADY_TOOL_OK;
}

/* tool-validate.c: steady-tool validate FILE…
 *
 * Prints "FILE: ok" for a good file and the parser's "FILE:LINE:COL:
 * message" for a bad one; exits 1 if any file is bad. The parser stops at
 * the first error, so each bad file gives exactly one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "steady-program.h"
#include "steady-tool.h"

int
steady_tool_validate (int    argc,
                      char **argv)
{
  static const SteadyToolCommand self = { "validate", "FILE…", N_("Check program files: each problem of a bad one, with line and column"), NULL };
  int status = STEADY_TOOL_OK;

  if (!steady_tool_parse_options (&self, NULL, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc < 2)
    {
      fprintf (stderr, "%s\n", _("steady-tool validate: name at least one program file"));
      return STEADY_TOOL_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(SteadyProgram) program = NULL;
      g_autoptr(GError) error = NULL;

      program = steady_program_new_from_file (file, &error);
      if (program != NULL)
        printf ("%s: %s\n", argv[i], _("ok"));
      else
        {
          /* A line for each problem. The parser names the file by its
           * basename; the user typed a path, so print that instead. */
          g_autofree char *basename = g_file_get_basename (file);
          g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            {
              const char *line = lines[k];

              if (g_str_has_prefix (line, basename) && line[strlen (basename)] == ':')
                printf ("%s%s\n", argv[i], line + strlen (basename));
              else
                printf ("%s: %s\n", argv[i], line);
            }
          status = STEADY_TOOL_BAD_INPUT;
        }
    }

  return status;
}

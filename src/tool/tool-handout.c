/* tool-handout.c: steady-tool handout [--program FILE] [--settings]
 * [--set DRILL.WHAT=VALUE…] -o FILE.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

/* Shared with the app (GTK-free): the patient's numbers in GSettings. */
#include "steady-coach-settings.h"
#include "steady-handout.h"
#include "steady-program.h"
#include "steady-session-settings.h"
#include "steady-tool.h"

static const SteadyToolCommand command = {
  "handout", "[--program FILE] [--settings] [--set DRILL.WHAT=VALUE…] -o FILE.pdf",
  N_("Write the printable home-program handout as PDF"),
  steady_tool_handout,
};

/* Every drill's numbers: the drill's defaults, or with @from_gsettings the
 * patient's own (the app's GSettings, as Print… in the app uses them). */
static GHashTable *
load_numbers (SteadyProgram  *program,
              gboolean        from_gsettings,
              GError        **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) steady_session_settings_free);
  g_autoptr(GSettings) settings = NULL;
  GListModel *drills = steady_program_get_drills (program);

  if (from_gsettings)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("--settings: the settings schema %s is not installed"), APP_ID);
          return NULL;
        }
      settings = g_settings_new_full (schema, NULL, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      SteadySessionSettings values;

      if (settings != NULL)
        steady_coach_settings_load (settings, drill, &values);
      else
        steady_session_settings_init_from_drill (&values, drill);
      g_hash_table_insert (table, g_strdup (steady_drill_get_id (drill)),
                           steady_session_settings_copy (&values));
    }

  return g_steal_pointer (&table);
}

static gboolean
parse_seconds (const char *text,
               double     *out)
{
  char *end = NULL;

  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *out > 0;
}

/* Applies one "DRILL.WHAT=VALUE" (WHAT: reps, hold, sides, breath-in,
 * breath-out) to @table, checked against the drill's ranges. */
static gboolean
apply_setting (SteadyProgram  *program,
               GHashTable     *table,
               const char     *spec,
               GError        **error)
{
  g_autofree char *name = NULL;
  const char *equals = strchr (spec, '=');
  const char *value;
  const char *what;
  char *dot;
  SteadySessionSettings *settings;
  SteadySessionSettings changed;
  SteadyDrill *drill;
  g_autoptr(GError) local_error = NULL;

  if (equals == NULL || (dot = g_strrstr_len (spec, equals - spec, ".")) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--set %s: expected DRILL.WHAT=VALUE, e.g. clamshell.reps=12"), spec);
      return FALSE;
    }

  name = g_strndup (spec, dot - spec);
  what = dot + 1;
  value = equals + 1;
  g_assert (what <= equals);

  drill = steady_program_find_drill (program, name);
  settings = drill != NULL ? g_hash_table_lookup (table, name) : NULL;
  if (settings == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--set %s: the program has no drill “%s”"), spec, name);
      return FALSE;
    }

  changed = *settings;
#define IS(word) (equals - what == (int) strlen (word) && strncmp (what, word, equals - what) == 0)
  if (IS ("reps"))
    {
      char *end = NULL;
      guint64 reps = g_ascii_strtoull (value, &end, 10);

      if (end == value || *end != '\0' || reps > G_MAXUINT)
        goto bad_value;
      changed.reps = (guint) reps;
    }
  else if (IS ("hold") && steady_session_settings_drill_uses_hold (drill))
    {
      if (!parse_seconds (value, &changed.hold))
        goto bad_value;
    }
  else if (IS ("breath-in") && steady_session_settings_drill_uses_breath (drill))
    {
      if (!parse_seconds (value, &changed.breath_in))
        goto bad_value;
    }
  else if (IS ("breath-out") && steady_session_settings_drill_uses_breath (drill))
    {
      if (!parse_seconds (value, &changed.breath_out))
        goto bad_value;
    }
  else if (IS ("sides"))
    {
      if (!steady_side_from_string (value, &changed.sides))
        goto bad_value;
    }
  else
    {
      g_autofree char *key = g_strndup (what, equals - what);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--set %s: %s has no setting “%s”"), spec, name, key);
      return FALSE;
    }
#undef IS

  if (!steady_session_settings_validate (&changed, drill, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--set %s: %s", spec, local_error->message);
      return FALSE;
    }

  *settings = changed;
  return TRUE;

bad_value:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--set %s: “%s” is not a valid value"), spec, value);
  return FALSE;
}

int
steady_tool_handout (int    argc,
                     char **argv)
{
  g_autofree char *program_path = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) sets = NULL;
  gboolean from_gsettings = FALSE;
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path,
      N_("Program file (default: built-in)"), N_("FILE") },
    { "settings", 0, 0, G_OPTION_ARG_NONE, &from_gsettings,
      N_("Use the patient's numbers saved by Steady (GSettings) instead of the program's defaults"),
      NULL },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      N_("Set one number, e.g. clamshell.reps=12 (reps, hold, sides, breath-in, breath-out)"),
      N_("DRILL.WHAT=VALUE") },
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

  numbers = load_numbers (program, from_gsettings, &error);
  if (numbers == NULL)
    return steady_tool_fail ("%s", error->message);
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    if (!apply_setting (program, numbers, sets[i], &error))
      {
        fprintf (stderr, "steady-tool %s: %s\n", command.name, error->message);
        return STEADY_TOOL_USAGE;
      }

  file = g_file_new_for_commandline_arg (output);
  if (!steady_handout_write_pdf (program, numbers, file, &error))
    return steady_tool_fail ("%s", error->message);

  return STEADY_TOOL_OK;
}

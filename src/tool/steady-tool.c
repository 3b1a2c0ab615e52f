/* steady-tool.c: the headless companion for clinics, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "steady-program.h"
#include "steady-tool.h"

static const SteadyToolCommand commands[] = {
  { "validate", "FILE…", N_("Check program files: each problem of a bad one, with line and column"), steady_tool_validate },
  { "cards", "[--json] [--program FILE]", N_("List the lesson's cards"), steady_tool_cards },
  { "timeline", "DRILL [--json] [--reps N] [--hold S] [--side left|right|both] [--breath IN,OUT] [--program FILE]",
    N_("Print a drill's segments and cues with their times"), steady_tool_timeline },
  { "export-journal", "[--journal FILE] -o FILE.csv",
    N_("Export the journal as CSV (columns: docs/journal-csv.md)"), steady_tool_export_journal },
  { "render", "DRILL --at SECONDS [--side left|right] [--size WxH] [--view YAW,PITCH] [--frames N] [--style STYLE] -o FILE",
    N_("Draw a drill's figure at a moment of its loop to PNG or SVG"), steady_tool_render },
  { "render-card", "CARD_ID [--size WxH] [--style STYLE] -o FILE",
    N_("Draw a card's illustration to PNG or SVG"), steady_tool_render_card },
  { "pose", "DRILL --at SECONDS [--side left|right] --json",
    N_("Print a drill's 3-D joint positions in centimetres"), steady_tool_pose },
  { "audio", "DRILL -o FILE.wav [--mode tones|voice|silent] [--lang LANG] [--volume V] [--reps N] [--hold S] [--side left|right|both] [--breath IN,OUT] [--program FILE]",
    N_("Render a drill's sound cues to a WAV file"), steady_tool_audio },
  { "handout", "[--program FILE] -o FILE.pdf",
    N_("Write the printable home-program handout as PDF"), steady_tool_handout },
  { "kiosk-pin", "",
    N_("Read a staff PIN and print its hash for the kiosk settings"), steady_tool_kiosk_pin },
};

static const SteadyToolCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: steady-tool COMMAND [OPTION…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-16s %s\n      %s %s\n",
             commands[i].name, _(commands[i].summary),
             commands[i].name, commands[i].args);
}

gboolean
steady_tool_parse_options (const SteadyToolCommand   *command,
                           const GOptionEntry        *entries,
                           int                       *argc,
                           char                    ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = NULL;

  /* Usage then reads "steady-tool NAME [OPTION…] ARGS". */
  parameter = g_strdup_printf ("steady-tool %s", command->name);
  g_set_prgname (parameter);
  context = g_option_context_new (command->args);
  if (command->summary != NULL)
    g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "steady-tool %s: %s\n\n%s", command->name, error->message, help);
      return FALSE;
    }

  return TRUE;
}

int
steady_tool_fail (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "steady-tool: %s\n", message);
  return STEADY_TOOL_BAD_INPUT;
}

SteadyProgram *
steady_tool_load_program (const char *path)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      program = steady_program_new_from_file (file, &error);
    }
  else
    program = steady_program_new_builtin (&error);

  if (program == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return NULL;
    }

  return g_steal_pointer (&program);
}

int
main (int   argc,
      char *argv[])
{
  const SteadyToolCommand *command;

  setlocale (LC_ALL, "");
  /* STEADY_LOCALEDIR: the translations of an uninstalled build (build-aux/dev
   * and the tests point it at build/po). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STEADY_LOCALEDIR") != NULL ? g_getenv ("STEADY_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return STEADY_TOOL_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return STEADY_TOOL_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, _("steady-tool: unknown command “%s”"), argv[1]);
      fputs ("\n\n", stderr);
      print_usage (stderr);
      return STEADY_TOOL_USAGE;
    }

  return command->func (argc - 1, argv + 1);
}

gboolean
steady_tool_parse_size (const char *text,
                        int        *width,
                        int        *height)
{
  char *end = NULL;
  gint64 w, h;

  g_return_val_if_fail (text != NULL, FALSE);

  w = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X'))
    return FALSE;
  h = g_ascii_strtoll (end + 1, &end, 10);
  if (*end != '\0' || w < 16 || h < 16 || w > 8192 || h > 8192)
    return FALSE;

  *width = w;
  *height = h;
  return TRUE;
}

char *
steady_tool_temp_output (const char  *output,
                         GError     **error)
{
  g_autofree char *dir = NULL, *base = NULL;
  char *temp;
  mode_t mask;
  int fd;

  g_return_val_if_fail (output != NULL, NULL);

  dir = g_path_get_dirname (output);
  base = g_path_get_basename (output);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: cannot write there: %s"), output, g_strerror (saved));
      g_free (temp);
      return NULL;
    }
  /* The file gets the permissions a new file would, not mkstemp's 0600. */
  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  close (fd);

  return temp;
}

gboolean
steady_tool_commit_output (const char  *temp,
                           const char  *output,
                           gboolean     ok,
                           GError     **error)
{
  g_return_val_if_fail (temp != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (ok && g_rename (temp, output) == 0)
    return TRUE;
  if (ok)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: cannot write there: %s"), output, g_strerror (saved));
    }
  g_unlink (temp);

  return FALSE;
}

cairo_surface_t *
steady_tool_picture_new (const char  *output,
                         int          width,
                         int          height,
                         char       **temp)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (output != NULL, NULL);
  g_return_val_if_fail (temp != NULL, NULL);

  *temp = NULL;
  if (!g_str_has_suffix (output, ".svg"))
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  *temp = steady_tool_temp_output (output, &error);
  if (*temp == NULL)
    {
      steady_tool_fail ("%s", error->message);
      return NULL;
    }

  return cairo_svg_surface_create (*temp, width, height);
}

int
steady_tool_write_picture (cairo_surface_t *surface,
                           const char      *output,
                           char            *temp)
{
  g_autoptr(GError) error = NULL;
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, STEADY_TOOL_BAD_INPUT);
  g_return_val_if_fail (output != NULL, STEADY_TOOL_BAD_INPUT);

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_SVG)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  else
    {
      g_assert (temp == NULL);
      temp = steady_tool_temp_output (output, &error);
      if (temp == NULL)
        {
          cairo_surface_destroy (surface);
          return steady_tool_fail ("%s", error->message);
        }
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png (surface, temp);
    }
  cairo_surface_destroy (surface);

  if (!steady_tool_commit_output (temp, output, status == CAIRO_STATUS_SUCCESS, &error))
    {
      g_free (temp);
      if (error != NULL)
        return steady_tool_fail ("%s", error->message);
      return steady_tool_fail (_("%s: cannot write the picture"), output);
    }
  g_free (temp);

  return STEADY_TOOL_OK;
}

void
steady_tool_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

gboolean
steady_tool_parse_side (const char *text,
                        SteadySide *side)
{
  SteadySide parsed;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (side != NULL, FALSE);

  if (!steady_side_from_string (text, &parsed) || parsed == STEADY_SIDE_BOTH)
    {
      steady_tool_fail (_("--side “%s” is neither left nor right"), text);
      return FALSE;
    }
  *side = parsed;
  return TRUE;
}

gboolean
steady_tool_parse_double (const char *text,
                          double     *value)
{
  char *end = NULL;
  double parsed;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (parsed))
    return FALSE;

  *value = parsed;
  return TRUE;
}

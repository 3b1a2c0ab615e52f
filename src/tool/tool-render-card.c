/* tool-render-card.c: steady-tool render-card CARD_ID [--size WxH] -o out.png|out.svg
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <cairo.h>
#include <glib/gi18n.h>

#include "steady-illustration.h"
#include "steady-program.h"
#include "steady-tool.h"

static const SteadyToolCommand command = {
  "render-card", "CARD_ID [--size WxH] [--at SECONDS] [--style light|dark|high-contrast] -o FILE", NULL, NULL
};

int
steady_tool_render_card (int    argc,
                         char **argv)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autofree char *program_path = NULL, *size = NULL, *style_name = NULL, *output = NULL;
  g_autofree char *at_text = NULL;
  double at = 0.0;
  int width = 800, height = 600;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Picture size (800x600)"), N_("WxH") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Time in the illustration's gentle motion"), N_("SECONDS") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("Colours"), "light|dark|high-contrast" },
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path, N_("Program file (default: built-in)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.png or .svg)"), N_("FILE") },
    { NULL }
  };
  SteadyPainterStyle style;
  SteadyPainterTheme theme = STEADY_PAINTER_THEME_LIGHT;
  SteadyCard *card;
  const char *illustration;
  cairo_surface_t *surface;
  char *temp = NULL;
  cairo_t *cr;
  gboolean svg;

  if (!steady_tool_parse_options (&command, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, "%s\n", _("Usage: steady-tool render-card CARD_ID [OPTION…] -o FILE"));
      return STEADY_TOOL_USAGE;
    }
  if (at_text != NULL && !steady_tool_parse_double (at_text, &at))
    return steady_tool_fail (_("--at “%s” is not a time in seconds"), at_text);
  if (size != NULL && !steady_tool_parse_size (size, &width, &height))
    return steady_tool_fail (_("--size “%s” is not WIDTHxHEIGHT (16–8192 each)"), size);
  if (style_name != NULL && !steady_painter_theme_from_string (style_name, &theme))
    return steady_tool_fail (_("--style “%s” is not light, dark or high-contrast"), style_name);
  svg = g_str_has_suffix (output, ".svg");
  if (!svg && !g_str_has_suffix (output, ".png"))
    return steady_tool_fail (_("%s: the output must end in .png or .svg"), output);

  program = steady_tool_load_program (program_path);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;
  card = steady_program_find_card (program, argv[1]);
  if (card == NULL)
    return steady_tool_fail (_("%s: no card “%s”"), steady_program_get_source_name (program), argv[1]);
  illustration = steady_card_get_illustration (card);
  if (!steady_illustration_is_known (illustration))
    return steady_tool_fail (_("%s: card “%s” names an unknown illustration “%s”"),
                             steady_program_get_source_name (program), argv[1], illustration);

  steady_painter_style_init (&style, theme);
  surface = steady_tool_picture_new (output, width, height, &temp);
  if (surface == NULL)
    return STEADY_TOOL_BAD_INPUT;
  cr = cairo_create (surface);
  steady_illustration_paint (cr, illustration, at, width, height, &style);
  cairo_destroy (cr);

  return steady_tool_write_picture (surface, output, temp);
}

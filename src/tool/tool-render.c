/* tool-render.c: steady-tool render DRILL --at SECONDS … -o out.png|out.svg
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <cairo.h>
#include <glib/gi18n.h>

#include "steady-motion.h"
#include "steady-painter.h"
#include "steady-program.h"
#include "steady-tool.h"

static const SteadyToolCommand command = {
  "render", "DRILL --at SECONDS [--side left|right] [--size WxH] [--view YAW,PITCH] [--frames N] [--style light|dark|high-contrast] -o FILE", NULL, NULL
};

static gboolean
parse_view (const char *text,
            double     *yaw,
            double     *pitch)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  if (g_strv_length (parts) != 2)
    return FALSE;
  return steady_tool_parse_double (parts[0], yaw) && steady_tool_parse_double (parts[1], pitch);
}

int
steady_tool_render (int    argc,
                    char **argv)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autofree char *program_path = NULL, *side_name = NULL, *size = NULL, *view = NULL;
  g_autofree char *style_name = NULL, *output = NULL, *at_text = NULL;
  double at = 0.0, yaw = 0, pitch = 0;
  int frames = 1, width = 800, height = 600;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Time in the drill's demo loop"), N_("SECONDS") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &side_name, N_("Working side"), "left|right" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Picture size (800x600)"), N_("WxH") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("Camera yaw and pitch in degrees"), N_("YAW,PITCH") },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, N_("Render N successive frames at 60 per second"), "N" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("Colours"), "light|dark|high-contrast" },
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path, N_("Program file (default: built-in)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.png or .svg)"), N_("FILE") },
    { NULL }
  };
  SteadyDrill *drill;
  SteadyMotionParams params;
  SteadyPainterStyle style;
  SteadyPainterTheme theme = STEADY_PAINTER_THEME_LIGHT;
  SteadySide side = STEADY_SIDE_NONE;
  SteadyCamera camera;
  cairo_surface_t *surface;
  char *temp = NULL;
  cairo_t *cr;
  gboolean svg;
  const char *motion;

  if (!steady_tool_parse_options (&command, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc != 2 || output == NULL || at_text == NULL)
    {
      if (argc == 2 && output != NULL)
        fprintf (stderr, "%s\n", _("steady-tool render: --at SECONDS is missing"));
      fprintf (stderr, "%s\n", _("Usage: steady-tool render DRILL --at SECONDS [OPTION…] -o FILE"));
      return STEADY_TOOL_USAGE;
    }
  if (!steady_tool_parse_double (at_text, &at))
    return steady_tool_fail (_("--at “%s” is not a time in seconds"), at_text);
  if (frames < 1 || frames > 100000)
    return steady_tool_fail (_("--frames %d is not a number of frames from 1 to 100000"), frames);
  if (size != NULL && !steady_tool_parse_size (size, &width, &height))
    return steady_tool_fail (_("--size “%s” is not WIDTHxHEIGHT (16–8192 each)"), size);
  if (view != NULL && !parse_view (view, &yaw, &pitch))
    return steady_tool_fail (_("--view “%s” is not YAW,PITCH in degrees"), view);
  if (side_name != NULL && !steady_tool_parse_side (side_name, &side))
    return STEADY_TOOL_BAD_INPUT;
  if (style_name != NULL && !steady_painter_theme_from_string (style_name, &theme))
    return steady_tool_fail (_("--style “%s” is not light, dark or high-contrast"), style_name);
  svg = g_str_has_suffix (output, ".svg");
  if (!svg && !g_str_has_suffix (output, ".png"))
    return steady_tool_fail (_("%s: the output must end in .png or .svg"), output);

  program = steady_tool_load_program (program_path);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;
  drill = steady_program_find_drill (program, argv[1]);
  if (drill == NULL)
    return steady_tool_fail (_("%s: no drill “%s”"), steady_program_get_source_name (program), argv[1]);
  motion = steady_drill_get_motion (drill);
  steady_motion_params_init_from_drill (&params, drill);
  steady_painter_style_init (&style, theme);
  steady_camera_init_for_motion (&camera, motion);
  if (view != NULL)
    steady_camera_set_orbit (&camera, yaw, pitch);

  surface = steady_tool_picture_new (output, width, height, &temp);
  if (surface == NULL)
    return STEADY_TOOL_BAD_INPUT;
  cr = cairo_create (surface);

  /* A vector file keeps only the last frame (the others would lie
   * underneath it). */
  for (int i = svg ? frames - 1 : 0; i < frames; i++)
    {
      SteadyMotionState state;
      SteadyPose pose;

      steady_motion_demo_state (motion, at + i / 60.0, &state);
      if (side != STEADY_SIDE_NONE)
        state.side = side;
      steady_motion_pose (motion, &state, &params, &pose);
      steady_painter_paint (cr, &pose, &camera, width, height, &style);
    }

  cairo_destroy (cr);
  return steady_tool_write_picture (surface, output, temp);
}

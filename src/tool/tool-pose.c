/* tool-pose.c: steady-tool pose DRILL --at SECONDS [--side left|right] --json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "steady-motion.h"
#include "steady-program.h"
#include "steady-tool.h"

static const SteadyToolCommand command = {
  "pose", "DRILL --at SECONDS [--side left|right] [--amount A] [--angle RADIANS] --json", NULL, NULL
};

int
steady_tool_pose (int    argc,
                  char **argv)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *program_path = NULL, *side_name = NULL;
  g_autofree char *at_text = NULL, *amount_text = NULL, *angle_text = NULL;
  double at = 0.0, amount = 0.0, angle = 0.0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Time in the drill's demo loop"), N_("SECONDS") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &side_name, N_("Working side"), "left|right" },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("Override the movement's amount (0–1)"), "A" },
    { "angle", 0, 0, G_OPTION_ARG_STRING, &angle_text, N_("Override the knee circle's angle"), N_("RADIANS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (the only format)"), NULL },
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path, N_("Program file (default: built-in)"), N_("FILE") },
    { NULL }
  };
  SteadyDrill *drill;
  SteadyMotionParams params;
  SteadyMotionState state;
  SteadySide side = STEADY_SIDE_NONE;
  SteadyPose pose;
  const char *motion;

  if (!steady_tool_parse_options (&command, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc != 2 || !json || at_text == NULL)
    {
      if (argc == 2 && json)
        fprintf (stderr, "%s\n", _("steady-tool pose: --at SECONDS is missing"));
      fprintf (stderr, "%s\n", _("Usage: steady-tool pose DRILL --at SECONDS [--side left|right] --json"));
      return STEADY_TOOL_USAGE;
    }
  if (side_name != NULL && !steady_tool_parse_side (side_name, &side))
    return STEADY_TOOL_BAD_INPUT;
  if (!steady_tool_parse_double (at_text, &at))
    return steady_tool_fail (_("--at “%s” is not a time in seconds"), at_text);
  if (amount_text != NULL
      && (!steady_tool_parse_double (amount_text, &amount) || amount < 0.0 || amount > 1.0))
    return steady_tool_fail (_("--amount “%s” is not a number from 0 to 1"), amount_text);
  if (angle_text != NULL && !steady_tool_parse_double (angle_text, &angle))
    return steady_tool_fail (_("--angle “%s” is not an angle in radians"), angle_text);

  program = steady_tool_load_program (program_path);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;
  drill = steady_program_find_drill (program, argv[1]);
  if (drill == NULL)
    return steady_tool_fail (_("%s: no drill “%s”"), steady_program_get_source_name (program), argv[1]);

  motion = steady_drill_get_motion (drill);
  steady_motion_params_init_from_drill (&params, drill);
  steady_motion_demo_state (motion, at, &state);
  if (side != STEADY_SIDE_NONE)
    state.side = side;
  if (amount_text != NULL)
    state.amount = amount;
  if (angle_text != NULL)
    state.angle = angle;
  steady_motion_pose (motion, &state, &params, &pose);
  steady_pose_to_json (&pose, out);
  fputs (out->str, stdout);

  return STEADY_TOOL_OK;
}

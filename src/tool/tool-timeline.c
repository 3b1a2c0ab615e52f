/* tool-timeline.c: steady-tool timeline DRILL [--json] [--reps N] [--hold S]
 *                  [--side left|right|both] [--breath IN,OUT] [--program FILE]
 *
 * Prints a drill's session timeline, every segment and every cue, as text
 * or as the JSON described in docs/timeline-json.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steady-program.h"
#include "steady-timeline.h"
#include "steady-tool.h"

#define ARGS "DRILL [--json] [--reps N] [--hold S] [--side left|right|both] [--breath IN,OUT] [--program FILE]"

static const char *
cue_kind_name (SteadyCueKind kind)
{
  switch (kind)
    {
    case STEADY_CUE_TICK: return "tick";
    case STEADY_CUE_COUNTDOWN: return "countdown";
    case STEADY_CUE_RELEASE: return "release";
    case STEADY_CUE_BREATH_IN: return "breath-in";
    case STEADY_CUE_BREATH_OUT: return "breath-out";
    case STEADY_CUE_SWITCH_SIDES: return "switch-sides";
    case STEADY_CUE_DONE: return "done";
    case STEADY_CUE_PROMPT: return "prompt";
    default: return "unknown";
    }
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_member_double (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_member_int (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_settings (JsonBuilder                 *builder,
              SteadyDrill                 *drill,
              const SteadySessionSettings *settings)
{
  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  add_member_int (builder, "reps", settings->reps);
  json_builder_set_member_name (builder, "hold");
  if (steady_session_settings_drill_uses_hold (drill))
    json_builder_add_double_value (builder, settings->hold);
  else
    json_builder_add_null_value (builder);
  add_member_string (builder, "sides", steady_side_to_string (settings->sides));
  json_builder_set_member_name (builder, "breath");
  if (steady_session_settings_drill_uses_breath (drill))
    {
      json_builder_begin_object (builder);
      add_member_double (builder, "in", settings->breath_in);
      add_member_double (builder, "out", settings->breath_out);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_json (SteadyTimeline *timeline)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  SteadyDrill *drill = steady_timeline_get_drill (timeline);
  const SteadySegment *segments;
  const SteadyCue *cues;
  guint n_segments, n_cues;

  segments = steady_timeline_get_segments (timeline, &n_segments);
  cues = steady_timeline_get_cues (timeline, &n_cues);

  json_builder_begin_object (builder);
  add_member_string (builder, "drill", steady_drill_get_id (drill));
  add_member_string (builder, "motion", steady_drill_get_motion (drill));
  add_member_string (builder, "title", steady_drill_get_title (drill));
  add_member_double (builder, "total", steady_timeline_get_total (timeline));
  add_settings (builder, drill, steady_timeline_get_settings (timeline));

  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_segments; i++)
    {
      const SteadySegment *segment = &segments[i];

      json_builder_begin_object (builder);
      add_member_double (builder, "start", segment->start);
      add_member_double (builder, "duration", segment->duration);
      add_member_string (builder, "phase", steady_phase_get_name (segment->phase));
      add_member_string (builder, "side", steady_side_to_string (segment->side));
      add_member_int (builder, "rep", segment->rep);
      add_member_int (builder, "reps", segment->reps);
      add_member_int (builder, "direction", segment->direction);
      json_builder_set_member_name (builder, "rep_start");
      json_builder_add_boolean_value (builder, segment->rep_start);
      add_member_string (builder, "label", segment->label);
      add_member_string (builder, "counter", segment->counter);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_cues; i++)
    {
      const SteadyCue *cue = &cues[i];

      json_builder_begin_object (builder);
      add_member_double (builder, "time", cue->time);
      add_member_double (builder, "duration", cue->duration);
      add_member_string (builder, "kind", cue_kind_name (cue->kind));
      add_member_int (builder, "number", cue->number);
      add_member_string (builder, "speech", cue->speech);
      add_member_string (builder, "caption", cue->caption);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  steady_tool_print_json (builder);
}

static void
print_text (SteadyTimeline *timeline)
{
  SteadyDrill *drill = steady_timeline_get_drill (timeline);
  const SteadySessionSettings *settings = steady_timeline_get_settings (timeline);
  const SteadySegment *segments;
  const SteadyCue *cues;
  guint n_segments, n_cues;

  segments = steady_timeline_get_segments (timeline, &n_segments);
  cues = steady_timeline_get_cues (timeline, &n_cues);

  printf ("%s: %s %.3f s, %s %u", steady_drill_get_id (drill),
          _("total"), steady_timeline_get_total (timeline), _("reps"), settings->reps);
  if (steady_session_settings_drill_uses_hold (drill))
    printf (", %s %g s", _("hold"), settings->hold);
  printf (", %s %s", _("sides"), steady_side_to_string (settings->sides));
  if (steady_session_settings_drill_uses_breath (drill))
    printf (", %s %g,%g s", _("breath"), settings->breath_in, settings->breath_out);
  printf ("\n\n%s\n", _("Segments (start, duration, phase, side, rep):"));

  for (guint i = 0; i < n_segments; i++)
    {
      const SteadySegment *segment = &segments[i];
      g_autofree char *rep = NULL;
      g_autofree char *line = NULL;

      if (segment->rep > 0)
        rep = g_strdup_printf ("%u/%u", segment->rep, segment->reps);
      line = g_strdup_printf ("%9.3f %8.3f  %-12s %-5s %s%s",
                              segment->start, segment->duration,
                              steady_phase_get_name (segment->phase),
                              steady_side_to_string (segment->side),
                              rep ? rep : "",
                              segment->direction > 0 ? " cw" : segment->direction < 0 ? " ccw" : "");
      printf ("%s\n", g_strchomp (line));
    }

  printf ("\n%s\n", _("Cues (time, duration, kind, number, caption, speech):"));
  for (guint i = 0; i < n_cues; i++)
    {
      const SteadyCue *cue = &cues[i];

      printf ("%9.3f %8.3f  %-12s %2d  %s", cue->time, cue->duration,
              cue_kind_name (cue->kind), cue->number, cue->caption);
      if (cue->speech != NULL)
        printf ("  [%s]", cue->speech);
      printf ("\n");
    }
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "steady-tool timeline: %s\n", message);
  return STEADY_TOOL_USAGE;
}

/* Turns the command line into settings on top of the drill's defaults.
 * Returns STEADY_TOOL_OK or STEADY_TOOL_USAGE. */
static int
apply_options (SteadySessionSettings *settings,
               const char            *reps,
               const char            *hold,
               const char            *side,
               const char            *breath)
{
  double value;

  if (reps != NULL)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (reps, 10, 0, G_MAXUINT, &n, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("--reps needs a whole number, not “%s”"), reps);
          return usage_error (message);
        }
      settings->reps = (guint) n;
    }

  if (hold != NULL)
    {
      if (!parse_number (hold, &value))
        {
          g_autofree char *message = g_strdup_printf (_("--hold needs seconds, not “%s”"), hold);
          return usage_error (message);
        }
      settings->hold = value;
    }

  if (side != NULL && !steady_side_from_string (side, &settings->sides))
    {
      g_autofree char *message = g_strdup_printf (_("--side needs left, right or both, not “%s”"), side);
      return usage_error (message);
    }

  if (breath != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (breath, ",", -1);
      double in, out;

      if (g_strv_length (parts) != 2 || !parse_number (parts[0], &in) || !parse_number (parts[1], &out))
        {
          g_autofree char *message = g_strdup_printf (_("--breath needs IN,OUT seconds (e.g. 4,6), not “%s”"), breath);
          return usage_error (message);
        }
      settings->breath_in = in;
      settings->breath_out = out;
    }

  return STEADY_TOOL_OK;
}

int
steady_tool_timeline (int    argc,
                      char **argv)
{
  static const SteadyToolCommand self = { "timeline", ARGS, N_("Print a drill's segments and cues with their times"), NULL };
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(SteadyTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program_path = NULL;
  g_autofree char *reps = NULL;
  g_autofree char *hold = NULL;
  g_autofree char *side = NULL;
  g_autofree char *breath = NULL;
  SteadySessionSettings settings;
  SteadyDrill *drill;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (see docs/timeline-json.md)"), NULL },
    { "reps", 0, 0, G_OPTION_ARG_STRING, &reps, N_("Reps per side (knee circles: circles per direction)"), N_("N") },
    { "hold", 0, 0, G_OPTION_ARG_STRING, &hold, N_("Seconds per hold"), N_("S") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &side, N_("Which side works: left, right or both"), N_("SIDE") },
    { "breath", 0, 0, G_OPTION_ARG_STRING, &breath, N_("Paced breathing: seconds in and out"), N_("IN,OUT") },
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path, N_("Use this program file instead of the built-in one"), N_("FILE") },
    { NULL }
  };

  if (!steady_tool_parse_options (&self, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc < 2)
    return usage_error (_("name a drill, e.g. “steady-tool timeline clamshell”"));
  if (argc > 2)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[2]);
      return usage_error (message);
    }

  program = steady_tool_load_program (program_path);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;

  drill = steady_program_find_drill (program, argv[1]);
  if (drill == NULL)
    {
      GListModel *drills = steady_program_get_drills (program);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
        {
          g_autoptr(SteadyDrill) d = g_list_model_get_item (drills, i);

          g_string_append_printf (names, "%s%s", i ? ", " : "", steady_drill_get_id (d));
        }

      return steady_tool_fail (_("%s has no drill “%s” (it has: %s)"),
                               steady_program_get_source_name (program), argv[1], names->str);
    }

  steady_session_settings_init_from_drill (&settings, drill);
  status = apply_options (&settings, reps, hold, side, breath);
  if (status != STEADY_TOOL_OK)
    return status;

  timeline = steady_timeline_new (drill, &settings, &error);
  if (timeline == NULL)
    return steady_tool_fail ("%s", error->message);

  if (json)
    print_json (timeline);
  else
    print_text (timeline);

  return STEADY_TOOL_OK;
}

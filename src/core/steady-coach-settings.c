/* steady-coach-settings.c: a drill's settings kept in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "steady-coach-settings.h"

typedef struct {
  const char *motion;
  const char *reps;
  const char *hold;
  const char *sides;
  const char *breath_in;
  const char *breath_out;
} MotionKeys;

static const MotionKeys motion_keys[] = {
  { "clamshell", "clamshell-reps", "clamshell-hold", "clamshell-sides", NULL, NULL },
  { "quadruped-knee-circles", "knee-circles-count", NULL, "knee-circles-sides", NULL, NULL },
  { "supine-knee-rotation", "rotation-reps", "rotation-hold", "rotation-sides",
    "rotation-breath-in", "rotation-breath-out" },
};

static const MotionKeys *
find_keys (SteadyDrill *drill)
{
  const char *motion = steady_drill_get_motion (drill);

  for (guint i = 0; i < G_N_ELEMENTS (motion_keys); i++)
    if (g_strcmp0 (motion_keys[i].motion, motion) == 0)
      return &motion_keys[i];

  return NULL;
}

const char *
steady_coach_settings_get_key (SteadyDrill *drill,
                               const char  *what)
{
  const MotionKeys *keys;

  g_return_val_if_fail (STEADY_IS_DRILL (drill), NULL);
  g_return_val_if_fail (what != NULL, NULL);

  keys = find_keys (drill);
  if (keys == NULL)
    return NULL;

  if (g_str_equal (what, "reps"))
    return keys->reps;
  if (g_str_equal (what, "hold"))
    return keys->hold;
  if (g_str_equal (what, "sides"))
    return keys->sides;
  if (g_str_equal (what, "breath-in"))
    return keys->breath_in;
  if (g_str_equal (what, "breath-out"))
    return keys->breath_out;

  g_return_val_if_reached (NULL);
}

void
steady_coach_settings_load (GSettings             *settings,
                            SteadyDrill           *drill,
                            SteadySessionSettings *out)
{
  const MotionKeys *keys;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (STEADY_IS_DRILL (drill));
  g_return_if_fail (out != NULL);

  steady_session_settings_init_from_drill (out, drill);

  keys = find_keys (drill);
  if (keys != NULL)
    {
      out->reps = g_settings_get_uint (settings, keys->reps);
      out->sides = g_settings_get_enum (settings, keys->sides);
      if (keys->hold != NULL && steady_session_settings_drill_uses_hold (drill))
        out->hold = g_settings_get_double (settings, keys->hold);
      if (keys->breath_in != NULL && steady_session_settings_drill_uses_breath (drill))
        {
          out->breath_in = g_settings_get_double (settings, keys->breath_in);
          out->breath_out = g_settings_get_double (settings, keys->breath_out);
        }
    }

  steady_session_settings_clamp (out, drill);
}

void
steady_coach_settings_save (GSettings                   *settings,
                            SteadyDrill                 *drill,
                            const SteadySessionSettings *values)
{
  const MotionKeys *keys;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (STEADY_IS_DRILL (drill));
  g_return_if_fail (values != NULL);

  keys = find_keys (drill);
  if (keys == NULL)
    return;

  g_settings_delay (settings);
  g_settings_set_uint (settings, keys->reps, values->reps);
  g_settings_set_enum (settings, keys->sides, values->sides);
  if (keys->hold != NULL && values->hold > 0)
    g_settings_set_double (settings, keys->hold, values->hold);
  if (keys->breath_in != NULL && values->breath_in > 0 && values->breath_out > 0)
    {
      g_settings_set_double (settings, keys->breath_in, values->breath_in);
      g_settings_set_double (settings, keys->breath_out, values->breath_out);
    }
  g_settings_apply (settings);
}

SteadyCueSoundMode
steady_coach_settings_get_sound_mode (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), STEADY_CUE_SOUND_SILENT);

  return (SteadyCueSoundMode) g_settings_get_enum (settings, "sound-mode");
}

double
steady_coach_settings_get_volume (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), 0.0);

  return g_settings_get_double (settings, "volume");
}

gboolean
steady_coach_settings_is_drill_key (SteadyDrill *drill,
                                    const char  *key)
{
  static const char * const whats[] = { "reps", "hold", "sides", "breath-in", "breath-out" };

  g_return_val_if_fail (STEADY_IS_DRILL (drill), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
    if (g_strcmp0 (steady_coach_settings_get_key (drill, whats[i]), key) == 0)
      return TRUE;

  return FALSE;
}

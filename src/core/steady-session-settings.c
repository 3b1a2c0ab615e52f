/* steady-session-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "steady-session-settings.h"

G_DEFINE_BOXED_TYPE (SteadySessionSettings, steady_session_settings,
                     steady_session_settings_copy, steady_session_settings_free)
G_DEFINE_QUARK (steady-session-settings-error-quark, steady_session_settings_error)

SteadySessionSettings *
steady_session_settings_copy (const SteadySessionSettings *settings)
{
  g_return_val_if_fail (settings != NULL, NULL);

  return g_memdup2 (settings, sizeof *settings);
}

void
steady_session_settings_free (SteadySessionSettings *settings)
{
  g_free (settings);
}

static gboolean
motion_is (SteadyDrill *drill,
           const char  *motion)
{
  return g_strcmp0 (steady_drill_get_motion (drill), motion) == 0;
}

gboolean
steady_session_settings_drill_uses_hold (SteadyDrill *drill)
{
  g_return_val_if_fail (STEADY_IS_DRILL (drill), FALSE);

  return motion_is (drill, "clamshell") || motion_is (drill, "supine-knee-rotation");
}

gboolean
steady_session_settings_drill_uses_breath (SteadyDrill *drill)
{
  g_return_val_if_fail (STEADY_IS_DRILL (drill), FALSE);

  return motion_is (drill, "supine-knee-rotation");
}

void
steady_session_settings_init_from_drill (SteadySessionSettings *settings,
                                         SteadyDrill           *drill)
{
  double in = 0, out = 0;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (STEADY_IS_DRILL (drill));

  memset (settings, 0, sizeof *settings);
  settings->reps = (guint) steady_drill_get_reps (drill)->value;
  settings->sides = steady_drill_get_sides (drill);

  if (steady_session_settings_drill_uses_hold (drill) &&
      steady_drill_get_hold (drill)->present)
    settings->hold = steady_drill_get_hold (drill)->value;

  if (steady_session_settings_drill_uses_breath (drill) &&
      steady_drill_get_breath (drill, &in, &out))
    {
      settings->breath_in = in;
      settings->breath_out = out;
    }
}

static gboolean
in_range (double value,
          double min,
          double max)
{
  return isfinite (value) && value >= min && value <= max;
}

static gboolean
sides_allowed (SteadySide chosen,
               SteadySide allowed)
{
  return (chosen == STEADY_SIDE_LEFT || chosen == STEADY_SIDE_RIGHT || chosen == STEADY_SIDE_BOTH) &&
         (chosen & ~allowed) == 0;
}

gboolean
steady_session_settings_validate (const SteadySessionSettings  *settings,
                                  SteadyDrill                  *drill,
                                  GError                      **error)
{
  const char *id;
  const SteadyRange *reps, *hold;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_DRILL (drill), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = steady_drill_get_id (drill);
  reps = steady_drill_get_reps (drill);
  hold = steady_drill_get_hold (drill);

  if (!motion_is (drill, "clamshell") &&
      !motion_is (drill, "quadruped-knee-circles") &&
      !motion_is (drill, "supine-knee-rotation"))
    {
      g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                   STEADY_SESSION_SETTINGS_ERROR_UNKNOWN_MOTION,
                   _("%s: the timeline does not know the motion “%s”"),
                   id, steady_drill_get_motion (drill));
      return FALSE;
    }

  if (!in_range (settings->reps, reps->min, reps->max))
    {
      g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                   STEADY_SESSION_SETTINGS_ERROR_OUT_OF_RANGE,
                   _("reps %u is out of range for %s (%g to %g)"),
                   settings->reps, id, reps->min, reps->max);
      return FALSE;
    }

  if (steady_session_settings_drill_uses_hold (drill))
    {
      if (!in_range (settings->hold, hold->min, hold->max))
        {
          g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                       STEADY_SESSION_SETTINGS_ERROR_OUT_OF_RANGE,
                       _("hold %g s is out of range for %s (%g to %g)"),
                       settings->hold, id, hold->min, hold->max);
          return FALSE;
        }
    }
  else if (settings->hold != 0)
    {
      g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                   STEADY_SESSION_SETTINGS_ERROR_NOT_ALLOWED,
                   _("%s has no hold (hold %g s was asked for)"), id, settings->hold);
      return FALSE;
    }

  if (!sides_allowed (settings->sides, steady_drill_get_sides (drill)))
    {
      g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                   STEADY_SESSION_SETTINGS_ERROR_NOT_ALLOWED,
                   _("side %s is not allowed for %s (it works %s)"),
                   steady_side_to_string (settings->sides), id,
                   steady_side_to_string (steady_drill_get_sides (drill)));
      return FALSE;
    }

  if (steady_session_settings_drill_uses_breath (drill))
    {
      if (!in_range (settings->breath_in, STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS) ||
          !in_range (settings->breath_out, STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS))
        {
          g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                       STEADY_SESSION_SETTINGS_ERROR_OUT_OF_RANGE,
                       _("breath %g,%g s is out of range for %s (%g to %g s each)"),
                       settings->breath_in, settings->breath_out, id,
                       STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS);
          return FALSE;
        }
    }
  else if (settings->breath_in != 0 || settings->breath_out != 0)
    {
      g_set_error (error, STEADY_SESSION_SETTINGS_ERROR,
                   STEADY_SESSION_SETTINGS_ERROR_NOT_ALLOWED,
                   _("%s has no paced breathing (breath %g,%g s was asked for)"),
                   id, settings->breath_in, settings->breath_out);
      return FALSE;
    }

  return TRUE;
}

static double
clamp_finite (double value,
              double min,
              double max,
              double fallback)
{
  if (!isfinite (value))
    return fallback;

  return CLAMP (value, min, max);
}

void
steady_session_settings_clamp (SteadySessionSettings *settings,
                               SteadyDrill           *drill)
{
  SteadySessionSettings defaults;
  const SteadyRange *reps, *hold;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (STEADY_IS_DRILL (drill));

  steady_session_settings_init_from_drill (&defaults, drill);
  reps = steady_drill_get_reps (drill);
  hold = steady_drill_get_hold (drill);

  settings->reps = (guint) CLAMP ((double) settings->reps, reps->min, reps->max);

  if (steady_session_settings_drill_uses_hold (drill))
    settings->hold = clamp_finite (settings->hold, hold->min, hold->max, defaults.hold);
  else
    settings->hold = 0;

  if (!sides_allowed (settings->sides, steady_drill_get_sides (drill)))
    settings->sides = defaults.sides;

  if (steady_session_settings_drill_uses_breath (drill))
    {
      settings->breath_in = clamp_finite (settings->breath_in, STEADY_BREATH_MIN_SECONDS,
                                          STEADY_BREATH_MAX_SECONDS, defaults.breath_in);
      settings->breath_out = clamp_finite (settings->breath_out, STEADY_BREATH_MIN_SECONDS,
                                           STEADY_BREATH_MAX_SECONDS, defaults.breath_out);
    }
  else
    {
      settings->breath_in = 0;
      settings->breath_out = 0;
    }
}

static const struct {
  const char        *name;
  SteadyTextNumbers  number;
} text_numbers[] = {
  { "reps", STEADY_TEXT_NUMBER_REPS },
  { "hold", STEADY_TEXT_NUMBER_HOLD },
  { "breath-in", STEADY_TEXT_NUMBER_BREATH },
  { "breath-out", STEADY_TEXT_NUMBER_BREATH },
};

/* The next brace at or after @p. A "{" that is followed by a "}" before
 * any other brace is a placeholder: @open and @close point at its braces.
 * A brace that pairs with none (a lone "}", a "{" followed by another "{"
 * or by nothing) is returned with @open == @close. FALSE at the end. */
static gboolean
next_brace (const char  *p,
            const char **open,
            const char **close)
{
  const char *q;

  p = strpbrk (p, "{}");
  if (p == NULL)
    return FALSE;

  *open = *close = p;
  if (*p == '{' && (q = strpbrk (p + 1, "{}")) != NULL && *q == '}')
    *close = q;

  return TRUE;
}

static int
find_text_number (const char *name,
                  gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_numbers); i++)
    if (strlen (text_numbers[i].name) == length &&
        strncmp (text_numbers[i].name, name, length) == 0)
      return (int) i;

  return -1;
}

gboolean
steady_session_settings_scan_text (const char         *text,
                                   SteadyTextNumbers  *numbers,
                                   char              **unknown)
{
  const char *open, *close;
  SteadyTextNumbers found = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; next_brace (p, &open, &close); p = close + 1)
    {
      int i = open == close ? -1 : find_text_number (open + 1, close - open - 1);

      if (i < 0)
        {
          if (unknown != NULL)
            *unknown = g_strndup (open, close - open + 1);
          return FALSE;
        }
      found |= text_numbers[i].number;
    }

  if (numbers != NULL)
    *numbers = found;
  return TRUE;
}

char *
steady_session_settings_expand_text (const SteadySessionSettings *settings,
                                     const char                  *text)
{
  GString *out;
  const char *p = text, *open, *close;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* Only the four names are put in; any other brace stays as it is (a
   * program with one does not load, see steady_session_settings_scan_text()). */
  out = g_string_new (NULL);
  while (next_brace (p, &open, &close))
    {
      int i = open == close ? -1 : find_text_number (open + 1, close - open - 1);

      if (i < 0)
        {
          g_string_append_len (out, p, close + 1 - p);
          p = close + 1;
          continue;
        }

      g_string_append_len (out, p, open - p);
      if (text_numbers[i].name[0] == 'r')
        g_string_append_printf (out, "%u", settings->reps);
      else if (strcmp (text_numbers[i].name, "hold") == 0)
        g_string_append_printf (out, "%g", settings->hold);
      else if (strcmp (text_numbers[i].name, "breath-in") == 0)
        g_string_append_printf (out, "%g", settings->breath_in);
      else
        g_string_append_printf (out, "%g", settings->breath_out);
      p = close + 1;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* steady-drill-numbers.c: a drill's numbers as one short line of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "steady-drill-numbers.h"

/* Numbers in program files are whole seconds or reps most of the time;
 * "%g" prints 5 as "5" and 4.5 as "4.5" in the user's locale. */
static char *
format_number (double value)
{
  return g_strdup_printf ("%g", value);
}

/* Appends " (MIN–MAX)" when the patient may choose within a range. */
static char *
with_range (char              *text,
            const SteadyRange *range)
{
  g_autofree char *owned = text;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (range->min == range->max)
    return g_steal_pointer (&owned);

  min = format_number (range->min);
  max = format_number (range->max);
  /* TRANSLATORS: a number of the drill, then the range a patient may
   * choose it in, e.g. "15 reps (15–20)" */
  return g_strdup_printf (_("%s (%s–%s)"), owned, min, max);
}

static char *
format_sides (SteadySide sides)
{
  switch (sides)
    {
    case STEADY_SIDE_LEFT:
      return g_strdup (_("left side only"));
    case STEADY_SIDE_RIGHT:
      return g_strdup (_("right side only"));
    case STEADY_SIDE_BOTH:
      return g_strdup (_("both sides"));
    case STEADY_SIDE_NONE:
    default:
      return NULL;
    }
}

static char *
format_reps (SteadyDrill                 *drill,
             const SteadySessionSettings *settings)
{
  const SteadyRange *reps = steady_drill_get_reps (drill);
  g_autofree char *number = NULL;
  char *text;
  gulong n;

  if (reps == NULL || !reps->present)
    return NULL;
  /* A single long hold needs no count: "hold 30 s" says it all. */
  if (settings->reps == 1 && reps->min == reps->max && steady_drill_get_hold (drill)->present)
    return NULL;

  number = format_number (settings->reps);
  n = settings->reps;

  /* Knee circles count circles in each direction, not repetitions. */
  if (g_strcmp0 (steady_drill_get_motion (drill), "quadruped-knee-circles") == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s circle each way",
                                         "%s circles each way", n), number);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s rep", "%s reps", n), number);

  return with_range (text, reps);
}

static char *
format_hold (SteadyDrill                 *drill,
             const SteadySessionSettings *settings)
{
  const SteadyRange *hold = steady_drill_get_hold (drill);
  g_autofree char *number = NULL;

  if (hold == NULL || !hold->present || settings->hold <= 0)
    return NULL;

  number = format_number (settings->hold);
  /* TRANSLATORS: how long each rep is held, in seconds, e.g. "hold 5 s" */
  return with_range (g_strdup_printf (_("hold %s s"), number), hold);
}

static char *
format_breath (const SteadySessionSettings *settings)
{
  g_autofree char *in_text = NULL;
  g_autofree char *out_text = NULL;

  if (settings->breath_in <= 0 || settings->breath_out <= 0)
    return NULL;

  in_text = format_number (settings->breath_in);
  out_text = format_number (settings->breath_out);
  /* TRANSLATORS: paced breathing, e.g. "breathe 4 s in, 6 s out" */
  return g_strdup_printf (_("breathe %s s in, %s s out"), in_text, out_text);
}

/* Each of a drill's numbers stays on one line, so that a narrow window or
 * large text breaks the list between them, never between "5" and "s" or
 * inside "(3–10)": no-break spaces, and a word joiner after a dash. */
static char *
keep_together (char *part)
{
  GString *kept = g_string_sized_new (strlen (part) + 8);

  for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        g_string_append_unichar (kept, 0x00A0);
      else
        g_string_append_unichar (kept, c);
      if (c == 0x2013 || c == '-')
        g_string_append_unichar (kept, 0x2060);
    }

  g_free (part);
  return g_string_free (kept, FALSE);
}

char *
steady_drill_numbers_format (SteadyDrill                 *drill,
                             const SteadySessionSettings *settings)
{
  g_autoptr(GPtrArray) parts = NULL;
  SteadySessionSettings defaults;
  char *part;

  g_return_val_if_fail (STEADY_IS_DRILL (drill), NULL);

  if (settings == NULL)
    {
      steady_session_settings_init_from_drill (&defaults, drill);
      settings = &defaults;
    }

  parts = g_ptr_array_new_with_free_func (g_free);

  if ((part = format_sides (settings->sides)) != NULL)
    g_ptr_array_add (parts, keep_together (part));
  if ((part = format_reps (drill, settings)) != NULL)
    g_ptr_array_add (parts, keep_together (part));
  if ((part = format_hold (drill, settings)) != NULL)
    g_ptr_array_add (parts, keep_together (part));
  if ((part = format_breath (settings)) != NULL)
    g_ptr_array_add (parts, keep_together (part));

  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: the separator between a drill's numbers */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* steady-checkin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "steady-checkin.h"

void
steady_checkin_init (SteadyCheckin       *checkin,
                     SteadyCheckinMoment  moment)
{
  g_return_if_fail (checkin != NULL);

  memset (checkin, 0, sizeof *checkin);
  checkin->moment = moment;
  checkin->pop_urge = STEADY_CHECKIN_SKIPPED;
  checkin->pain = STEADY_CHECKIN_SKIPPED;
  checkin->popped = STEADY_CHECKIN_SKIPPED;
  checkin->painful = STEADY_CHECKIN_SKIPPED;
}

static gboolean
is_scale (int value)
{
  return value == STEADY_CHECKIN_SKIPPED || (value >= 0 && value <= 10);
}

static gboolean
is_yes_no (int value)
{
  return value == STEADY_CHECKIN_SKIPPED || value == 0 || value == 1;
}

gboolean
steady_checkin_is_valid (const SteadyCheckin *checkin)
{
  g_return_val_if_fail (checkin != NULL, FALSE);

  return checkin->moment <= STEADY_CHECKIN_OTHER
         && checkin->session_id >= 0
         && is_scale (checkin->pop_urge)
         && is_scale (checkin->pain)
         && is_yes_no (checkin->popped)
         && is_yes_no (checkin->painful);
}

const char *
steady_checkin_moment_to_string (SteadyCheckinMoment moment)
{
  switch (moment)
    {
    case STEADY_CHECKIN_BEFORE:
      return "before";
    case STEADY_CHECKIN_AFTER:
      return "after";
    case STEADY_CHECKIN_OTHER:
    default:
      return "other";
    }
}

gboolean
steady_checkin_moment_from_string (const char          *str,
                                   SteadyCheckinMoment *moment)
{
  g_return_val_if_fail (moment != NULL, FALSE);

  for (SteadyCheckinMoment m = STEADY_CHECKIN_BEFORE; m <= STEADY_CHECKIN_OTHER; m++)
    {
      if (g_strcmp0 (str, steady_checkin_moment_to_string (m)) == 0)
        {
          *moment = m;
          return TRUE;
        }
    }

  return FALSE;
}

void
steady_stop_rules_init_default (SteadyStopRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->pain_at_least = 7;
  rules->pain_rise = 2;
  rules->painful_pop = TRUE;
}

SteadyStopReason
steady_stop_rules_check (const SteadyStopRules *rules,
                         const SteadyCheckin   *before,
                         const SteadyCheckin   *checkin)
{
  g_return_val_if_fail (rules != NULL, STEADY_STOP_NONE);
  g_return_val_if_fail (checkin != NULL, STEADY_STOP_NONE);

  if (rules->painful_pop && checkin->popped == 1 && checkin->painful == 1)
    return STEADY_STOP_PAINFUL_POP;

  if (checkin->pain == STEADY_CHECKIN_SKIPPED)
    return STEADY_STOP_NONE;

  if (rules->pain_at_least > 0 && checkin->pain >= rules->pain_at_least)
    return STEADY_STOP_PAIN_HIGH;

  if (rules->pain_rise > 0
      && before != NULL
      && before != checkin
      && before->pain != STEADY_CHECKIN_SKIPPED
      && checkin->pain - before->pain >= rules->pain_rise)
    return STEADY_STOP_PAIN_RISE;

  return STEADY_STOP_NONE;
}

const char *
steady_stop_reason_to_string (SteadyStopReason reason)
{
  switch (reason)
    {
    case STEADY_STOP_PAINFUL_POP:
      return "painful-pop";
    case STEADY_STOP_PAIN_HIGH:
      return "pain-high";
    case STEADY_STOP_PAIN_RISE:
      return "pain-rise";
    case STEADY_STOP_NONE:
    default:
      return NULL;
    }
}

char *
steady_stop_reason_describe (SteadyStopReason       reason,
                             const SteadyStopRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);

  switch (reason)
    {
    case STEADY_STOP_PAINFUL_POP:
      return g_strdup (_("painful pop"));
    case STEADY_STOP_PAIN_HIGH:
      /* Translators: pain on a scale from 0 to 10 */
      return g_strdup_printf (_("pain %d or more"), rules->pain_at_least);
    case STEADY_STOP_PAIN_RISE:
      /* Translators: pain on a scale from 0 to 10 rose since the session began */
      return g_strdup_printf (_("pain up by %d or more"), rules->pain_rise);
    case STEADY_STOP_NONE:
    default:
      return NULL;
    }
}

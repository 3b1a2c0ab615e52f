/* steady-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "steady-types.h"

const char *
steady_side_to_string (SteadySide side)
{
  switch (side)
    {
    case STEADY_SIDE_LEFT:
      return "left";
    case STEADY_SIDE_RIGHT:
      return "right";
    case STEADY_SIDE_BOTH:
      return "both";
    case STEADY_SIDE_NONE:
    default:
      return "none";
    }
}

gboolean
steady_side_from_string (const char *str,
                         SteadySide *side)
{
  static const struct { const char *name; SteadySide side; } sides[] = {
    { "left", STEADY_SIDE_LEFT },
    { "right", STEADY_SIDE_RIGHT },
    { "both", STEADY_SIDE_BOTH },
  };

  g_return_val_if_fail (side != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      if (strcmp (str, sides[i].name) == 0)
        {
          *side = sides[i].side;
          return TRUE;
        }
    }

  return FALSE;
}

guint
steady_env_get_count (const char *name,
                      guint       fallback)
{
  const char *value;
  guint64 n;

  g_return_val_if_fail (name != NULL, fallback);

  value = g_getenv (name);
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &n, NULL))
    return fallback;
  return (guint) n;
}

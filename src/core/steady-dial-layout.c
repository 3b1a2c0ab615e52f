/* steady-dial-layout.c: where the coach's hold ring and breathing guide go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "steady-dial-layout.h"

/* The ring's stroke as a share of the dial's radius, and the disc's
 * smallest and largest radius as shares of the room inside the ring. */
#define RING_WIDTH_SHARE 0.08
#define DISC_MIN_SHARE   0.35
#define DISC_MAX_SHARE   0.92

double
steady_dial_layout_fullness (SteadyBreath breath,
                             double       breath_progress)
{
  double p = CLAMP (breath_progress, 0.0, 1.0);
  double eased = 0.5 - 0.5 * cos (G_PI * p);

  switch (breath)
    {
    case STEADY_BREATH_IN:
      return eased;
    case STEADY_BREATH_OUT:
      return 1.0 - eased;
    case STEADY_BREATH_NONE:
    default:
      return 0.0;
    }
}

void
steady_dial_layout_compute (SteadyDialLayout *layout,
                            double            width,
                            double            height,
                            gboolean          hold_active,
                            double            hold_progress,
                            gboolean          pace_active,
                            double            pace_progress,
                            SteadyBreath      breath,
                            double            breath_progress)
{
  double radius;
  double inner;

  g_return_if_fail (layout != NULL);

  width = MAX (width, 0.0);
  height = MAX (height, 0.0);
  radius = MIN (width, height) / 2.0;

  layout->center_x = width / 2.0;
  layout->center_y = height / 2.0;
  layout->ring_width = radius * RING_WIDTH_SHARE;
  layout->ring_radius = MAX (radius - layout->ring_width / 2.0, 0.0);

  layout->ring_visible = hold_active;
  layout->ring_left = hold_active ? 1.0 - CLAMP (hold_progress, 0.0, 1.0) : 0.0;
  layout->ring_start = -G_PI / 2.0;
  layout->ring_end = layout->ring_start + layout->ring_left * 2.0 * G_PI;

  layout->pace_visible = pace_active;
  layout->pace_done = pace_active ? CLAMP (pace_progress, 0.0, 1.0) : 0.0;
  layout->pace_start = layout->ring_start;
  layout->pace_end = layout->pace_start + layout->pace_done * 2.0 * G_PI;

  inner = MAX (layout->ring_radius - layout->ring_width, 0.0);
  layout->disc_min_radius = inner * DISC_MIN_SHARE;
  layout->disc_max_radius = inner * DISC_MAX_SHARE;
  layout->disc_visible = breath != STEADY_BREATH_NONE;
  layout->fullness = steady_dial_layout_fullness (breath, breath_progress);
  layout->disc_radius = layout->disc_min_radius
                        + layout->fullness * (layout->disc_max_radius - layout->disc_min_radius);
}

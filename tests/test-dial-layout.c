/* test-dial-layout.c: the coach dial's ring and breathing disc geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "steady-dial-layout.h"

static void
test_ring_empties (void)
{
  SteadyDialLayout layout;

  /* A 400 × 300 box: the dial is 300 across, centred. */
  steady_dial_layout_compute (&layout, 400, 300, TRUE, 0.0, FALSE, 0.0, STEADY_BREATH_NONE, 0.0);
  g_assert_cmpfloat_with_epsilon (layout.center_x, 200.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.center_y, 150.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.ring_width, 12.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.ring_radius, 144.0, 1e-9);
  g_assert_true (layout.ring_visible);
  g_assert_cmpfloat_with_epsilon (layout.ring_left, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.ring_start, -G_PI / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.ring_end, 1.5 * G_PI, 1e-9);

  /* A quarter of the way through: three quarters of the ring are left. */
  steady_dial_layout_compute (&layout, 400, 300, TRUE, 0.25, FALSE, 0.0, STEADY_BREATH_NONE, 0.0);
  g_assert_cmpfloat_with_epsilon (layout.ring_left, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.ring_end, G_PI, 1e-9);

  /* The end of the hold, and beyond (clamped). */
  steady_dial_layout_compute (&layout, 400, 300, TRUE, 1.5, FALSE, 0.0, STEADY_BREATH_NONE, 0.0);
  g_assert_cmpfloat_with_epsilon (layout.ring_left, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.ring_end, layout.ring_start, 1e-9);

  /* No hold: no ring. */
  steady_dial_layout_compute (&layout, 400, 300, FALSE, 0.5, FALSE, 0.0, STEADY_BREATH_NONE, 0.0);
  g_assert_false (layout.ring_visible);
  g_assert_cmpfloat (layout.ring_left, ==, 0.0);
  g_assert_false (layout.disc_visible);
}

static void
test_breath_disc (void)
{
  SteadyDialLayout layout;
  double previous = 0.0;

  steady_dial_layout_compute (&layout, 300, 300, TRUE, 0.5, FALSE, 0.0, STEADY_BREATH_IN, 0.0);
  g_assert_true (layout.disc_visible);
  g_assert_cmpfloat (layout.disc_min_radius, >, 0.0);
  g_assert_cmpfloat (layout.disc_max_radius, <, layout.ring_radius - layout.ring_width / 2);
  g_assert_cmpfloat_with_epsilon (layout.disc_radius, layout.disc_min_radius, 1e-9);

  /* Grows through the in-breath… */
  for (int i = 0; i <= 10; i++)
    {
      steady_dial_layout_compute (&layout, 300, 300, TRUE, 0.5, FALSE, 0.0, STEADY_BREATH_IN, i / 10.0);
      g_assert_cmpfloat (layout.disc_radius, >=, previous);
      previous = layout.disc_radius;
    }
  g_assert_cmpfloat_with_epsilon (layout.disc_radius, layout.disc_max_radius, 1e-9);

  /* … half full half-way, … */
  steady_dial_layout_compute (&layout, 300, 300, TRUE, 0.5, FALSE, 0.0, STEADY_BREATH_IN, 0.5);
  g_assert_cmpfloat_with_epsilon (layout.fullness, 0.5, 1e-9);

  /* … and shrinks through the out-breath. */
  for (int i = 0; i <= 10; i++)
    {
      steady_dial_layout_compute (&layout, 300, 300, TRUE, 0.5, FALSE, 0.0, STEADY_BREATH_OUT, i / 10.0);
      g_assert_cmpfloat (layout.disc_radius, <=, previous);
      previous = layout.disc_radius;
    }
  g_assert_cmpfloat_with_epsilon (layout.disc_radius, layout.disc_min_radius, 1e-9);

  /* Eased: slow at the ends, fast in the middle. */
  g_assert_cmpfloat (steady_dial_layout_fullness (STEADY_BREATH_IN, 0.1), <, 0.1);
  g_assert_cmpfloat (steady_dial_layout_fullness (STEADY_BREATH_OUT, 0.1), >, 0.9);
  g_assert_cmpfloat (steady_dial_layout_fullness (STEADY_BREATH_NONE, 0.5), ==, 0.0);
}

/* A movement's pace: an arc that grows clockwise from twelve o'clock
 * while the body moves, and no countdown ring with it. */
static void
test_pace_grows (void)
{
  SteadyDialLayout layout;
  double previous = -10.0;

  for (int i = 0; i <= 10; i++)
    {
      steady_dial_layout_compute (&layout, 400, 300, FALSE, 0.0, TRUE, i / 10.0,
                                  STEADY_BREATH_NONE, 0.0);
      g_assert_true (layout.pace_visible);
      g_assert_false (layout.ring_visible);
      g_assert_cmpfloat_with_epsilon (layout.pace_done, i / 10.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (layout.pace_start, -G_PI / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (layout.pace_end, -G_PI / 2 + 2 * G_PI * i / 10.0, 1e-9);
      g_assert_cmpfloat (layout.pace_end, >, previous);
      previous = layout.pace_end;
    }

  /* Clamped past either end; nothing without a movement. */
  steady_dial_layout_compute (&layout, 400, 300, FALSE, 0.0, TRUE, 1.7, STEADY_BREATH_NONE, 0.0);
  g_assert_cmpfloat (layout.pace_done, ==, 1.0);
  steady_dial_layout_compute (&layout, 400, 300, FALSE, 0.0, TRUE, -0.2, STEADY_BREATH_NONE, 0.0);
  g_assert_cmpfloat (layout.pace_done, ==, 0.0);
  steady_dial_layout_compute (&layout, 400, 300, TRUE, 0.5, FALSE, 0.5, STEADY_BREATH_NONE, 0.0);
  g_assert_false (layout.pace_visible);
  g_assert_cmpfloat (layout.pace_done, ==, 0.0);
}

static void
test_empty_box (void)
{
  SteadyDialLayout layout;

  steady_dial_layout_compute (&layout, 0, 0, TRUE, 0.5, FALSE, 0.0, STEADY_BREATH_IN, 0.5);
  g_assert_cmpfloat (layout.ring_radius, ==, 0.0);
  g_assert_cmpfloat (layout.disc_radius, ==, 0.0);
  g_assert_false (isnan (layout.ring_end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dial-layout/ring-empties", test_ring_empties);
  g_test_add_func ("/dial-layout/breath-disc", test_breath_disc);
  g_test_add_func ("/dial-layout/pace-grows", test_pace_grows);
  g_test_add_func ("/dial-layout/empty-box", test_empty_box);

  return g_test_run ();
}

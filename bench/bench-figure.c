/* bench-figure.c: µs per frame of the figure painter, offscreen, against a
 * flat 15-stroke stick figure drawn in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cairo.h>

#include "steady-motion.h"
#include "steady-painter.h"

#define FRAMES 240

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The baseline: what any stick figure costs — a cleared background and 15
 * round-capped strokes, moving a little each frame. */
static void
paint_reference (cairo_t *cr,
                 double   w,
                 double   h,
                 double   t)
{
  static const double strokes[15][4] = {
    { 0.50, 0.20, 0.50, 0.45 }, { 0.50, 0.25, 0.40, 0.35 }, { 0.40, 0.35, 0.35, 0.45 },
    { 0.50, 0.25, 0.60, 0.35 }, { 0.60, 0.35, 0.65, 0.45 }, { 0.50, 0.45, 0.45, 0.60 },
    { 0.45, 0.60, 0.44, 0.75 }, { 0.44, 0.75, 0.40, 0.76 }, { 0.50, 0.45, 0.55, 0.60 },
    { 0.55, 0.60, 0.56, 0.75 }, { 0.56, 0.75, 0.60, 0.76 }, { 0.46, 0.45, 0.54, 0.45 },
    { 0.44, 0.25, 0.56, 0.25 }, { 0.50, 0.20, 0.50, 0.12 }, { 0.35, 0.45, 0.33, 0.48 },
  };
  double s = MIN (w, h), dx = sin (t) * s * 0.02;

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (cr, s * 0.03);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 15; i++)
    {
      cairo_move_to (cr, (w - s) / 2 + strokes[i][0] * s + dx, strokes[i][1] * s);
      cairo_line_to (cr, (w - s) / 2 + strokes[i][2] * s + dx, strokes[i][3] * s);
      cairo_stroke (cr);
    }
}

static void
measure (const char *motion,
         int         w,
         int         h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  SteadyPainterStyle style;
  SteadyMotionParams params;
  SteadyCamera camera;
  double figure[FRAMES], reference[FRAMES];

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_motion_params_init (&params);
  steady_camera_init_for_motion (&camera, motion);

  /* Interleaved, so both see the same machine load. */
  for (int i = 0; i < FRAMES; i++)
    {
      double t = i / 60.0, start;
      SteadyMotionState state;
      SteadyPose pose;

      start = now_us ();
      steady_motion_demo_state (motion, t, &state);
      steady_motion_pose (motion, &state, &params, &pose);
      steady_painter_paint (cr, &pose, &camera, w, h, &style);
      cairo_surface_flush (surface);
      figure[i] = now_us () - start;

      start = now_us ();
      paint_reference (cr, w, h, t);
      cairo_surface_flush (surface);
      reference[i] = now_us () - start;
    }

  qsort (figure, FRAMES, sizeof (double), compare_doubles);
  qsort (reference, FRAMES, sizeof (double), compare_doubles);
  printf ("figure %s %dx%d: median %.0f µs p99 %.0f µs reference %.0f µs ratio %.2f\n",
          motion, w, h, figure[FRAMES / 2], figure[FRAMES * 99 / 100],
          reference[FRAMES / 2], figure[FRAMES / 2] / reference[FRAMES / 2]);
  fflush (stdout);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  const char * const *motions = steady_motion_list ();
  const int sizes[][2] = { { 800, 600 }, { 1920, 1080 } };

  for (guint m = 0; motions[m] != NULL; m++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      measure (motions[m], sizes[s][0], sizes[s][1]);

  return 0;
}

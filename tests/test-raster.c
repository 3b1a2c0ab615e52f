/* test-raster.c: limbs filled straight into pixels, against geometry and
 * against cairo's paths; the cache's frames handed out without a copy;
 * the ground put back from its runs of one colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "figure-test-util.h"
#include "steady-motion.h"
#include "steady-painter-cache.h"
#include "steady-painter-private.h"
#include "steady-raster.h"

#define W 240
#define H 180

static const SteadyPainterColor black = { 0, 0, 0, 1 };
static const SteadyPainterColor white = { 1, 1, 1, 1 };

static cairo_surface_t *
blank (double red,
       double green,
       double blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_destroy (cr);

  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);

  return ((guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface)))[x];
}

/* How much of the surface is covered, in pixels: black on white. */
static double
covered (cairo_surface_t *surface)
{
  double sum = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      sum += (255 - (pixel (surface, x, y) & 0xff)) / 255.0;

  return sum;
}

/* A capsule's coverage adds up to its area (the hull of two discs: the
 * discs' halves and the trapezoid between the tangents), and its middle
 * is solid. */
static void
test_capsule_area (void)
{
  const double capsules[][6] = {
    { 60, 90, 20, 180, 90, 20 },    /* even, along a row */
    { 50, 40, 25, 170, 140, 12 },   /* tapering, slanting */
    { 120, 90, 30, 125, 92, 5 },    /* one disc within the other */
  };

  for (guint i = 0; i < G_N_ELEMENTS (capsules); i++)
    {
      const double *c = capsules[i];
      cairo_surface_t *surface = blank (1, 1, 1);
      cairo_t *cr = cairo_create (surface);
      SteadyRaster raster;
      double d = hypot (c[3] - c[0], c[4] - c[1]), area;

      g_assert_true (steady_raster_init (&raster, cr));
      steady_raster_capsules (&raster, (const double (*)[6]) c, 1, 0, NULL, &black, 1.0);
      cairo_destroy (cr);

      if (d <= fabs (c[2] - c[5]))
        area = G_PI * MAX (c[2], c[5]) * MAX (c[2], c[5]);
      else
        {
          /* The tangents touch the discs at φ = acos((r1 − r2)/d) from
           * the axis: a sector of 2π − 2φ of the first disc, one of 2φ of
           * the second, and between them two quadrilaterals (centre,
           * touching point, touching point, centre) of d sin φ (r1 + r2) / 2. */
          double phi = acos ((c[2] - c[5]) / d);

          area = c[2] * c[2] * (G_PI - phi) + c[5] * c[5] * phi + d * sin (phi) * (c[2] + c[5]);
        }
      g_assert_cmpfloat_with_epsilon (covered (surface), area, area * 0.01);
      g_assert_cmphex (pixel (surface, (int) c[0], (int) c[1]), ==, 0xff000000);
      cairo_surface_destroy (surface);
    }
}

/* cairo's two fills of a limb, finely: the union of @n capsules grown by
 * @grow in grey @outline, then the union in grey @fill, both times
 * @alpha. */
static void
paths_fill (cairo_surface_t *surface,
            const double   (*capsules)[6],
            guint            n,
            double           grow,
            double           outline,
            double           fill,
            double           alpha)
{
  cairo_t *cr = cairo_create (surface);

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_BEST);
  cairo_set_tolerance (cr, 0.01);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint k = 0; k < 2; k++)
    {
      double g = k == 0 ? grow : 0, grey = k == 0 ? outline : fill;

      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        steady_painter_capsule (cr, capsules[i][0], capsules[i][1], capsules[i][2] + g,
                                capsules[i][3], capsules[i][4], capsules[i][5] + g);
      cairo_set_source_rgba (cr, grey, grey, grey, alpha);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

/* Capsules of one limb are one shape: where they overlap, no seam, and
 * the same pixels in whatever order they come. The outline lies under
 * the fill, round the union. */
static void
test_union_and_outline (void)
{
  const double limb[][6] = {
    { 40, 60, 14, 120, 100, 12 },
    { 120, 100, 12, 200, 70, 9 },
    { 200, 70, 9, 215, 60, 6 },
  };
  const double reversed[][6] = {
    { 200, 70, 9, 215, 60, 6 },
    { 120, 100, 12, 200, 70, 9 },
    { 40, 60, 14, 120, 100, 12 },
  };
  cairo_surface_t *a = blank (1, 1, 1), *b = blank (1, 1, 1), *paths = blank (1, 1, 1);
  cairo_t *cr;
  SteadyRaster raster;
  const double grow = 3;

  cr = cairo_create (a);
  g_assert_true (steady_raster_init (&raster, cr));
  steady_raster_capsules (&raster, limb, 3, grow, &white, &black, 1.0);
  cairo_destroy (cr);
  cr = cairo_create (b);
  g_assert_true (steady_raster_init (&raster, cr));
  steady_raster_capsules (&raster, reversed, 3, grow, &white, &black, 1.0);
  cairo_destroy (cr);
  g_assert_cmpfloat (figure_test_difference (a, b, 0), ==, 0.0);

  /* The joints are solid, though two capsules' edges cross there. */
  g_assert_cmphex (pixel (a, 120, 100), ==, 0xff000000);
  g_assert_cmphex (pixel (a, 200, 70), ==, 0xff000000);

  /* As cairo fills the same union, grown and then not, finely. */
  paths_fill (paths, limb, 3, grow, 1, 0, 1.0);
  g_assert_cmpfloat (figure_test_difference (a, paths, 40), ==, 0.0);
  g_assert_cmpfloat (figure_test_difference (a, paths, 8), <, 0.01);

  /* Half see-through (a card's dimmed figure): the outline shows
   * through the fill, inside too. */
  cairo_surface_destroy (a);
  cairo_surface_destroy (paths);
  a = blank (1, 1, 1);
  paths = blank (1, 1, 1);
  cr = cairo_create (a);
  g_assert_true (steady_raster_init (&raster, cr));
  steady_raster_capsules (&raster, limb, 3, grow, &black, &white, 0.5);
  cairo_destroy (cr);
  paths_fill (paths, limb, 3, grow, 0, 1, 0.5);
  g_assert_cmpfloat (figure_test_difference (a, paths, 40), ==, 0.0);
  g_assert_cmpfloat (figure_test_difference (a, paths, 8), <, 0.01);
  /* White at half over black at half over white. */
  g_assert_cmpint (pixel (a, 120, 100) & 0xff, >=, 0xbe);
  g_assert_cmpint (pixel (a, 120, 100) & 0xff, <=, 0xc1);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (paths);
}

/* A shadow: capsules each in a frame of its own, foreshortened by a
 * matrix, filled without antialiasing as cairo fills them, and where two
 * overlap, blended once. */
static void
test_floor_capsules (void)
{
  const cairo_matrix_t matrices[3] = {
    { 1.0, 0.0, 0.0, 0.5, 30, 90 },      /* along a row, squashed */
    { 0.6, 0.35, -0.25, 0.45, 60, 40 },  /* slanting, sheared */
    { 0.0, 1.0, -0.4, 0.0, 150, 20 },    /* turned a quarter */
  };
  const double capsules[3][3] = { { 150, 20, 30 }, { 160, 25, 10 }, { 0, 30, 12 } };
  const SteadyPainterColor shade = { 0, 0, 0.5, 0.4 };
  cairo_surface_t *pixels = blank (1, 1, 1), *paths = blank (1, 1, 1);
  cairo_t *cr;
  SteadyRaster raster;

  cr = cairo_create (pixels);
  g_assert_true (steady_raster_init (&raster, cr));
  steady_raster_floor_capsules (&raster, matrices, capsules, 3, &shade, 1.0);
  cairo_destroy (cr);

  cr = cairo_create (paths);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_tolerance (cr, 0.01);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint i = 0; i < 3; i++)
    {
      cairo_save (cr);
      cairo_transform (cr, &matrices[i]);
      steady_painter_capsule (cr, 0, 0, capsules[i][1], capsules[i][0], 0, capsules[i][2]);
      cairo_restore (cr);
    }
  cairo_set_source_rgba (cr, 0, 0, 0.5, 0.4);
  cairo_fill (cr);
  cairo_destroy (cr);

  /* Only a pixel here and there along an edge, whose centre lies on it. */
  g_assert_cmpfloat (figure_test_difference (pixels, paths, 2), <, 0.003);
  /* Where the first two overlap, one blend: 0.6 of white. */
  g_assert_cmpint (pixel (pixels, 146, 90) & 0xff, >=, 0xca);
  g_assert_cmpint (pixel (pixels, 146, 90) & 0xff, <=, 0xcc);
  g_assert_cmpint ((pixel (pixels, 146, 90) >> 16) & 0xff, >=, 0x98);
  g_assert_cmpint ((pixel (pixels, 146, 90) >> 16) & 0xff, <=, 0x9a);

  cairo_surface_destroy (pixels);
  cairo_surface_destroy (paths);
}

/* Only what it can draw as cairo would: a plain image, an even scale and
 * whole-pixel shift, a clip of whole-pixel boxes, which it keeps to. */
static void
test_targets (void)
{
  const double c[][6] = { { 20, 20, 40, 220, 160, 40 } };
  cairo_surface_t *surface = blank (1, 0, 1), *recording;
  cairo_t *cr = cairo_create (surface);
  SteadyRaster raster;

  cairo_save (cr);
  cairo_translate (cr, 0.5, 0);
  g_assert_false (steady_raster_init (&raster, cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_scale (cr, 2, 1);
  g_assert_false (steady_raster_init (&raster, cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_rotate (cr, 0.1);
  g_assert_false (steady_raster_init (&raster, cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_rectangle (cr, 10.5, 10, 50, 50);
  cairo_clip (cr);
  g_assert_false (steady_raster_init (&raster, cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_arc (cr, 100, 100, 30, 0, 2 * G_PI);
  cairo_clip (cr);
  g_assert_false (steady_raster_init (&raster, cr));
  cairo_restore (cr);

  /* A group is drawn with cairo: the raster made before no longer
   * applies. */
  g_assert_true (steady_raster_init (&raster, cr));
  cairo_push_group (cr);
  g_assert_false (steady_raster_usable (&raster, cr));
  cairo_pattern_destroy (cairo_pop_group (cr));
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  g_assert_false (steady_raster_usable (&raster, cr));
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  g_assert_true (steady_raster_usable (&raster, cr));

  /* Clipped to a box: nothing outside it changes. */
  cairo_save (cr);
  cairo_translate (cr, 10, 5);
  cairo_rectangle (cr, 30, 20, 100, 80);
  cairo_clip (cr);
  g_assert_true (steady_raster_init (&raster, cr));
  steady_raster_capsules (&raster, c, 1, 4, &white, &black, 1.0);
  cairo_restore (cr);
  cairo_destroy (cr);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      if (x < 40 || x >= 140 || y < 25 || y >= 105)
        g_assert_cmphex (pixel (surface, x, y), ==, 0xffff00ff);
  g_assert_cmphex (pixel (surface, 90, 65), ==, 0xff000000);
  cairo_surface_destroy (surface);

  /* Clipped to boxes apart (a region, as the cache clips to what
   * changed): the same pixels as unclipped inside each, nothing outside. */
  {
    cairo_surface_t *boxed = blank (1, 0, 1), *open = blank (1, 0, 1);
    const double shadow_caps[][3] = { { 150, 30, 20 } };
    cairo_matrix_t m;

    cairo_matrix_init (&m, 1, 0.2, -0.3, 0.5, 40, 100);
    for (guint k = 0; k < 2; k++)
      {
        cr = cairo_create (k == 0 ? boxed : open);
        if (k == 0)
          {
            cairo_rectangle (cr, 30, 20, 60, 80);
            cairo_rectangle (cr, 90, 60, 50, 90);
            cairo_rectangle (cr, 160, 10, 40, 40);
            cairo_clip (cr);
          }
        g_assert_true (steady_raster_init (&raster, cr));
        /* cairo's region: its boxes in bands, joined where they touch. */
        if (k == 0)
          g_assert_cmpuint (raster.n_boxes, >, 3);
        else
          g_assert_cmpuint (raster.n_boxes, ==, 1);
        steady_raster_floor_capsules (&raster, &m, shadow_caps, 1, &black, 0.5);
        steady_raster_capsules (&raster, c, 1, 4, &white, &black, 1.0);
        cairo_destroy (cr);
      }
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++)
        {
          gboolean inside = (x >= 30 && x < 90 && y >= 20 && y < 100) ||
                            (x >= 90 && x < 140 && y >= 60 && y < 150) ||
                            (x >= 160 && x < 200 && y >= 10 && y < 50);

          g_assert_cmphex (pixel (boxed, x, y), ==, inside ? pixel (open, x, y) : 0xffff00ff);
        }
    cairo_surface_destroy (boxed);
    cairo_surface_destroy (open);
  }

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  g_assert_false (steady_raster_init (&raster, cr));
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
}

/* Every drill's frames, with the limbs in pixels, as with cairo's paths
 * (to within antialiasing), in every theme and at a scale of 2. */
static void
test_drills_as_paths (void)
{
  const char * const *motions = steady_motion_list ();
  const SteadyPainterTheme themes[] = {
    STEADY_PAINTER_THEME_LIGHT, STEADY_PAINTER_THEME_DARK, STEADY_PAINTER_THEME_HIGH_CONTRAST,
  };

  for (guint m = 0; motions[m] != NULL; m++)
    for (guint k = 0; k < G_N_ELEMENTS (themes); k++)
      for (guint scale = 1; scale <= 2; scale++)
        for (double t = 0.5; t < 6; t += 1.7)
          {
            cairo_surface_t *pixels, *paths;
            SteadyPainterStyle style;
            SteadyCamera camera;
            SteadyMotionState state;
            SteadyPose pose;
            cairo_t *cr;

            steady_painter_style_init (&style, themes[k]);
            steady_camera_init_for_motion (&camera, motions[m]);
            steady_motion_demo_state (motions[m], t, &state);
            steady_motion_pose (motions[m], &state, NULL, &pose);

            pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * scale, H * scale);
            cairo_surface_set_device_scale (pixels, scale, scale);
            cr = cairo_create (pixels);
            steady_painter_paint (cr, &pose, &camera, W, H, &style);
            cairo_destroy (cr);

            paths = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * scale, H * scale);
            cairo_surface_set_device_scale (paths, scale, scale);
            cr = cairo_create (paths);
            steady_painter_paint_paths (cr, &pose, &camera, W, H, &style);
            cairo_destroy (cr);

            /* Only along edges, where cairo samples 4×4 points a pixel and
             * the raster works out the coverage: at 240×180, up to 1.5 %
             * of the pixels by more than a tenth, 0.08 % by more than
             * 96 levels (where a thin outline crosses a pixel). The limbs
             * drawn at a wrong place or size differ in over 10 %. */
            g_assert_cmpfloat (figure_test_difference (pixels, paths, 24), <, 0.03);
            g_assert_cmpfloat (figure_test_difference (pixels, paths, 96), <, 0.002);
            cairo_surface_destroy (pixels);
            cairo_surface_destroy (paths);
          }
}

/* The cache's frames go to GTK as textures, which hold them: a held frame
 * never changes, and every frame handed out is the painter's, whatever is
 * held (as GTK holds the last two, or one for a long time). */
static void
test_render_held (void)
{
  g_autoptr (SteadyPainterCache) cache = steady_painter_cache_new ();
  cairo_surface_t *held[3] = { NULL, NULL, NULL }, *kept = NULL, *kept_copy = NULL;
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  SteadyPainterStyle style;
  SteadyCamera camera;
  double least = 1.0;

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_camera_init_for_motion (&camera, "quadruped-knee-circles");
  for (guint i = 0; i < 60; i++)
    {
      SteadyMotionState state;
      SteadyPose pose;
      cairo_surface_t *frame;
      cairo_t *cr;

      steady_motion_demo_state ("quadruped-knee-circles", 3.0 + i / 20.0, &state);
      steady_motion_pose ("quadruped-knee-circles", &state, NULL, &pose);
      frame = steady_painter_cache_render (cache, &pose, &camera, W, H, 1.0, &style);
      g_assert_nonnull (frame);
      if (i > 1)
        least = MIN (least, steady_painter_cache_get_repainted (cache));

      cr = cairo_create (whole);
      steady_painter_paint (cr, &pose, &camera, W, H, &style);
      cairo_destroy (cr);
      g_assert_cmpfloat (figure_test_difference (frame, whole, 0), ==, 0.0);

      /* GTK holds the last frames; one is kept for a long while. */
      g_clear_pointer (&held[i % 3], cairo_surface_destroy);
      held[i % 3] = cairo_surface_reference (frame);
      if (i == 5)
        {
          kept = cairo_surface_reference (frame);
          kept_copy = cairo_surface_create_similar_image (frame, CAIRO_FORMAT_ARGB32, W, H);
          cr = cairo_create (kept_copy);
          cairo_set_source_surface (cr, frame, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      if (kept != NULL)
        g_assert_cmpfloat (figure_test_difference (kept, kept_copy, 0), ==, 0.0);
    }
  /* Still only what moved was painted. */
  g_assert_cmpfloat (least, <, 0.5);

  for (guint i = 0; i < 3; i++)
    cairo_surface_destroy (held[i]);
  cairo_surface_destroy (kept);
  cairo_surface_destroy (kept_copy);
  cairo_surface_destroy (whole);
}

/* A ground of flat rows, rows of many colours (a gradient, copied as
 * they are) and a see-through edge, put back into a box of a frame that
 * was drawn over: the box as a copy makes it, all round it untouched. */
static void
test_ground_runs (void)
{
  cairo_surface_t *ground = blank (0.9, 0.9, 0.9), *frame = blank (1, 0, 1), *copy = blank (1, 0, 1);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, W, 0);
  cairo_t *cr = cairo_create (ground);
  g_autoptr (SteadyRasterRuns) runs = NULL;

  cairo_set_source_rgba (cr, 0.2, 0.4, 0.8, 0.5);
  cairo_arc (cr, 120, 90, 60.3, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_pattern_add_color_stop_rgb (gradient, 0, 0, 0, 0);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 1, 1, 1);
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, 0, 150, W, 10);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
  cairo_destroy (cr);

  runs = steady_raster_runs_new (ground);
  steady_raster_runs_paint (runs, frame, 30, 20, 170, 145);
  /* Outside the image: nothing. */
  steady_raster_runs_paint (runs, frame, W + 10, 0, 20, 20);
  /* Partly outside: the part inside. */
  steady_raster_runs_paint (runs, frame, -10, -10, 20, 20);

  cr = cairo_create (copy);
  cairo_set_source_surface (cr, ground, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_rectangle (cr, 30, 20, 170, 145);
  cairo_rectangle (cr, 0, 0, 10, 10);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (copy);

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      g_assert_cmphex (pixel (frame, x, y), ==, pixel (copy, x, y));
  /* The box held flat rows, the gradient and the edge. */
  g_assert_cmphex (pixel (frame, 100, 155), !=, pixel (frame, 101, 155));
  g_assert_cmphex (pixel (frame, 35, 90), !=, pixel (frame, 120, 90));

  cairo_surface_destroy (ground);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/raster/capsule-area", test_capsule_area);
  g_test_add_func ("/raster/union-and-outline", test_union_and_outline);
  g_test_add_func ("/raster/floor-capsules", test_floor_capsules);
  g_test_add_func ("/raster/targets", test_targets);
  g_test_add_func ("/raster/drills-as-paths", test_drills_as_paths);
  g_test_add_func ("/raster/render-held", test_render_held);
  g_test_add_func ("/raster/ground-runs", test_ground_runs);

  return g_test_run ();
}

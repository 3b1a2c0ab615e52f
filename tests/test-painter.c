/* test-painter.c: the figure painter against golden images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "figure-test-util.h"
#include "steady-motion.h"
#include "steady-painter.h"
#include "steady-painter-cache.h"

#define W 240
#define H 180

static cairo_surface_t *
paint_drill (const char         *motion,
             double              t,
             SteadySide          side,
             SteadyPainterTheme  theme,
             double              yaw,
             double              pitch)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  SteadyMotionState state;
  SteadyPose pose;
  SteadyCamera camera;
  SteadyPainterStyle style;

  steady_motion_demo_state (motion, t, &state);
  state.side = side;
  steady_motion_pose (motion, &state, NULL, &pose);
  steady_camera_init_for_motion (&camera, motion);
  if (!isnan (yaw))
    steady_camera_set_orbit (&camera, yaw, pitch);
  steady_painter_style_init (&style, theme);
  steady_painter_paint (cr, &pose, &camera, W, H, &style);
  cairo_destroy (cr);

  return surface;
}

typedef struct {
  const char *name;
  const char *motion;
  double      t;
  SteadySide  side;
  SteadyPainterTheme theme;
  double      yaw, pitch;
} Golden;

static const Golden goldens[] = {
  { "clamshell-open-left.png", "clamshell", 3.0, STEADY_SIDE_LEFT, STEADY_PAINTER_THEME_LIGHT, NAN, 0 },
  { "clamshell-closed-right.png", "clamshell", 0.5, STEADY_SIDE_RIGHT, STEADY_PAINTER_THEME_DARK, NAN, 0 },
  { "knee-circles-left.png", "quadruped-knee-circles", 4.0, STEADY_SIDE_LEFT, STEADY_PAINTER_THEME_LIGHT, NAN, 0 },
  { "knee-circles-right-rotated.png", "quadruped-knee-circles", 9.0, STEADY_SIDE_RIGHT, STEADY_PAINTER_THEME_HIGH_CONTRAST, 60, 35 },
  { "knee-rotation-left.png", "supine-knee-rotation", 10.0, STEADY_SIDE_LEFT, STEADY_PAINTER_THEME_LIGHT, NAN, 0 },
  { "knee-rotation-right-side-view.png", "supine-knee-rotation", 8.0, STEADY_SIDE_RIGHT, STEADY_PAINTER_THEME_LIGHT, 90, 25 },
};

static void
test_golden (gconstpointer data)
{
  const Golden *g = data;
  cairo_surface_t *surface = paint_drill (g->motion, g->t, g->side, g->theme, g->yaw, g->pitch);

  figure_test_assert_golden (surface, g->name);
  cairo_surface_destroy (surface);
}

static guint
count_color (cairo_surface_t          *surface,
             const SteadyPainterColor *color,
             int                       tolerance)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        int r = (px >> 16) & 0xff, gr = (px >> 8) & 0xff, b = px & 0xff;

        if (abs (r - (int) (color->red * 255)) <= tolerance &&
            abs (gr - (int) (color->green * 255)) <= tolerance &&
            abs (b - (int) (color->blue * 255)) <= tolerance)
          n++;
      }

  return n;
}

static void
test_near_and_far (void)
{
  SteadyPainterStyle style;
  cairo_surface_t *surface;

  /* On all fours from the side both the near and the (dimmer) far limbs
   * show, and the background is the style's. */
  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  surface = paint_drill ("quadruped-knee-circles", 0.5, STEADY_SIDE_LEFT, STEADY_PAINTER_THEME_LIGHT, NAN, 0);
  g_assert_cmpuint (count_color (surface, &style.body, 2), >, 400);
  g_assert_cmpuint (count_color (surface, &style.body_far, 2), >, 100);
  g_assert_cmpuint (count_color (surface, &style.torso, 2), >, 400);
  g_assert_cmpuint (count_color (surface, &style.background, 1), >, W * H / 4);
  cairo_surface_destroy (surface);
}

static void
test_glow_only_while_working (void)
{
  SteadyPainterStyle style;
  SteadyMotionState state = { STEADY_SIDE_LEFT, 1.0, 0, 1, 0.5, TRUE };
  SteadyPose pose;
  SteadyCamera camera;
  cairo_surface_t *on, *off;
  cairo_t *cr;

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_camera_init_for_motion (&camera, "clamshell");

  on = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (on);
  steady_motion_pose ("clamshell", &state, NULL, &pose);
  steady_painter_paint (cr, &pose, &camera, W, H, &style);
  cairo_destroy (cr);

  off = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (off);
  state.working = FALSE;
  steady_motion_pose ("clamshell", &state, NULL, &pose);
  steady_painter_paint (cr, &pose, &camera, W, H, &style);
  cairo_destroy (cr);

  g_assert_cmpuint (count_color (on, &style.glow, 40), >, 10);
  g_assert_cmpuint (count_color (off, &style.glow, 40), ==, 0);
  cairo_surface_destroy (on);
  cairo_surface_destroy (off);
}

static void
test_still_with_arrows (void)
{
  const char * const *motions = steady_motion_list ();
  SteadyPainterStyle style;

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  for (guint m = 0; motions[m] != NULL; m++)
    {
      SteadyMotionState start, end;
      SteadyPose from, to;
      SteadyCamera camera;
      cairo_surface_t *still = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cairo_t *cr;
      g_autofree char *name = g_strdup_printf ("still-%s.png", motions[m]);

      steady_motion_key_states (motions[m], STEADY_SIDE_LEFT, &start, &end);
      steady_motion_pose (motions[m], &start, NULL, &from);
      steady_motion_pose (motions[m], &end, NULL, &to);
      steady_camera_init_for_motion (&camera, motions[m]);

      cr = cairo_create (still);
      steady_painter_paint_still (cr, &from, &to, steady_motion_get_mover (motions[m], STEADY_SIDE_LEFT),
                                  &camera, W, H, &style);
      cairo_destroy (cr);
      cr = cairo_create (plain);
      steady_painter_paint (cr, &to, &camera, W, H, &style);
      cairo_destroy (cr);

      /* The ghost of the start and the arrow are there. */
      g_assert_cmpfloat (figure_test_difference (still, plain, 24), >, 0.001);
      /* The arrow is drawn in the path colour. */
      g_assert_cmpuint (count_color (still, &style.path, 12), >, 20);
      figure_test_assert_golden (still, name);
      cairo_surface_destroy (still);
      cairo_surface_destroy (plain);
    }
}

static void
test_camera (void)
{
  SteadyPose pose;
  SteadyCamera camera;
  graphene_vec3_t p;
  double x, y, d_near, d_far;

  steady_pose_init_standing (&pose);
  steady_camera_init_for_motion (&camera, NULL);
  steady_camera_set_orbit (&camera, 0, 0);
  steady_camera_prepare (&camera, &pose, 400, 300);

  /* The frame's centre lands in the middle; up is up, +x is right. */
  steady_camera_project (&camera, &pose.frame_centre, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 200, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 150, 0.01);
  graphene_vec3_init (&p, 10, 100, 0);
  steady_camera_project (&camera, &p, &x, &y);
  g_assert_cmpfloat (x, >, 200);
  g_assert_cmpfloat (y, <, 150);

  /* Slight perspective: nearer is bigger, not by much. */
  graphene_vec3_init (&p, 0, 88, 50);
  d_near = steady_camera_project (&camera, &p, &x, &y);
  graphene_vec3_init (&p, 0, 88, -50);
  d_far = steady_camera_project (&camera, &p, &x, &y);
  g_assert_cmpfloat (d_near, <, d_far);
  g_assert_cmpfloat (steady_camera_scale_at (&camera, d_near) / steady_camera_scale_at (&camera, d_far), <, 1.5);
  g_assert_cmpfloat (steady_camera_scale_at (&camera, d_near) / steady_camera_scale_at (&camera, d_far), >, 1.05);

  /* Orbiting a quarter turn brings +z to the right. */
  steady_camera_set_orbit (&camera, -90, 0);
  steady_camera_prepare (&camera, &pose, 400, 300);
  graphene_vec3_init (&p, 0, 88, 30);
  steady_camera_project (&camera, &p, &x, &y);
  g_assert_cmpfloat (x, >, 210);
}

static void
test_themes (void)
{
  SteadyPainterTheme theme;
  SteadyPainterStyle light, dark, hc;

  g_assert_true (steady_painter_theme_from_string ("dark", &theme));
  g_assert_cmpint (theme, ==, STEADY_PAINTER_THEME_DARK);
  g_assert_false (steady_painter_theme_from_string ("sepia", &theme));
  steady_painter_style_init (&light, STEADY_PAINTER_THEME_LIGHT);
  steady_painter_style_init (&dark, STEADY_PAINTER_THEME_DARK);
  steady_painter_style_init (&hc, STEADY_PAINTER_THEME_HIGH_CONTRAST);
  g_assert_cmpfloat (light.background.red, >, 0.9);
  g_assert_cmpfloat (dark.background.red, <, 0.2);
  /* High contrast: black figure on white. */
  g_assert_cmpfloat (hc.body.red + hc.body.green + hc.body.blue, ==, 0.0);
  g_assert_cmpfloat (hc.background.red, ==, 1.0);
}

/* A run of frames of @motion through the cache (into a target that is
 * scribbled over between frames, as the bench does), each against the
 * frame painted whole; the least and the most share repainted (but for
 * the first frame of each side) and the most boxes apart a frame was
 * repainted in. */
static void
cache_run (const char         *motion,
           SteadyPainterTheme  theme,
           double             *least,
           double             *most,
           guint              *most_boxes)
{
  g_autoptr (SteadyPainterCache) cache = steady_painter_cache_new ();
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  SteadyPainterStyle style;
  SteadyCamera camera;

  *least = 1.0;
  *most = 0.0;
  *most_boxes = 0;
  steady_painter_style_init (&style, theme);
  steady_camera_init_for_motion (&camera, motion);
  for (guint i = 0; i < 90; i++)
    {
      SteadyMotionState state;
      SteadyPose pose;
      cairo_t *cr;

      steady_motion_demo_state (motion, 2.0 + i / 15.0, &state);
      state.side = i < 45 ? STEADY_SIDE_LEFT : STEADY_SIDE_RIGHT;
      steady_motion_pose (motion, &state, NULL, &pose);

      cr = cairo_create (cached);
      cairo_set_source_rgb (cr, 1, 0, 1);
      cairo_paint (cr);
      steady_painter_cache_paint (cache, cr, &pose, &camera, W, H, &style);
      cairo_destroy (cr);
      if (i > 0 && i != 45)
        {
          *least = MIN (*least, steady_painter_cache_get_repainted (cache));
          *most = MAX (*most, steady_painter_cache_get_repainted (cache));
        }
      *most_boxes = MAX (*most_boxes, steady_painter_cache_get_repainted_boxes (cache));

      cr = cairo_create (whole);
      steady_painter_paint (cr, &pose, &camera, W, H, &style);
      cairo_destroy (cr);

      g_assert_cmpfloat (figure_test_difference (cached, whole, 0), ==, 0.0);
    }
  cairo_surface_destroy (cached);
  cairo_surface_destroy (whole);
}

/* The cache repaints only what moved, yet every frame is the painter's;
 * what moved apart (the arms and the knees) in boxes apart, whose inner
 * edges cut limbs, the shadow and the path. */
static void
test_cache_same_pixels (void)
{
  const char * const *motions = steady_motion_list ();
  const SteadyPainterTheme themes[] = { STEADY_PAINTER_THEME_LIGHT, STEADY_PAINTER_THEME_DARK };

  for (guint m = 0; motions[m] != NULL; m++)
    for (guint k = 0; k < G_N_ELEMENTS (themes); k++)
      {
        double least, most;
        guint most_boxes;

        cache_run (motions[m], themes[k], &least, &most, &most_boxes);
        g_assert_cmpfloat (least, <, 0.9);
        /* Not even when a part comes or goes (the knees to the side ring
         * the shoulder at the end of the turn and let go of the still
         * marks): only round it. */
        g_assert_cmpfloat (most, <, 0.5);
        /* (The knee circles' glass of water is a cairo path: a frame
         * whose changes meet it is repainted in one box.) */
        g_assert_cmpuint (most_boxes, >, 1);
      }
}

/* With every part a cairo path (whose pixels along a clip's edge may
 * differ), what changed is repainted in one box, and the frames are
 * still the painter's. */
static void
test_cache_same_pixels_paths (void)
{
  double least, most;
  guint most_boxes;

  g_setenv ("STEADY_PAINTER_PATHS", "1", TRUE);
  cache_run ("supine-knee-rotation", STEADY_PAINTER_THEME_LIGHT, &least, &most, &most_boxes);
  g_unsetenv ("STEADY_PAINTER_PATHS");
  g_assert_cmpfloat (least, <, 0.9);
  g_assert_cmpuint (most_boxes, ==, 1);
}

/* GTK records cairo nodes and plays them back later: a recording of one
 * frame keeps its pixels when the cache paints the next. */
static void
test_cache_recording (void)
{
  g_autoptr (SteadyPainterCache) cache = steady_painter_cache_new ();
  cairo_rectangle_t extents = { 0, 0, W, H };
  cairo_surface_t *recordings[2], *played, *whole;
  SteadyPainterStyle style;
  SteadyCamera camera;
  SteadyPose poses[2];

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_camera_init_for_motion (&camera, "clamshell");
  for (guint i = 0; i < 2; i++)
    {
      SteadyMotionState state;
      cairo_t *cr;

      steady_motion_demo_state ("clamshell", 2.0 + i, &state);
      steady_motion_pose ("clamshell", &state, NULL, &poses[i]);
      recordings[i] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (recordings[i]);
      steady_painter_cache_paint (cache, cr, &poses[i], &camera, W, H, &style);
      cairo_destroy (cr);
    }
  g_assert_cmpfloat (steady_painter_cache_get_repainted (cache), <, 1.0);

  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      played = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cr = cairo_create (played);
      cairo_set_source_surface (cr, recordings[i], 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cr = cairo_create (whole);
      steady_painter_paint (cr, &poses[i], &camera, W, H, &style);
      cairo_destroy (cr);
      g_assert_cmpfloat (figure_test_difference (played, whole, 0), ==, 0.0);
      cairo_surface_destroy (played);
      cairo_surface_destroy (whole);
      cairo_surface_destroy (recordings[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/painter/golden/%s", goldens[i].name);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/painter/near-and-far", test_near_and_far);
  g_test_add_func ("/painter/glow-only-while-working", test_glow_only_while_working);
  g_test_add_func ("/painter/still-with-arrows", test_still_with_arrows);
  g_test_add_func ("/painter/camera", test_camera);
  g_test_add_func ("/painter/themes", test_themes);
  g_test_add_func ("/painter/cache-same-pixels", test_cache_same_pixels);
  g_test_add_func ("/painter/cache-same-pixels-paths", test_cache_same_pixels_paths);
  g_test_add_func ("/painter/cache-recording", test_cache_recording);

  return g_test_run ();
}

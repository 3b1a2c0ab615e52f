/* test-tool-figure.c: steady-tool pose, render and render-card on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "figure-test-util.h"
#include "steady-motion.h"
#include "steady-painter.h"
#include "tool-test.h"

static char *
program_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "figure-program.xml", NULL);
}

/* steady-tool pose DRILL … --json, parsed. */
static JsonObject *
pose_json (const char *drill,
           const char *side,
           const char *amount,
           const char *angle)
{
  g_autofree char *program = program_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "pose", drill, "--at", "0", "--side", side, "--amount", amount,
                         "--angle", angle, "--program", program, "--json", NULL };

  g_assert_cmpint (tool_test_run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
joint (JsonObject      *pose,
       const char      *name,
       graphene_vec3_t *res)
{
  JsonArray *a = json_object_get_array_member (json_object_get_object_member (pose, "joints"), name);

  g_assert_nonnull (a);
  graphene_vec3_init (res, json_array_get_double_element (a, 0), json_array_get_double_element (a, 1),
                      json_array_get_double_element (a, 2));
}

static double
dist (JsonObject *a,
      const char *ja,
      JsonObject *b,
      const char *jb)
{
  graphene_vec3_t p, q, d;

  joint (a, ja, &p);
  joint (b, jb, &q);
  graphene_vec3_subtract (&p, &q, &d);
  return graphene_vec3_length (&d);
}

static void
test_pose_clamshell (void)
{
  /* The file asks for a 3 cm opening. */
  g_autoptr(JsonObject) closed = pose_json ("clamshell", "right", "0", "0");
  g_autoptr(JsonObject) open = pose_json ("clamshell", "right", "1", "0");

  g_assert_cmpstr (json_object_get_string_member (open, "motion"), ==, "clamshell");
  g_assert_cmpstr (json_object_get_string_member (open, "units"), ==, "cm");
  g_assert_cmpfloat_with_epsilon (dist (open, "right-knee", closed, "right-knee"), 3.0, 0.05);
  g_assert_cmpfloat (dist (open, "right-ankle", closed, "right-ankle"), <, 0.5);
  g_assert_cmpfloat (dist (open, "left-ankle", open, "right-ankle") - 8.0, <, 3.0);
  g_assert_cmpfloat (dist (open, "pelvis", closed, "pelvis"), <, 0.01);
  g_assert_cmpfloat (dist (open, "right-fingertips", open, "right-glute-med"), <, 1.0);
  g_assert_cmpfloat_with_epsilon (dist (open, "right-hip", open, "right-knee"), 44.0, 0.01);
}

static void
test_pose_circles (void)
{
  g_autoptr(JsonObject) rest = pose_json ("circles", "left", "0", "0");
  graphene_vec3_t knees[8], centre;
  double mean = 0;

  graphene_vec3_init (&centre, 0, 0, 0);
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *angle = g_strdup_printf ("%.6f", 2 * G_PI * i / 8);
      g_autoptr(JsonObject) pose = pose_json ("circles", "left", "1", angle);
      JsonArray *up = json_object_get_array_member (pose, "glass-up");

      g_assert_cmpfloat (dist (pose, "pelvis", rest, "pelvis"), <, 1.0);
      g_assert_cmpfloat (dist (pose, "lumbar", rest, "lumbar"), <, 1.0);
      g_assert_cmpfloat (dist (pose, "chest", rest, "chest"), <, 1.0);
      g_assert_cmpfloat (json_array_get_double_element (up, 1), >, cos (2 * G_PI / 180));
      joint (pose, "left-knee", &knees[i]);
      graphene_vec3_add (&centre, &knees[i], &centre);
    }
  graphene_vec3_scale (&centre, 1.f / 8, &centre);
  for (int i = 0; i < 8; i++)
    {
      graphene_vec3_t d;

      graphene_vec3_subtract (&knees[i], &centre, &d);
      mean += graphene_vec3_length (&d) / 8;
    }
  /* The file asks for an 8 cm circle. */
  g_assert_cmpfloat_with_epsilon (mean, 8.0, 0.1);
}

static void
test_pose_rotation (void)
{
  g_autoptr(JsonObject) rest = pose_json ("rotation", "left", "0", "0");
  g_autoptr(JsonObject) half = pose_json ("rotation", "left", "0.5", "0");
  g_autoptr(JsonObject) end = pose_json ("rotation", "left", "1", "0");
  graphene_vec3_t a, b;

  joint (half, "right-shoulder", &a);
  joint (rest, "right-shoulder", &b);
  g_assert_cmpfloat (fabs (graphene_vec3_get_y (&a) - graphene_vec3_get_y (&b)), <, 0.3);
  joint (end, "right-shoulder", &a);
  g_assert_cmpfloat (graphene_vec3_get_y (&a) - graphene_vec3_get_y (&b), >, 1.0);
  joint (end, "left-shoulder", &a);
  joint (rest, "left-shoulder", &b);
  g_assert_cmpfloat (fabs (graphene_vec3_get_y (&a) - graphene_vec3_get_y (&b)), <, 0.3);
}

static void
test_render_matches_painter (void)
{
  g_autofree char *program = program_path ();
  g_autofree char *dir = tool_test_make_dir ("steady-render-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "circles.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "circles.svg", NULL);
  g_autofree char *card = g_build_filename (dir, "card.png", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *args[] = { "render", "circles", "--at", "6.5", "--side", "right", "--size", "320x240",
                         "--style", "dark", "--program", program, "-o", png, NULL };
  const char *args_svg[] = { "render", "circles", "--at", "6.5", "--program", program, "-o", svg, NULL };
  const char *args_card[] = { "render-card", "why", "--size", "300x200", "--program", program, "-o", card, NULL };
  cairo_surface_t *from_tool, *here;
  cairo_t *cr;
  SteadyMotionState state;
  SteadyMotionParams params;
  SteadyPose pose;
  SteadyCamera camera;
  SteadyPainterStyle style;

  g_assert_cmpint (tool_test_run (args, &out, &err), ==, 0);
  from_tool = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (from_tool), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (from_tool), ==, 320);
  g_assert_cmpint (cairo_image_surface_get_height (from_tool), ==, 240);

  /* The same pose through the painter here gives the same pixels. */
  steady_motion_params_init (&params);
  params.radius_cm = 8.0;
  steady_motion_demo_state ("quadruped-knee-circles", 6.5, &state);
  state.side = STEADY_SIDE_RIGHT;
  steady_motion_pose ("quadruped-knee-circles", &state, &params, &pose);
  steady_camera_init_for_motion (&camera, "quadruped-knee-circles");
  steady_painter_style_init (&style, STEADY_PAINTER_THEME_DARK);
  here = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 240);
  cr = cairo_create (here);
  steady_painter_paint (cr, &pose, &camera, 320, 240, &style);
  cairo_destroy (cr);
  g_assert_cmpfloat (figure_test_difference (from_tool, here, 0), ==, 0.0);
  cairo_surface_destroy (from_tool);
  cairo_surface_destroy (here);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tool_test_run (args_svg, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tool_test_run (args_card, &out, &err), ==, 0);
  from_tool = cairo_image_surface_create_from_png (card);
  g_assert_cmpint (cairo_image_surface_get_width (from_tool), ==, 300);
  cairo_surface_destroy (from_tool);

  tool_test_remove_dir (dir);
}

static void
test_bad_input (void)
{
  g_autofree char *program = program_path ();
  g_autofree char *dir = tool_test_make_dir ("steady-render-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "x.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "x.gif", NULL);
  struct {
    const char *args[14];
    int         status;
    const char *message;
  } cases[] = {
    { { "render", "nope", "--at", "0", "--program", program, "-o", png, NULL }, 1, "no drill “nope”" },
    { { "render", "circles", "--at", "0", "--size", "big", "--program", program, "-o", png, NULL }, 1, "--size" },
    { { "render", "circles", "--at", "0", "--side", "up", "--program", program, "-o", png, NULL }, 1, "--side" },
    { { "render", "circles", "--at", "0", "--view", "1", "--program", program, "-o", png, NULL }, 1, "--view" },
    { { "render", "circles", "--at", "0", "--program", program, "-o", gif, NULL }, 1, ".png or .svg" },
    { { "render", "circles", "--at", "0", "--program", program, NULL }, 2, NULL },
    { { "render-card", "nope", "--program", program, "-o", png, NULL }, 1, "no card “nope”" },
    { { "pose", "circles", "--at", "0", "--program", program, NULL }, 2, NULL },
    { { "pose", "circles", "--at", "0", "--amount", "3", "--program", program, "--json", NULL }, 1,
      "--amount “3” is not a number from 0 to 1" },
    /* Not a number, NaN and infinity never reach the figure: each is
     * refused with the option's name and what it takes. */
    { { "render", "clamshell", "--at", "nan", "--program", program, "-o", png, NULL }, 1,
      "--at “nan” is not a time in seconds" },
    { { "render", "clamshell", "--at", "inf", "--program", program, "-o", png, NULL }, 1,
      "--at “inf” is not a time in seconds" },
    { { "render", "clamshell", "--at", "-infinity", "--program", program, "-o", png, NULL }, 1,
      "--at “-infinity” is not a time in seconds" },
    { { "render", "clamshell", "--at", "soon", "--program", program, "-o", png, NULL }, 1,
      "--at “soon” is not a time in seconds" },
    { { "render", "clamshell", "--at", "1", "--view", "nan,nan", "--program", program, "-o", png, NULL }, 1,
      "--view “nan,nan” is not YAW,PITCH in degrees" },
    { { "render", "clamshell", "--at", "1", "--view", "10,inf", "--program", program, "-o", png, NULL }, 1,
      "--view “10,inf” is not YAW,PITCH in degrees" },
    { { "render", "clamshell", "--at", "1", "--frames", "0", "--program", program, "-o", png, NULL }, 1,
      "--frames 0 is not a number of frames from 1 to 100000" },
    { { "render-card", "why", "--at", "nan", "--program", program, "-o", png, NULL }, 1,
      "--at “nan” is not a time in seconds" },
    { { "pose", "clamshell", "--at", "nan", "--program", program, "--json", NULL }, 1,
      "--at “nan” is not a time in seconds" },
    { { "pose", "clamshell", "--at", "0", "--amount", "nan", "--program", program, "--json", NULL }, 1,
      "--amount “nan” is not a number from 0 to 1" },
    { { "pose", "clamshell", "--at", "0", "--angle", "nan", "--program", program, "--json", NULL }, 1,
      "--angle “nan” is not an angle in radians" },
    { { "pose", "clamshell", "--at", "0", "--angle", "-inf", "--program", program, "--json", NULL }, 1,
      "--angle “-inf” is not an angle in radians" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("case %u: %s %s", i, cases[i].args[0], cases[i].args[1]);
      g_assert_cmpint (tool_test_run (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      if (cases[i].message != NULL)
        {
          g_assert_nonnull (strstr (err, cases[i].message));
          /* One clear line. */
          g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
        }
      /* Nothing is written when the arguments are wrong. */
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  tool_test_remove_dir (dir);
}

/* The usage line says --at SECONDS is needed for render and pose: without
 * it they say so and draw nothing (render-card's --at is optional). */
static void
test_at_required (void)
{
  g_autofree char *program = program_path ();
  g_autofree char *dir = tool_test_make_dir ("steady-render-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "x.png", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (tool_test_run_va (&out, &err, "render", "clamshell", "--program", program,
                                     "-o", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--at SECONDS is missing"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run_va (&out, &err, "pose", "clamshell", "--program", program,
                                     "--json", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--at SECONDS is missing"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run_va (&out, &err, "render-card", "why", "--program", program,
                                     "-o", png, NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  tool_test_remove_dir (dir);
}

/* Only the files in @dir. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* A picture is put in place whole or not at all: a write that fails
 * leaves what was there and no half-written or temporary file behind; one
 * that works replaces the old file. */
static void
test_write_whole (void)
{
  g_autofree char *program = program_path ();
  g_autofree char *dir = tool_test_make_dir ("steady-render-XXXXXX");
  const char *names[] = { "taken.png", "taken.svg" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *taken = g_build_filename (dir, names[i], NULL);
      g_autofree char *out = NULL, *err = NULL;

      /* Where a folder already stands, nothing can be renamed over it. */
      g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
      g_assert_cmpint (tool_test_run_va (&out, &err, "render", "clamshell", "--at", "1", "--size", "64x48",
                                         "--program", program, "-o", taken, NULL), ==, 1);
      g_assert_nonnull (strstr (err, taken));
      g_assert_nonnull (strstr (err, "cannot write there"));
      g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (count_files (dir), ==, i + 1);
    }

  /* A good file is replaced by the new picture. */
  {
    g_autofree char *png = g_build_filename (dir, "good.png", NULL);
    g_autofree char *out = NULL, *err = NULL;
    cairo_surface_t *surface;

    g_assert_true (g_file_set_contents (png, "old", -1, NULL));
    g_assert_cmpint (tool_test_run_va (&out, &err, "render", "clamshell", "--at", "1", "--size", "64x48",
                                       "--program", program, "-o", png, NULL), ==, 0);
    surface = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 64);
    cairo_surface_destroy (surface);
    g_assert_cmpuint (count_files (dir), ==, 3);
  }

  tool_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool-figure/pose-clamshell", test_pose_clamshell);
  g_test_add_func ("/tool-figure/pose-circles", test_pose_circles);
  g_test_add_func ("/tool-figure/pose-rotation", test_pose_rotation);
  g_test_add_func ("/tool-figure/render-matches-painter", test_render_matches_painter);
  g_test_add_func ("/tool-figure/bad-input", test_bad_input);
  g_test_add_func ("/tool-figure/at-required", test_at_required);
  g_test_add_func ("/tool-figure/write-whole", test_write_whole);

  return g_test_run ();
}

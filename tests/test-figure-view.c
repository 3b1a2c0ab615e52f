/* test-figure-view.c: the figure widget under a virtual display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "figure-test-util.h"
#include "steady-figure-view.h"
#include "steady-illustration.h"
#include "steady-motion.h"
#include "steady-painter.h"
#include "steady-program.h"

#define W 320
#define H 240

static SteadyProgram *program;

static GtkWidget *
show_view (GtkWidget **window_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = steady_figure_view_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Figure");
  gtk_window_set_default_size (GTK_WINDOW (window), W, H);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_widget_set_size_request (view, W, H);
  gtk_widget_set_halign (view, GTK_ALIGN_START);
  gtk_widget_set_valign (view, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (view);
  g_assert_cmpint (gtk_widget_get_width (view), ==, W);
  g_assert_cmpint (gtk_widget_get_height (view), ==, H);
  *window_out = window;

  return view;
}

/* The widget's pixels, the way GTK renders them. */
static cairo_surface_t *
render_widget (GtkWidget *view)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (view));
  cairo_surface_t *surface;

  /* Let the widget draw its present state, then take that frame. */
  gtk_widget_queue_draw (view);
  gtk_test_widget_wait_for_draw (view);
  paintable = gtk_widget_paintable_new (view);
  gdk_paintable_snapshot (paintable, snapshot, W, H);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, W, H));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  return surface;
}

static SteadyDrill *
drill (const char *id)
{
  SteadyDrill *d = steady_program_find_drill (program, id);

  g_assert_nonnull (d);
  return d;
}

static void
test_same_pixels_as_painter (void)
{
  GtkWidget *window, *view = show_view (&window);
  SteadyMotionState state = { STEADY_SIDE_RIGHT, 0.7, 1.0, 1, 0.4, TRUE };
  SteadyMotionParams params;
  SteadyPose pose;
  SteadyCamera camera;
  SteadyPainterStyle style;
  cairo_surface_t *widget, *direct;
  cairo_t *cr;

  steady_figure_view_set_drill (STEADY_FIGURE_VIEW (view), drill ("circles"));
  steady_figure_view_set_motion_state (STEADY_FIGURE_VIEW (view), &state);
  g_assert_false (steady_figure_view_is_animating (STEADY_FIGURE_VIEW (view)));
  widget = render_widget (view);

  steady_motion_params_init_from_drill (&params, drill ("circles"));
  steady_motion_pose ("quadruped-knee-circles", &state, &params, &pose);
  steady_camera_init_for_motion (&camera, "quadruped-knee-circles");
  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (direct);
  steady_painter_paint (cr, &pose, &camera, W, H, &style);
  cairo_destroy (cr);

  g_assert_cmpfloat (figure_test_difference (widget, direct, 2), ==, 0.0);
  cairo_surface_destroy (widget);
  cairo_surface_destroy (direct);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_same_pixels_as_tool (void)
{
  GtkWidget *window, *view = show_view (&window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "figure-program.xml", NULL);
  g_autofree char *png = g_build_filename (g_get_tmp_dir (), "steady-figure-view-tool.png", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("STEADY_TOOL"), "render", "clamshell", "--at", "2.5",
                         "--size", "320x240", "--program", path, "-o", png, NULL };
  int status = -1;
  cairo_surface_t *widget, *tool;

  /* The demo loop paused at 2.5 s, drawn by the widget and by steady-tool. */
  steady_figure_view_set_drill (STEADY_FIGURE_VIEW (view), drill ("clamshell"));
  steady_figure_view_set_playing (STEADY_FIGURE_VIEW (view), FALSE);
  steady_figure_view_set_time (STEADY_FIGURE_VIEW (view), 2.5);
  widget = render_widget (view);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  tool = cairo_image_surface_create_from_png (png);
  g_assert_cmpfloat (figure_test_difference (widget, tool, 2), ==, 0.0);

  cairo_surface_destroy (widget);
  cairo_surface_destroy (tool);
  g_unlink (png);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_ticks_only_while_moving (void)
{
  GtkWidget *window, *view = show_view (&window);
  SteadyFigureView *fv = STEADY_FIGURE_VIEW (view);
  SteadyMotionState state = { STEADY_SIDE_LEFT, 0.5, 0, 1, 0.5, TRUE };

  g_assert_false (steady_figure_view_is_animating (fv));

  steady_figure_view_set_drill (fv, drill ("rotation"));
  g_assert_true (steady_figure_view_is_animating (fv));
  steady_figure_view_set_playing (fv, FALSE);
  g_assert_false (steady_figure_view_is_animating (fv));
  steady_figure_view_set_playing (fv, TRUE);
  g_assert_true (steady_figure_view_is_animating (fv));

  /* Hidden: no tick. */
  gtk_widget_set_visible (view, FALSE);
  g_assert_false (steady_figure_view_is_animating (fv));
  gtk_widget_set_visible (view, TRUE);
  gtk_test_widget_wait_for_draw (view);
  g_assert_true (steady_figure_view_is_animating (fv));

  /* Driven by the coach: no tick of its own. */
  steady_figure_view_set_motion_state (fv, &state);
  g_assert_false (steady_figure_view_is_animating (fv));

  /* A still illustration never ticks, a moving one does. */
  steady_figure_view_set_illustration (fv, "safety");
  g_assert_false (steady_figure_view_is_animating (fv));
  steady_figure_view_set_illustration (fv, "wobbly-table");
  g_assert_true (steady_figure_view_is_animating (fv));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_loop_moves (void)
{
  GtkWidget *window, *view = show_view (&window);
  SteadyFigureView *fv = STEADY_FIGURE_VIEW (view);
  cairo_surface_t *before, *after;
  gint64 end;

  steady_figure_view_set_drill (fv, drill ("circles"));
  steady_figure_view_set_time (fv, 3.0);
  before = render_widget (view);
  /* Let the frame clock run for a while. */
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  after = render_widget (view);
  g_assert_cmpfloat (figure_test_difference (before, after, 8), >, 0.0);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reduced_motion (void)
{
  GtkWidget *window, *view = show_view (&window);
  SteadyFigureView *fv = STEADY_FIGURE_VIEW (view);
  GtkSettings *settings = gtk_widget_get_settings (view);
  SteadyMotionState start, end;
  SteadyPose from, to;
  SteadyCamera camera;
  SteadyPainterStyle style;
  SteadyMotionParams params;
  cairo_surface_t *widget, *still;
  cairo_t *cr;
  g_autofree char *expected = NULL;

  steady_figure_view_set_drill (fv, drill ("clamshell"));
  g_assert_true (steady_figure_view_is_animating (fv));

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_false (steady_figure_view_is_animating (fv));

  /* Key poses as a still with arrows, as the painter draws them. */
  widget = render_widget (view);
  steady_motion_params_init_from_drill (&params, drill ("clamshell"));
  steady_motion_key_states ("clamshell", STEADY_SIDE_LEFT, &start, &end);
  steady_motion_pose ("clamshell", &start, &params, &from);
  steady_motion_pose ("clamshell", &end, &params, &to);
  steady_camera_init_for_motion (&camera, "clamshell");
  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  still = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (still);
  steady_painter_paint_still (cr, &from, &to, steady_motion_get_mover ("clamshell", STEADY_SIDE_LEFT),
                              &camera, W, H, &style);
  cairo_destroy (cr);
  g_assert_cmpfloat (figure_test_difference (widget, still, 2), ==, 0.0);

  /* Moving illustrations hold still too. */
  steady_figure_view_set_illustration (fv, "wobbly-table");
  g_assert_false (steady_figure_view_is_animating (fv));

  /* The description names the drill's start position. */
  steady_figure_view_set_drill (fv, drill ("clamshell"));
  expected = steady_motion_describe ("clamshell", &start);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_true (steady_figure_view_is_animating (fv));

  cairo_surface_destroy (widget);
  cairo_surface_destroy (still);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible (void)
{
  GtkWidget *window, *view = show_view (&window);
  SteadyFigureView *fv = STEADY_FIGURE_VIEW (view);
  SteadyMotionState state;
  g_autofree char *expected = NULL, *held = NULL;

  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_IMG);

  steady_figure_view_set_drill (fv, drill ("circles"));
  steady_figure_view_set_playing (fv, FALSE);
  steady_figure_view_set_time (fv, 4.0);
  steady_motion_demo_state ("quadruped-knee-circles", 4.0, &state);
  expected = steady_motion_describe ("quadruped-knee-circles", &state);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Knee circles");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  /* The phase changes, and so does the description. */
  state.side = STEADY_SIDE_RIGHT;
  state.amount = 0.0;
  steady_figure_view_set_motion_state (fv, &state);
  held = steady_motion_describe ("quadruped-knee-circles", &state);
  g_assert_cmpstr (held, !=, expected);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, held);

  /* An illustration says what it shows. */
  steady_figure_view_set_illustration (fv, "spinal-lockdown");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       steady_illustration_describe ("spinal-lockdown"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_orbit (void)
{
  GtkWidget *window, *view = show_view (&window);
  SteadyFigureView *fv = STEADY_FIGURE_VIEW (view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  GtkGesture *drag = NULL, *click = NULL;
  double yaw0, pitch0, yaw, pitch;

  steady_figure_view_set_drill (fv, drill ("clamshell"));
  steady_figure_view_get_orbit (fv, &yaw0, &pitch0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        drag = GTK_GESTURE (c);
      else if (GTK_IS_GESTURE_CLICK (c))
        click = GTK_GESTURE (c);
    }
  g_assert_nonnull (drag);
  g_assert_nonnull (click);

  g_signal_emit_by_name (drag, "drag-begin", 100.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", -100.0, 30.0);
  steady_figure_view_get_orbit (fv, &yaw, &pitch);
  g_assert_cmpfloat_with_epsilon (yaw, yaw0 + 40.0, 0.01);
  g_assert_cmpfloat_with_epsilon (pitch, pitch0 + 9.0, 0.01);

  /* A double click puts the camera back. */
  g_signal_emit_by_name (click, "pressed", 2, 100.0, 100.0);
  steady_figure_view_get_orbit (fv, &yaw, &pitch);
  g_assert_cmpfloat (yaw, ==, yaw0);
  g_assert_cmpfloat (pitch, ==, pitch0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  path = g_test_build_filename (G_TEST_DIST, "figure-program.xml", NULL);
  file = g_file_new_for_path (path);
  program = steady_program_new_from_file (file, &error);
  g_assert_no_error (error);

  g_test_add_func ("/figure-view/same-pixels-as-painter", test_same_pixels_as_painter);
  g_test_add_func ("/figure-view/same-pixels-as-tool", test_same_pixels_as_tool);
  g_test_add_func ("/figure-view/ticks-only-while-moving", test_ticks_only_while_moving);
  g_test_add_func ("/figure-view/loop-moves", test_loop_moves);
  g_test_add_func ("/figure-view/reduced-motion", test_reduced_motion);
  g_test_add_func ("/figure-view/accessible", test_accessible);
  g_test_add_func ("/figure-view/orbit", test_orbit);

  status = g_test_run ();
  g_clear_object (&program);

  return status;
}

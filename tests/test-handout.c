/* test-handout.c: the printable home-program handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "steady-handout.h"
#include "steady-program.h"

static SteadyProgram *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  SteadyProgram *program = steady_program_new_builtin (&error);

  g_assert_no_error (error);
  return program;
}

/* The share of pixels that are not (nearly) white. */
static double
ink_coverage (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  int inked = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = data + y * stride + 4 * x;

        if (p[0] < 235 || p[1] < 235 || p[2] < 235)
          inked++;
      }

  return (double) inked / (w * h);
}

static cairo_surface_t *
render_page (SteadyProgram *program,
             guint          page,
             GHashTable    *settings,
             gboolean      *drawn)
{
  /* A4 at 50 dpi. */
  int w = 413, h = 585;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);

  *drawn = steady_handout_render (cr, page, w, h, program, settings);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
test_pages_have_ink (void)
{
  g_autoptr(SteadyProgram) program = builtin ();
  guint n = steady_handout_get_n_pages (program);
  gboolean drawn;

  /* A cover and one page per drill. */
  g_assert_cmpuint (n, ==, 1 + g_list_model_get_n_items (steady_program_get_drills (program)));
  g_assert_cmpuint (n, ==, 4);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = render_page (program, i, NULL, &drawn);
      double ink = ink_coverage (surface);

      g_assert_true (drawn);
      g_test_message ("page %u: %.1f%% ink", i + 1, ink * 100);
      /* Text and (on drill pages) three figures: clearly not blank, and
       * not a page painted over either. */
      g_assert_cmpfloat (ink, >, i == 0 ? 0.04 : 0.065);
      g_assert_cmpfloat (ink, <, 0.6);
      cairo_surface_destroy (surface);
    }

  /* Past the last page nothing is drawn. */
  cairo_surface_destroy (render_page (program, n, NULL, &drawn));
  g_assert_false (drawn);
}

/* Each drill page's top third holds the pose pictures: far more ink there
 * than on the cover's, which is text only. */
static void
test_drill_pages_have_figures (void)
{
  g_autoptr(SteadyProgram) program = builtin ();
  gboolean drawn;

  for (guint i = 1; i < steady_handout_get_n_pages (program); i++)
    {
      cairo_surface_t *page = render_page (program, i, NULL, &drawn);
      cairo_surface_t *band = cairo_surface_create_for_rectangle (page, 35, 115, 343, 80);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 343, 80);
      cairo_t *cr = cairo_create (image);
      double ink;

      cairo_set_source_surface (cr, band, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      ink = ink_coverage (image);
      g_test_message ("page %u, figures: %.1f%% ink", i + 1, ink * 100);
      g_assert_cmpfloat (ink, >, 0.2);
      cairo_surface_destroy (image);
      cairo_surface_destroy (band);
      cairo_surface_destroy (page);
    }
}

static void
test_numbers (void)
{
  g_autoptr(SteadyProgram) program = builtin ();
  SteadyDrill *clamshell = steady_program_find_drill (program, "clamshell");
  SteadyDrill *circles = steady_program_find_drill (program, "quadruped-knee-circles");
  SteadyDrill *rotation = steady_program_find_drill (program, "supine-knee-rotation");
  SteadySessionSettings settings;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  steady_session_settings_init_from_drill (&settings, clamshell);
  a = steady_handout_format_numbers (clamshell, &settings);
  g_assert_cmpstr (a, ==, "15 reps · each side · hold 5 s");

  steady_session_settings_init_from_drill (&settings, circles);
  b = steady_handout_format_numbers (circles, &settings);
  g_assert_cmpstr (b, ==, "5 circles each way · each side");

  steady_session_settings_init_from_drill (&settings, rotation);
  c = steady_handout_format_numbers (rotation, &settings);
  g_assert_cmpstr (c, ==, "once · each side · hold 30 s · breathe in 4 s, out 6 s");

  steady_session_settings_init_from_drill (&settings, clamshell);
  settings.reps = 18;
  settings.hold = 7;
  settings.sides = STEADY_SIDE_RIGHT;
  d = steady_handout_format_numbers (clamshell, &settings);
  g_assert_cmpstr (d, ==, "18 reps · right side only · hold 7 s");
}

/* The patient's own numbers change what is printed. */
static void
test_settings_change_page (void)
{
  g_autoptr(SteadyProgram) program = builtin ();
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) steady_session_settings_free);
  SteadySessionSettings mine;
  cairo_surface_t *plain, *custom;
  gboolean drawn;
  int differing = 0, stride;
  const guchar *p, *q;

  steady_session_settings_init_from_drill (&mine, steady_program_find_drill (program, "clamshell"));
  mine.reps = 20;
  mine.hold = 10;
  g_hash_table_insert (settings, (gpointer) "clamshell", steady_session_settings_copy (&mine));

  plain = render_page (program, 1, NULL, &drawn);
  custom = render_page (program, 1, settings, &drawn);
  stride = cairo_image_surface_get_stride (plain);
  p = cairo_image_surface_get_data (plain);
  q = cairo_image_surface_get_data (custom);
  for (int i = 0; i < stride * cairo_image_surface_get_height (plain); i++)
    if (p[i] != q[i])
      differing++;
  g_assert_cmpint (differing, >, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (custom);
}

static void
test_pdf (void)
{
  g_autoptr(SteadyProgram) program = builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-handout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  gsize length;
  guint pages = 0;

  g_assert_no_error (error);
  g_assert_true (steady_handout_write_pdf (program, NULL, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Count the page objects; "/Type /Pages" is the tree, not a page. */
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL; p += 11)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 4);

  if (pdftoppm == NULL)
    g_test_message ("pdftoppm is not installed: the PDF's pages are not rasterised");
  else
    {
      g_autofree char *prefix = g_build_filename (dir, "page", NULL);
      const char *argv[] = { pdftoppm, "-r", "40", "-png", path, prefix, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      for (guint i = 1; i <= 5; i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u.png", prefix, i);
          cairo_surface_t *png;

          if (i == 5)
            {
              /* There is no fifth page. */
              g_assert_false (g_file_test (name, G_FILE_TEST_EXISTS));
              break;
            }
          png = cairo_image_surface_create_from_png (name);
          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          /* A4 at 40 dpi. */
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 331);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 468);
          g_assert_cmpfloat (ink_coverage (png), >, 0.04);
          cairo_surface_destroy (png);
          g_unlink (name);
        }
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(SteadyProgram) program = builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-steady-dir/handout.pdf");

  g_assert_false (steady_handout_write_pdf (program, NULL, file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-steady-dir/handout.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout/pages-have-ink", test_pages_have_ink);
  g_test_add_func ("/handout/drill-pages-have-figures", test_drill_pages_have_figures);
  g_test_add_func ("/handout/numbers", test_numbers);
  g_test_add_func ("/handout/settings-change-page", test_settings_change_page);
  g_test_add_func ("/handout/pdf", test_pdf);
  g_test_add_func ("/handout/pdf-unwritable", test_pdf_unwritable);

  return g_test_run ();
}

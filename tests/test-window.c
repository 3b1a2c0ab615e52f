/* test-window.c: the application window — welcome, deck, drills, errors
 *
 * Runs under the virtual display of build-aux/dev test (Xvfb, cairo
 * renderer, GTK_A11Y=test). One application for the whole binary,
 * registered once; each test opens its own window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "steady-application.h"
#include "ui-test.h"
#include "steady-card-page.h"
#include "steady-checkin-view.h"
#include "steady-coach-page.h"
#include "steady-deck.h"
#include "steady-drill-numbers.h"
#include "steady-drill-page.h"
#include "steady-drills-page.h"
#include "steady-figure-view.h"
#include "steady-window.h"

static SteadyApplication *app;


static GFile *
test_lesson_file (void)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "ui-lesson.xml", NULL));
}

static SteadyProgram *
load_test_lesson (void)
{
  g_autoptr(GFile) file = test_lesson_file ();
  g_autoptr(GError) error = NULL;
  SteadyProgram *program;

  program = steady_program_new_from_file (file, &error);
  g_assert_no_error (error);
  return program;
}

/* Lets pending layout and style changes (size classes, pages) settle. */

static SteadyWindow *
open_window (SteadyProgram *program,
             int            width,
             int            height)
{
  SteadyWindow *window = steady_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (program != NULL)
    steady_window_set_program (window, program);
  else
    g_assert_true (steady_window_open_builtin (window));

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_settle (GTK_WIDGET (window));
  /* Within the client-side border the window draws around itself. */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 24);

  return window;
}

static void
close_window (SteadyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
activate (SteadyWindow *window,
          const char   *action,
          GVariant     *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

/* The card at @position fills the deck: it is the deck's position and the
 * carousel has scrolled it into view. */
static void
assert_card_shown (SteadyWindow  *window,
                   SteadyProgram *program,
                   guint          position)
{
  SteadyDeck *deck = steady_window_get_deck (window);
  SteadyCardPage *page;
  graphene_rect_t bounds;

  g_assert_cmpstr (steady_window_get_page_name (window), ==, "deck");
  g_assert_cmpuint (steady_deck_get_position (deck), ==, position);

  page = steady_deck_get_card_page (deck, position);
  g_assert_cmpstr (steady_card_page_get_title (page), ==,
                   steady_card_get_title (steady_program_get_card (program, position)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (page), GTK_WIDGET (deck), &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, 0.0, 1.0);
}

/* A subprocess (xdotool, a second steady) ended successfully. */
static void
on_subprocess_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Screenshots ---------------------------------------------------------- */

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Renders @window the way it is on screen and writes
 * $G_TEST_BUILDDIR/screenshots/NAME-{light,dark}-WIDTH.png. */
static void
save_screenshot (SteadyWindow *window,
                 const char   *name)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (window));
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree char *file_name = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride;
  guint32 first;
  gboolean varied = FALSE;
  int default_width, default_height;

  /* Something was drawn: the picture is not one flat colour. */
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  memcpy (&first, pixels, sizeof first);
  for (gsize i = 0; i < stride * height && !varied; i += 4)
    varied = memcmp (&first, pixels + i, sizeof first) != 0;
  g_assert_true (varied);

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  file_name = g_strdup_printf ("%s-%s-%d.png", name, dark ? "dark" : "light", default_width);
  ui_test_save_png (texture, file_name);
}

static void
screenshots_at (int width,
                int height)
{
  g_autoptr(SteadyProgram) lesson = load_test_lesson ();
  g_autoptr(SteadyProgram) builtin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-test-XXXXXX", &error);
  g_autofree char *broken_path = NULL;
  g_autoptr(GFile) broken = NULL;
  const gboolean schemes[] = { FALSE, TRUE };

  g_assert_no_error (error);
  builtin = steady_program_new_builtin (&error);
  g_assert_no_error (error);

  broken_path = g_build_filename (dir, "broken.xml", NULL);
  g_assert_true (g_file_set_contents (broken_path,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<program id=\"clinic\" version=\"1\">\n"
                                      "  <title>Clinic lesson</title>\n"
                                      "  <cards>\n"
                                      "    <card id=\"a\">\n",
                                      -1, NULL));
  broken = g_file_new_for_path (broken_path);

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      SteadyWindow *window;
      guint n;

      set_dark (schemes[s]);
      window = open_window (builtin, width, height);

      save_screenshot (window, "welcome");

      /* Three cards of the built-in lesson: the first, one in the middle
       * and the last, which leads on to the drills. */
      activate (window, "win.show-deck", NULL);
      n = steady_deck_get_n_cards (steady_window_get_deck (window));
      for (guint i = 0; i < 3 && i < n; i++)
        {
          guint position = i == 0 ? 0 : i == 1 ? n / 2 : n - 1;
          g_autofree char *name = g_strdup_printf ("card-%02u", position + 1);

          steady_deck_go_to (steady_window_get_deck (window), position, FALSE);
          ui_test_settle (GTK_WIDGET (window));
          assert_card_shown (window, builtin, position);
          save_screenshot (window, name);
        }

      activate (window, "win.show-drills", NULL);
      save_screenshot (window, "drills");

      activate (window, "win.open-drill",
                g_variant_new_string (steady_drill_get_id (steady_program_find_drill (builtin, "clamshell"))));
      save_screenshot (window, "drill-clamshell");

      /* The test lesson: cards of other lengths, all three drills. */
      steady_window_set_program (window, lesson);
      activate (window, "win.show-deck", NULL);
      steady_deck_go_to (steady_window_get_deck (window), 1, FALSE);
      ui_test_settle (GTK_WIDGET (window));
      assert_card_shown (window, lesson, 1);
      save_screenshot (window, "test-card-long");
      activate (window, "win.last", NULL);
      ui_test_settle (GTK_WIDGET (window));
      assert_card_shown (window, lesson, steady_program_get_n_cards (lesson) - 1);
      save_screenshot (window, "test-card-last");
      activate (window, "win.show-drills", NULL);
      save_screenshot (window, "test-drills");
      activate (window, "win.open-drill", g_variant_new_string ("supine-knee-rotation"));
      save_screenshot (window, "test-drill-rotation");

      g_assert_false (steady_window_open_file (window, broken));
      save_screenshot (window, "error");

      close_window (window);
    }

  set_dark (FALSE);
  g_unlink (broken_path);
  g_rmdir (dir);
}

static void
test_screenshots_large (void)
{
  screenshots_at (1920, 1080);
}

static void
test_screenshots_normal (void)
{
  screenshots_at (1000, 720);
}

static void
test_screenshots_narrow (void)
{
  screenshots_at (600, 800);
}

/* Large text and high contrast ------------------------------------------ */

#define ACCESS_START 1000.0
static double access_now = ACCESS_START;

static double
access_clock (gpointer user_data)
{
  return access_now;
}

/* GNOME's "Large Text" (1.5 × 96 dpi) and its high-contrast switch, the
 * way the desktop sets them: the Xft resolution on GtkSettings and the
 * org.gnome.desktop.a11y.interface key libadwaita reads when there is no
 * settings portal (as here; with one, the portal passes on the same key). */
static void
set_access_style (gboolean large_text,
                  gboolean high_contrast)
{
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

  if (large_text)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
  else
    gtk_settings_reset_property (gtk_settings_get_default (), "gtk-xft-dpi");
  g_settings_set_boolean (a11y, "high-contrast", high_contrast);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) == high_contrast);
}

/* Nothing on the page shown makes the window wider than @width: it fits
 * without clipping (what is too long wraps or scrolls). */
static void
assert_fits (SteadyWindow *window,
             int           width)
{
  int minimum;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s: at least %d px wide", steady_window_get_page_name (window), minimum);
  g_assert_cmpint (minimum, <=, width);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 24);
}

/* Every main page at 1.5 × text and in high contrast, in a window of
 * @width: welcome, cards with and without pictures, the drills, a drill,
 * the check-in, the coach in a hold, the stop card, the history and the
 * error page. */
static void
access_screenshots_at (int width,
                       int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) builtin = steady_program_new_builtin (&error);
  g_autofree char *dir = g_dir_make_tmp ("steady-test-XXXXXX", &error);
  g_autofree char *broken_path = NULL;
  g_autoptr(GFile) broken = NULL;
  const struct {
    const char *name;
    gboolean    large_text;
    gboolean    high_contrast;
  } styles[] = {
    { "text150", TRUE, FALSE },
    { "hc", FALSE, TRUE },
    { "text150-hc", TRUE, TRUE },
  };

  g_assert_no_error (error);
  broken_path = g_build_filename (dir, "broken.xml", NULL);
  g_assert_true (g_file_set_contents (broken_path, "<program id=\"clinic\">\n  <cards>\n", -1, NULL));
  broken = g_file_new_for_path (broken_path);
  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      SteadyWindow *window;
      SteadyCoachPage *coach;
      SteadyCheckinView *checkin;
      guint n;
      char name[64];

#define SHOT(page) \
      G_STMT_START { \
        g_snprintf (name, sizeof name, "%s-%s", styles[s].name, page); \
        save_screenshot (window, name); \
        assert_fits (window, width); \
      } G_STMT_END

      set_access_style (styles[s].large_text, styles[s].high_contrast);
      window = open_window (builtin, width, height);
      coach = steady_window_get_coach_page (window);
      checkin = steady_window_get_checkin_view (window);
      SHOT ("welcome");

      activate (window, "win.show-deck", NULL);
      n = steady_deck_get_n_cards (steady_window_get_deck (window));
      for (guint i = 0; i + 1 < n; i += 3)
        {
          g_autofree char *card = g_strdup_printf ("card-%02u", i + 1);

          steady_deck_go_to (steady_window_get_deck (window), i, FALSE);
          ui_test_settle (GTK_WIDGET (window));
          SHOT (card);
        }
      activate (window, "win.last", NULL);
      ui_test_settle (GTK_WIDGET (window));
      SHOT ("card-last");   /* with its "Go to the drills" */

      activate (window, "win.show-drills", NULL);
      SHOT ("drills");
      activate (window, "win.open-drill", g_variant_new_string ("clamshell"));
      SHOT ("drill-clamshell");

      access_now = ACCESS_START;
      steady_coach_page_set_now_func (coach, access_clock, NULL);
      activate (window, "win.start-drill", g_variant_new_string ("clamshell"));
      g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
      SHOT ("checkin");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checkin), "checkin.skip", NULL));
      access_now = ACCESS_START + 17.5;   /* rep 2's hold */
      steady_coach_page_update (coach);
      SHOT ("coach-hold");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.toggle-pause", NULL));
      SHOT ("coach-paused");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.stop", NULL));
      {
        SteadyCheckin after = { 0, };

        after.pop_urge = 4;
        after.pain = 8;
        after.popped = 1;
        after.painful = 1;
        steady_checkin_view_set_checkin (checkin, &after);
      }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checkin), "checkin.submit", NULL));
      g_assert_cmpstr (steady_window_get_page_name (window), ==, "stop");
      SHOT ("stop");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_stop_card (window)),
                                                 "stop-card.done", NULL));

      activate (window, "win.show-history", NULL);
      SHOT ("history");

      g_assert_false (steady_window_open_file (window, broken));
      SHOT ("error");
#undef SHOT

      close_window (window);
    }

  set_access_style (FALSE, FALSE);
  g_settings_reset (settings, "sound-mode");
  g_unlink (broken_path);
  g_rmdir (dir);
}

static void
test_access_screenshots_normal (void)
{
  access_screenshots_at (1000, 720);
}

static void
test_access_screenshots_narrow (void)
{
  access_screenshots_at (600, 800);
}

/* Welcome ---------------------------------------------------------------- */

static void
test_welcome (void)
{
  SteadyWindow *window = open_window (NULL, 1000, 720);

  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  g_assert_nonnull (steady_window_get_program (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Steady");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (steady_window_get_deck (window))));

  /* Nothing to go back to, and the card keys do nothing here. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  g_assert_cmpuint (steady_deck_get_position (steady_window_get_deck (window)), ==, 0);

  activate (window, "win.show-drills", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drills");
  activate (window, "win.back", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");

  close_window (window);
}

/* The deck with actions ---------------------------------------------------- */

static void
walk_deck_with_actions (SteadyProgram *program)
{
  SteadyWindow *window = open_window (program, 1000, 720);
  SteadyDeck *deck = steady_window_get_deck (window);
  guint n = steady_program_get_n_cards (program);

  activate (window, "win.show-deck", NULL);
  g_assert_cmpuint (steady_deck_get_n_cards (deck), ==, n);

  /* Forward through every card, in order. */
  for (guint i = 0; i < n; i++)
    {
      ui_test_settle (GTK_WIDGET (window));
      assert_card_shown (window, program, i);
      /* Only the last card shows the way on to the drills (and then Next
       * is no longer the primary button). */
      g_assert_cmpint (steady_card_page_get_leads_to_drills (steady_deck_get_card_page (deck, i)),
                       ==, i + 1 == n);
      if (i + 1 < n)
        activate (window, "win.next", NULL);
    }

  /* And back again. */
  for (guint i = n; i-- > 1;)
    {
      activate (window, "win.previous", NULL);
      ui_test_settle (GTK_WIDGET (window));
      assert_card_shown (window, program, i - 1);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  assert_card_shown (window, program, 0);

  activate (window, "win.last", NULL);
  ui_test_settle (GTK_WIDGET (window));
  assert_card_shown (window, program, n - 1);
  if (n > 1)
    {
      activate (window, "win.first", NULL);
      ui_test_settle (GTK_WIDGET (window));
      assert_card_shown (window, program, 0);
      activate (window, "win.last", NULL);
    }

  /* Past the last card comes the list of drills; Back returns to the card. */
  activate (window, "win.next", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drills");
  activate (window, "win.back", NULL);
  ui_test_settle (GTK_WIDGET (window));
  assert_card_shown (window, program, n - 1);

  /* The last card's own button goes to the drills too. */
  activate (window, "win.show-drills", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drills");
  activate (window, "win.back", NULL);
  activate (window, "win.back", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");

  close_window (window);
}

static void
test_deck_actions_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);

  g_assert_no_error (error);
  walk_deck_with_actions (program);
}

static void
test_deck_actions_lesson (void)
{
  g_autoptr(SteadyProgram) program = load_test_lesson ();

  walk_deck_with_actions (program);
}

/* The deck with real keys and a real mouse drag (xdotool on Xvfb) -------- */

#ifdef GDK_WINDOWING_X11
static gboolean
xdotool_available (SteadyWindow *window)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window)));
}

/* Runs `xdotool windowfocus WINDOW ARGS…` while the main loop spins, so
 * that the window sees the input as it comes. */
static void
xdotool (SteadyWindow *window,
         const char   *first_arg,
         ...)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  g_ptr_array_add (argv, (char *) "windowfocus");
  g_ptr_array_add (argv, (char *) "--sync");
  g_ptr_array_add (argv, xid);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_subprocess_done, &done);
  WAIT_UNTIL (done);
}

static void
press_key (SteadyWindow *window,
           const char   *key)
{
  xdotool (window, "key", key, NULL);
}

static gboolean
deck_at (SteadyWindow *window,
         guint         position)
{
  return g_strcmp0 (steady_window_get_page_name (window), "deck") == 0 &&
         steady_deck_get_position (steady_window_get_deck (window)) == position;
}
#endif

static void
test_deck_keys (void)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  guint n = steady_program_get_n_cards (program);

  if (!xdotool_available (window))
    {
      close_window (window);
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  press_key (window, "Return");   /* "Learn why your hip pops" has the focus */
  WAIT_UNTIL (deck_at (window, 0));
  assert_card_shown (window, program, 0);

  for (guint i = 1; i < n; i++)
    {
      press_key (window, i % 2 ? "Right" : "Next");   /* Next is Page Down */
      WAIT_UNTIL (deck_at (window, i));
      ui_test_settle (GTK_WIDGET (window));
      assert_card_shown (window, program, i);
    }

  press_key (window, "Left");
  WAIT_UNTIL (deck_at (window, n - 2));
  press_key (window, "Prior");                        /* Page Up */
  WAIT_UNTIL (deck_at (window, n - 3));
  press_key (window, "Home");
  WAIT_UNTIL (deck_at (window, 0));
  press_key (window, "End");
  WAIT_UNTIL (deck_at (window, n - 1));
  ui_test_settle (GTK_WIDGET (window));
  assert_card_shown (window, program, n - 1);

  /* Right on the last card goes on to the drills; Escape comes back. */
  press_key (window, "Right");
  WAIT_UNTIL (g_strcmp0 (steady_window_get_page_name (window), "drills") == 0);
  press_key (window, "Escape");
  WAIT_UNTIL (deck_at (window, n - 1));
  press_key (window, "alt+Left");
  WAIT_UNTIL (g_strcmp0 (steady_window_get_page_name (window), "welcome") == 0);

  /* A drill's instructions scroll with the keys: the page has the focus. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 480);
  ui_test_settle (GTK_WIDGET (window));
  activate (window, "win.open-drill", g_variant_new_string ("clamshell"));
  ui_test_settle (GTK_WIDGET (window));
  {
    GtkWidget *page = GTK_WIDGET (steady_window_get_drill_page (window));
    GtkWidget *scroller = gtk_widget_get_first_child (page);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_true (gtk_widget_has_focus (page));
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
    press_key (window, "Next");
    WAIT_UNTIL (gtk_adjustment_get_value (adjustment) > 0);
    press_key (window, "End");
    WAIT_UNTIL (gtk_adjustment_get_value (adjustment) ==
                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    press_key (window, "Home");
    WAIT_UNTIL (gtk_adjustment_get_value (adjustment) == 0);
  }
  press_key (window, "Escape");
  WAIT_UNTIL (g_strcmp0 (steady_window_get_page_name (window), "welcome") == 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  ui_test_settle (GTK_WIDGET (window));

  /* Arrows on the welcome page move the focus, they turn no cards. */
  press_key (window, "Right");
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");

  close_window (window);
#else
  g_test_skip ("needs X11");
#endif
}

static void
test_deck_mouse_drag (void)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  if (!xdotool_available (window))
    {
      close_window (window);
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  activate (window, "win.show-deck", NULL);
  ui_test_settle (GTK_WIDGET (window));
  assert_card_shown (window, program, 0);

  /* Press on the card's text, drag 700 px (well past half the width, so
   * that the result does not hang on the release velocity of a loaded
   * machine) to the left in small steps the way a hand moves a mouse,
   * release: the next card. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
    g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    gboolean done = FALSE;

    g_ptr_array_add (args, g_strdup ("xdotool"));
    g_ptr_array_add (args, g_strdup ("mousemove"));
    g_ptr_array_add (args, g_strdup ("--window"));
    g_ptr_array_add (args, g_strdup (xid));
    g_ptr_array_add (args, g_strdup ("850"));
    g_ptr_array_add (args, g_strdup ("300"));
    g_ptr_array_add (args, g_strdup ("mousedown"));
    g_ptr_array_add (args, g_strdup ("1"));
    for (guint i = 0; i < 14; i++)
      {
        g_ptr_array_add (args, g_strdup ("sleep"));
        g_ptr_array_add (args, g_strdup ("0.02"));
        g_ptr_array_add (args, g_strdup ("mousemove_relative"));
        g_ptr_array_add (args, g_strdup ("--"));
        g_ptr_array_add (args, g_strdup ("-50"));
        g_ptr_array_add (args, g_strdup ("0"));
      }
    g_ptr_array_add (args, g_strdup ("mouseup"));
    g_ptr_array_add (args, g_strdup ("1"));
    g_ptr_array_add (args, NULL);

    process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
    g_assert_no_error (error);
    g_subprocess_wait_check_async (process, NULL, on_subprocess_done, &done);
    WAIT_UNTIL (done);
  }

  WAIT_UNTIL (deck_at (window, 1));
  ui_test_settle (GTK_WIDGET (window));
  assert_card_shown (window, program, 1);

  close_window (window);
#else
  g_test_skip ("needs X11");
#endif
}

/* Drills ------------------------------------------------------------------ */

static void
test_drill_numbers (void)
{
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  g_autofree char *clamshell = NULL;
  g_autofree char *circles = NULL;
  g_autofree char *rotation = NULL;

  clamshell = steady_drill_numbers_format (steady_program_find_drill (program, "clamshell"), NULL);
  circles = steady_drill_numbers_format (steady_program_find_drill (program, "quadruped-knee-circles"), NULL);
  rotation = steady_drill_numbers_format (steady_program_find_drill (program, "supine-knee-rotation"), NULL);

  /* Each number stays on one line: no-break spaces (U+00A0) inside, a
   * word joiner (U+2060) after a dash; lines break at the dots. */
#define NB "\u00a0"
#define WJ "\u2060"
  g_assert_cmpstr (clamshell, ==, "both" NB "sides · 15" NB "reps" NB "(15–" WJ "20) · hold" NB "5" NB "s" NB "(3–" WJ "10)");
  g_assert_cmpstr (circles, ==, "both" NB "sides · 5" NB "circles" NB "each" NB "way");
  g_assert_cmpstr (rotation, ==, "both" NB "sides · hold" NB "30" NB "s" NB "(30–" WJ "60) · breathe" NB "4" NB "s" NB "in," NB "6" NB "s" NB "out");
#undef NB
#undef WJ
}

static void
test_drills (void)
{
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  GListModel *drills = steady_program_get_drills (program);
  GtkListBox *list = steady_drills_page_get_list (steady_window_get_drills_page (window));
  SteadyDrillPage *drill_page = steady_window_get_drill_page (window);

  activate (window, "win.show-drills", NULL);
  ui_test_settle (GTK_WIDGET (window));

  g_assert_cmpuint (g_list_model_get_n_items (drills), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      g_autofree char *numbers = steady_drill_numbers_format (drill, NULL);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       steady_drill_get_title (drill));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, numbers);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

      /* Activating the row (Enter, a click or a tap) opens the drill. */
      g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
      WAIT_UNTIL (g_strcmp0 (steady_window_get_page_name (window), "drill") == 0);
      g_assert_true (steady_drill_page_get_drill (drill_page) == drill);

      activate (window, "win.back", NULL);
      g_assert_cmpstr (steady_window_get_page_name (window), ==, "drills");
    }

  close_window (window);
}

static void
test_drill_page (void)
{
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  SteadyDrill *drill = steady_program_find_drill (program, "clamshell");
  GtkWidget *page = GTK_WIDGET (steady_window_get_drill_page (window));
  const char * const *steps = steady_drill_get_steps (drill);
  const char * const *tips = steady_drill_get_tips (drill);
  g_autofree char *numbers = steady_drill_numbers_format (drill, NULL);

  activate (window, "win.open-drill", g_variant_new_string ("clamshell"));
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drill");

  g_assert_nonnull (ui_test_find_label (page, steady_drill_get_title (drill), FALSE));
  g_assert_nonnull (ui_test_find_label (page, steady_drill_get_summary (drill), FALSE));
  g_assert_nonnull (ui_test_find_label (page, numbers, FALSE));

  /* Every step with its number beside it, every tip with a bullet. */
  for (guint i = 0; steps[i] != NULL; i++)
    {
      GtkWidget *text = ui_test_find_label (page, steps[i], FALSE);
      GtkWidget *marker;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_assert_nonnull (text);
      g_assert_true (gtk_widget_get_mapped (text));
      marker = gtk_widget_get_prev_sibling (text);
      g_assert_true (GTK_IS_LABEL (marker));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (marker)), ==, number);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gtk_widget_get_parent (text)),
                                       GTK_ACCESSIBLE_ROLE_LIST_ITEM);
    }
  for (guint i = 0; tips[i] != NULL; i++)
    {
      GtkWidget *text = ui_test_find_label (page, tips[i], FALSE);

      g_assert_nonnull (text);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (text))), ==, "•");
    }

  /* The drill's own figure loops its motion in the slot. */
  {
    GtkWidget *own = steady_drill_page_get_figure (STEADY_DRILL_PAGE (page));

    g_assert_true (STEADY_IS_FIGURE_VIEW (own));
    g_assert_true (steady_figure_view_get_drill (STEADY_FIGURE_VIEW (own)) ==
                   steady_drill_page_get_drill (STEADY_DRILL_PAGE (page)));
    g_assert_true (gtk_widget_get_mapped (own));
  }

  /* Any widget fits the slot, full width, between the numbers and the steps. */
  {
    GtkWidget *figure = gtk_drawing_area_new ();
    GtkWidget *numbers_label = ui_test_find_label (page, numbers, FALSE);
    GtkWidget *first_step = ui_test_find_label (page, steps[0], FALSE);
    graphene_rect_t figure_bounds, numbers_bounds, step_bounds;

    steady_drill_page_set_figure (STEADY_DRILL_PAGE (page), figure);
    ui_test_settle (GTK_WIDGET (window));
    g_assert_true (gtk_widget_compute_bounds (figure, page, &figure_bounds));
    g_assert_true (gtk_widget_compute_bounds (numbers_label, page, &numbers_bounds));
    g_assert_true (gtk_widget_compute_bounds (first_step, page, &step_bounds));
    g_assert_cmpfloat (figure_bounds.size.height, >=, 320);
    g_assert_cmpfloat (figure_bounds.size.width, >, 600);
    g_assert_cmpfloat (figure_bounds.origin.y, >=, numbers_bounds.origin.y + numbers_bounds.size.height);
    g_assert_cmpfloat (figure_bounds.origin.y + figure_bounds.size.height, <=, step_bounds.origin.y);
    steady_drill_page_set_figure (STEADY_DRILL_PAGE (page), NULL);
    g_assert_null (steady_drill_page_get_figure (STEADY_DRILL_PAGE (page)));
  }

  close_window (window);
}

/* The figure's place on a card ------------------------------------------- */

static void
test_card_figure_slot (void)
{
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  SteadyCardPage *page;
  GtkWidget *figure = gtk_drawing_area_new ();
  graphene_rect_t figure_bounds;
  graphene_rect_t title_bounds;
  GtkWidget *title;

  /* The cards are built when the deck is first shown. */
  g_assert_cmpuint (steady_deck_get_n_cards (steady_window_get_deck (window)), ==, 0);
  activate (window, "win.show-deck", NULL);
  ui_test_settle (GTK_WIDGET (window));
  page = steady_deck_get_card_page (steady_window_get_deck (window), 0);

  /* Each card shows its illustration, moving only while it is in view. */
  {
    SteadyDeck *deck = steady_window_get_deck (window);
    SteadyCardPage *second = steady_deck_get_card_page (deck, 1);
    GtkWidget *own = steady_card_page_get_figure (page);
    GtkWidget *next = steady_card_page_get_figure (second);

    g_assert_true (STEADY_IS_FIGURE_VIEW (own));
    g_assert_cmpstr (steady_figure_view_get_illustration (STEADY_FIGURE_VIEW (own)), ==,
                     steady_card_get_illustration (steady_card_page_get_card (page)));
    g_assert_true (steady_figure_view_get_playing (STEADY_FIGURE_VIEW (own)));
    g_assert_false (steady_figure_view_get_playing (STEADY_FIGURE_VIEW (next)));

    activate (window, "win.next", NULL);
    ui_test_settle (GTK_WIDGET (window));
    g_assert_false (steady_figure_view_get_playing (STEADY_FIGURE_VIEW (own)));
    g_assert_true (steady_figure_view_get_playing (STEADY_FIGURE_VIEW (next)));
    activate (window, "win.previous", NULL);
    ui_test_settle (GTK_WIDGET (window));
  }

  /* Any widget fits the slot; it sits beside the text, left of the title. */
  steady_card_page_set_figure (page, figure);
  ui_test_settle (GTK_WIDGET (window));
  g_assert_true (steady_card_page_get_figure (page) == figure);
  g_assert_true (gtk_widget_get_mapped (figure));
  title = ui_test_find_label (GTK_WIDGET (page), steady_card_get_title (steady_card_page_get_card (page)), FALSE);
  g_assert_true (gtk_widget_compute_bounds (figure, GTK_WIDGET (page), &figure_bounds));
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (page), &title_bounds));
  g_assert_cmpfloat (figure_bounds.size.width, >, 300);
  g_assert_cmpfloat (figure_bounds.size.height, >, 300);
  g_assert_cmpfloat (figure_bounds.origin.x + figure_bounds.size.width, <=, title_bounds.origin.x);

  steady_card_page_set_figure (page, NULL);
  g_assert_null (steady_card_page_get_figure (page));

  close_window (window);
}

/* Errors ------------------------------------------------------------------- */

static void
test_error_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(SteadyProgram) none = NULL;
  g_autoptr(GRegex) position = NULL;
  SteadyWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.xml", NULL);
  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<program id=\"clinic\" version=\"1\">\n"
                                      "  <title>Clinic lesson</title>\n"
                                      "  <cards>\n"
                                      "    <card id=\"a\" illustration=\"safety\"><title>A</title><p>P</p></card>\n"
                                      "  </cards>\n"
                                      "  <drills>\n"
                                      "    <drill id=\"d\" motion=\"clamshell\">\n"
                                      "      <title>D</title><summary>S</summary>\n"
                                      "      <reps default=\"99\"/>\n"
                                      "      <step>Lie down.</step>\n"
                                      "    </drill>\n"
                                      "  </drills>\n"
                                      "</program>\n",
                                      -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  none = steady_program_new_from_file (file, &parse_error);
  g_assert_null (none);
  g_assert_nonnull (parse_error);

  window = open_window (NULL, 1000, 720);
  g_assert_false (steady_window_open_file (window, file));

  /* The parser's whole message, with file, line and column. */
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "error");
  g_assert_cmpstr (steady_window_get_error_text (window), ==, parse_error->message);
  position = g_regex_new ("^broken\\.xml:10:[0-9]+: ", 0, 0, NULL);
  g_assert_true (g_regex_match (position, steady_window_get_error_text (window), 0, NULL));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (ui_test_find_label (GTK_WIDGET (window),
                                                                  parse_error->message, FALSE))));
  /* Selectable, but nothing is selected until the user selects it. */
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (ui_test_find_label (GTK_WIDGET (window),
                                                                         parse_error->message, FALSE)),
                                                  NULL, NULL));
  g_assert_null (steady_window_get_program (window));

  /* Nothing of the old program is left to navigate to. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-deck", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "error");

  /* A file that is not there at all is an error page too. */
  {
    g_autofree char *missing_path = g_build_filename (dir, "missing.xml", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    g_assert_false (steady_window_open_file (window, missing));
    g_assert_cmpstr (steady_window_get_page_name (window), ==, "error");
    g_assert_true (strlen (steady_window_get_error_text (window)) > 0);
  }

  /* "Use the built-in program" recovers. */
  activate (window, "win.use-builtin", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");
  g_assert_nonnull (steady_window_get_program (window));
  activate (window, "win.show-deck", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "deck");

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* A second `steady --program FILE` hands its file to this instance. */
static void
test_second_instance (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *steady = g_test_build_filename (G_TEST_BUILT, "..", "src", "steady", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  SteadyWindow *window;
  gboolean done = FALSE;

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.xml", NULL);
  g_assert_true (g_file_set_contents (path, "<program id=\"x\" version=\"1\">\n  <oops/>\n", -1, NULL));

  window = open_window (NULL, 1000, 720);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "welcome");

  /* A relative path, resolved against the second launch's directory. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawn (launcher, &error, steady, "--program", "broken.xml", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_subprocess_done, &done);
  WAIT_UNTIL (done);

  g_assert_cmpstr (steady_window_get_page_name (window), ==, "error");
  g_assert_true (g_str_has_prefix (steady_window_get_error_text (window), "broken.xml:2:"));

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* `steady FILE` opens FILE as --program would; more files are refused
 * with a message instead of being silently dropped. */
static void
test_positional_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-test-XXXXXX", &error);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "figure-program.xml", NULL);
  g_autofree char *path = NULL, *contents = NULL;
  g_autofree char *steady = g_test_build_filename (G_TEST_BUILT, "..", "src", "steady", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSubprocess) refused = NULL;
  g_autoptr(GAsyncResult) communicated = NULL;
  g_autofree char *err = NULL;
  SteadyWindow *window;
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  path = g_build_filename (dir, "clinic.xml", NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  window = open_window (NULL, 1000, 720);
  g_assert_cmpstr (steady_program_get_source_name (steady_window_get_program (window)), !=, "clinic.xml");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawn (launcher, &error, steady, "clinic.xml", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_subprocess_done, &done);
  WAIT_UNTIL (done);
  g_assert_cmpstr (steady_program_get_source_name (steady_window_get_program (window)), ==, "clinic.xml");

  /* Two files, or a file besides --program: nothing is opened. */
  g_clear_object (&launcher);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  refused = g_subprocess_launcher_spawn (launcher, &error, steady, "clinic.xml", "other.xml", NULL);
  g_assert_no_error (error);
  /* This process answers the second one's call: wait without blocking. */
  g_subprocess_communicate_utf8_async (refused, NULL, NULL, on_communicated, &communicated);
  WAIT_UNTIL (communicated != NULL);
  g_assert_true (g_subprocess_communicate_utf8_finish (refused, communicated, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (refused), ==, 1);
  g_assert_cmpstr (err, ==, "steady: give one program file, as steady --program FILE\n");

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Accessibility and touch --------------------------------------------------- */

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;

  return FALSE;
}

/* Every button the user can reach says what it does to a screen reader and
 * is big enough for a finger. The window's own title-bar controls
 * (minimize, maximize, close) come from libadwaita and are left out. */
static void
check_controls (GtkWidget *widget,
                guint     *n_checked)
{
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && gtk_widget_is_drawable (widget))
    {
      g_test_message ("checking %s %s", G_OBJECT_TYPE_NAME (widget),
                      gtk_widget_get_tooltip_text (widget));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                     has_text_label (widget));
      g_assert_cmpint (gtk_widget_get_width (widget), >=, 48);
      g_assert_cmpint (gtk_widget_get_height (widget), >=, 48);
      (*n_checked)++;
      if (GTK_IS_MENU_BUTTON (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_controls (child, n_checked);
}

static void
test_accessibility (void)
{
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  SteadyDeck *deck = steady_window_get_deck (window);
  SteadyCardPage *page;
  guint n_checked = 0;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_ROLE_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Steady");

  check_controls (GTK_WIDGET (window), &n_checked);
  g_assert_cmpuint (n_checked, >=, 3);   /* menu, learn, drills */

  activate (window, "win.show-deck", NULL);
  ui_test_settle (GTK_WIDGET (window));
  n_checked = 0;
  check_controls (GTK_WIDGET (window), &n_checked);
  g_assert_cmpuint (n_checked, >=, 4);   /* back, menu, previous, next */

  /* Each card is a group named after its title. */
  page = steady_deck_get_card_page (deck, 0);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       steady_card_get_title (steady_program_get_card (program, 0)));

  activate (window, "win.last", NULL);
  ui_test_settle (GTK_WIDGET (window));
  n_checked = 0;
  check_controls (GTK_WIDGET (window), &n_checked);
  g_assert_cmpuint (n_checked, >=, 5);   /* … and "Go to the drills" */

  activate (window, "win.show-drills", NULL);
  ui_test_settle (GTK_WIDGET (window));
  n_checked = 0;
  check_controls (GTK_WIDGET (window), &n_checked);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (steady_drills_page_get_list (steady_window_get_drills_page (window))),
                                   GTK_ACCESSIBLE_ROLE_LIST);
  for (guint i = 0; i < 3; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (steady_drills_page_get_list (steady_window_get_drills_page (window)), i);

      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), >=, 48);
    }

  /* The keyboard reaches the drills: the first row has the focus. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (steady_drills_page_get_list (steady_window_get_drills_page (window)), 0))));

  close_window (window);
}

/* Sizes ---------------------------------------------------------------------- */

static void
test_size_classes (void)
{
  SteadyWindow *large = open_window (NULL, 1920, 1080);
  SteadyWindow *normal = open_window (NULL, 1000, 720);
  SteadyWindow *compact = open_window (NULL, 600, 720);

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (large), "steady-large"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (normal), "steady-large"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (normal), "steady-compact"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (compact), "steady-compact"));

  close_window (compact);
  close_window (normal);
  close_window (large);
}

/* The application ------------------------------------------------------------- */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
no_key_symbol_names (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), "Page_") != NULL)
    {
      g_test_message ("key cap “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      return FALSE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!no_key_symbol_names (child))
      return FALSE;

  return TRUE;
}

static void
test_about_and_shortcuts (void)
{
  SteadyWindow *window = open_window (NULL, 1000, 720);
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_auto(GStrv) accels = NULL;

  /* The accelerators set at startup. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Steady");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  gtk_window_destroy (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (gtk_window_get_title (shortcuts));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  /* Every key cap has a name a reader knows, not a key symbol's. */
  g_assert_true (no_key_symbol_names (GTK_WIDGET (shortcuts)));
  {
    g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (shortcuts));
    int width = gtk_widget_get_width (GTK_WIDGET (shortcuts));
    int height = gtk_widget_get_height (GTK_WIDGET (shortcuts));
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
    g_autofree char *path = g_build_filename (dir, "shortcuts-light.png", NULL);

    gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shortcuts)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
    g_assert_true (gdk_texture_save_to_png (texture, path));
  }

  /* A second launch while the shortcuts window has the focus goes to the
   * main window, not to a new one. */
  {
    g_autoptr(GFile) lesson = test_lesson_file ();
    guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

    steady_application_open_program (app, lesson);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
    g_assert_cmpstr (steady_program_get_id (steady_window_get_program (window)), ==, "ui-test");
  }
  gtk_window_destroy (shortcuts);

  close_window (window);
}

/* The window remembers its size; the program-file key picks the lesson. */
static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) lesson = test_lesson_file ();
  g_autofree char *lesson_path = g_file_get_path (lesson);
  SteadyWindow *window;
  int width;
  int height;

  window = open_window (NULL, 1100, 760);
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 760);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window opens at the remembered size, with the program the
   * settings name. */
  g_settings_set_string (settings, "program-file", lesson_path);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  steady_application_open_program (app, NULL);
  window = STEADY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 760);
  g_assert_nonnull (steady_window_get_program (window));
  g_assert_cmpstr (steady_program_get_id (steady_window_get_program (window)), ==, "ui-test");

  /* Asking again presents the same window, without reloading. */
  activate (window, "win.show-drills", NULL);
  steady_application_open_program (app, NULL);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "drills");

  g_settings_reset (settings, "program-file");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  close_window (window);
}

/* A clinician's numbers (Preferences) are what the drill page and the list
 * say, in the numbers line and in the steps, and they follow a change. */
static void
test_drill_patient_numbers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (NULL);
  SteadyDrill *drill = steady_program_find_drill (program, "clamshell");
  SteadyWindow *window = NULL;
  GtkWidget *page = NULL;
  GtkListBox *list;
  SteadySessionSettings values;
  g_autofree char *numbers = NULL;
  g_autofree char *numbers_after = NULL;

  g_assert_nonnull (drill);
  g_settings_set_uint (settings, "clamshell-reps", 18);
  g_settings_set_double (settings, "clamshell-hold", 8);
  window = open_window (program, 1000, 720);
  page = GTK_WIDGET (steady_window_get_drill_page (window));
  list = steady_drills_page_get_list (steady_window_get_drills_page (window));

  activate (window, "win.open-drill", g_variant_new_string ("clamshell"));
  ui_test_settle (GTK_WIDGET (window));

  steady_session_settings_init_from_drill (&values, drill);
  values.reps = 18;
  values.hold = 8;
  numbers = steady_drill_numbers_format (drill, &values);
  g_assert_nonnull (strstr (numbers, "18\u00a0reps"));
  g_assert_nonnull (strstr (numbers, "hold\u00a08\u00a0s"));
  g_assert_nonnull (ui_test_find_label (page, numbers, FALSE));
  g_assert_nonnull (ui_test_find_label (page, "Feel the muscle firm up under your fingers, and hold for 8 seconds.", FALSE));
  g_assert_nonnull (ui_test_find_label (page, "Do 18, then turn over and do the other side.", FALSE));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, numbers);

  /* Changed while the page is showing. */
  g_settings_set_double (settings, "clamshell-hold", 6);
  ui_test_settle (GTK_WIDGET (window));
  values.hold = 6;
  numbers_after = steady_drill_numbers_format (drill, &values);
  g_assert_nonnull (ui_test_find_label (page, numbers_after, FALSE));
  g_assert_nonnull (ui_test_find_label (page, "Feel the muscle firm up under your fingers, and hold for 6 seconds.", FALSE));
  g_assert_null (ui_test_find_label (page, "Feel the muscle firm up under your fingers, and hold for 8 seconds.", FALSE));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, numbers_after);

  g_settings_reset (settings, "clamshell-reps");
  g_settings_reset (settings, "clamshell-hold");
  close_window (window);
}

/* Whoever goes straight to the drills is offered the safety card first;
 * it opens the deck at that card. The card comes before the drill cards. */
static void
test_drills_safety (void)
{
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (NULL);
  g_autoptr(SteadyProgram) lesson = load_test_lesson ();
  SteadyWindow *window = open_window (program, 1000, 720);
  GtkWidget *drills = GTK_WIDGET (steady_window_get_drills_page (window));
  SteadyDeck *deck = steady_window_get_deck (window);
  GtkWidget *row;
  guint safety = 0;

  g_assert_nonnull (steady_program_find_safety_card (program, &safety));
  g_assert_cmpstr (steady_card_get_id (steady_program_get_card (program, safety + 1)), ==, "drill-clamshell");

  activate (window, "win.show-drills", NULL);
  row = ui_test_find_label (drills, "Safety first", FALSE);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));

  activate (window, "win.show-safety", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "deck");
  g_assert_cmpuint (steady_deck_get_position (deck), ==, safety);
  g_assert_cmpstr (steady_card_page_get_title (steady_deck_get_card_page (deck, safety)), ==, "Safety first");

  /* A program without a safety card offers none. */
  if (steady_program_find_safety_card (lesson, NULL) == NULL)
    {
      steady_window_set_program (window, lesson);
      activate (window, "win.show-drills", NULL);
      row = ui_test_find_label (drills, "Safety first", FALSE);
      g_assert_true (row == NULL || !gtk_widget_get_mapped (row));
    }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);

  /* Animations would make what is on screen depend on when we look. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/deck/actions-builtin", test_deck_actions_builtin);
  g_test_add_func ("/window/deck/actions-lesson", test_deck_actions_lesson);
  g_test_add_func ("/window/deck/keys", test_deck_keys);
  g_test_add_func ("/window/deck/mouse-drag", test_deck_mouse_drag);
  g_test_add_func ("/window/deck/figure-slot", test_card_figure_slot);
  g_test_add_func ("/window/drills/numbers", test_drill_numbers);
  g_test_add_func ("/window/drills/list", test_drills);
  g_test_add_func ("/window/drills/page", test_drill_page);
  g_test_add_func ("/window/drills/patient-numbers", test_drill_patient_numbers);
  g_test_add_func ("/window/drills/safety", test_drills_safety);
  g_test_add_func ("/window/error", test_error_page);
  g_test_add_func ("/window/second-instance", test_second_instance);
  g_test_add_func ("/window/positional-file", test_positional_file);
  g_test_add_func ("/window/accessibility", test_accessibility);
  g_test_add_func ("/window/size-classes", test_size_classes);
  g_test_add_func ("/application/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/application/settings", test_settings);
  g_test_add_func ("/window/screenshots/1920x1080", test_screenshots_large);
  g_test_add_func ("/window/screenshots/1000x720", test_screenshots_normal);
  g_test_add_func ("/window/screenshots/600x800", test_screenshots_narrow);
  g_test_add_func ("/window/screenshots/access/1000x720", test_access_screenshots_normal);
  g_test_add_func ("/window/screenshots/access/600x800", test_access_screenshots_narrow);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

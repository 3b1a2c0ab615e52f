/* test-keyboard.c: the whole app with the keyboard only
 *
 * Runs under the virtual display of build-aux/dev test. Real key presses
 * (xdotool, through the X server) walk from the welcome page through the
 * lesson cards to the drills, into a drill, through its check-in to the
 * coach, pause it with Space, stop it with Escape and come back to the
 * start. At each step the test checks where the focus is, that the window
 * shows it (focus-visible), that the focused widget is on screen, and that
 * its focus ring really is drawn: the pixels around it change when the
 * focus is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "steady-application.h"
#include "ui-test.h"
#include "steady-checkin-view.h"
#include "steady-coach-page.h"
#include "steady-card-page.h"
#include "steady-deck.h"
#include "steady-drill-page.h"
#include "steady-drills-page.h"
#include "steady-window.h"

static SteadyApplication *app;

/* The coach's clock, for the session run to its end. */
static double fake_now;

static double
test_now (gpointer user_data)
{
  return fake_now;
}

static SteadyProgram *
load_test_lesson (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "ui-lesson.xml", NULL));
  g_autoptr(GError) error = NULL;
  SteadyProgram *program;

  program = steady_program_new_from_file (file, &error);
  g_assert_no_error (error);
  return program;
}


static SteadyWindow *
open_window (SteadyProgram *program,
             int            width,
             int            height)
{
  SteadyWindow *window = steady_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  steady_window_set_program (window, program);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_settle (GTK_WIDGET (window));

  return window;
}

static void
close_window (SteadyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
page_name (SteadyWindow *window)
{
  return steady_window_get_page_name (window);
}

static GtkWidget *
focus_of (SteadyWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

#ifdef GDK_WINDOWING_X11
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

static gboolean
xdotool_available (SteadyWindow *window)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window)));
}

/* One real key press (`xdotool key KEY` into the window), with the main
 * loop spinning so that the window sees it as it comes. */
static void
press (SteadyWindow *window,
       const char   *key)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_test_message ("key %s", key);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              "xdotool", "windowfocus", "--sync", xid, "key", key, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_subprocess_done, &done);
  WAIT_UNTIL (done);
  /* The key events reach GTK after xdotool has sent them. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
}
#endif

/* The window drawn as it is on screen, as 32-bit pixels. */
static guchar *
render (SteadyWindow *window,
        int          *width,
        int          *height)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  ui_test_settle (widget);
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

/* The focus is on @expected (or inside it), the window shows the focus, the
 * widget is on screen — inside the window and inside the part of every
 * scrolled window around it that is in view — and its focus ring is drawn:
 * the pixels on and around it differ with and without the focus shown. */
static void
assert_focus_visible (SteadyWindow *window,
                      GtkWidget    *expected)
{
  GtkWidget *focus = focus_of (window);
  graphene_rect_t bounds;
  g_autofree guchar *shown = NULL;
  g_autofree guchar *hidden = NULL;
  int width, height, w2, h2;
  int x0, y0, x1, y1;
  gboolean differs = FALSE;

  g_assert_nonnull (focus);
  g_test_message ("focus: %s %s", G_OBJECT_TYPE_NAME (focus),
                  gtk_widget_get_tooltip_text (focus) != NULL ? gtk_widget_get_tooltip_text (focus) : "");
  g_assert_true (focus == expected || gtk_widget_is_ancestor (focus, expected));
  /* GTK shows the focus on every key press and hides it again 3 s after
   * the last one. A slow run (under the sanitizers) can take longer than
   * that to get here; the focus is then shown again as the next key
   * would. */
  if (!gtk_window_get_focus_visible (GTK_WINDOW (window)))
    {
      g_test_message ("the focus was hidden by GTK's 3 s timeout; showing it again");
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
    }
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  g_assert_true (gtk_widget_is_drawable (focus));

  /* On screen. */
  g_assert_true (gtk_widget_compute_bounds (focus, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)) + 0.5);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)) + 0.5);
  for (GtkWidget *ancestor = gtk_widget_get_parent (focus); ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t inner;

      if (!GTK_IS_SCROLLED_WINDOW (ancestor))
        continue;
      g_assert_true (gtk_widget_compute_bounds (focus, ancestor, &inner));
      /* At least a part of it, and its top, is in view. */
      g_assert_cmpfloat (inner.origin.y, >=, -0.5);
      g_assert_cmpfloat (inner.origin.y, <, gtk_widget_get_height (ancestor));
    }

  /* The focus ring is drawn. Hidden first: showing it again restarts
   * GTK's 3 s until it hides the focus by itself. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  hidden = render (window, &w2, &h2);
  for (guint attempt = 0; attempt < 3 && shown == NULL; attempt++)
    {
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
      shown = render (window, &width, &height);
      /* GTK's timeout hid the focus while drawing (slow runs): again. */
      if (!gtk_window_get_focus_visible (GTK_WINDOW (window)))
        g_clear_pointer (&shown, g_free);
    }
  g_assert_nonnull (shown);
  g_assert_cmpint (width, ==, w2);
  g_assert_cmpint (height, ==, h2);

  x0 = MAX (0, (int) bounds.origin.x - 4);
  y0 = MAX (0, (int) bounds.origin.y - 4);
  x1 = MIN (width, (int) (bounds.origin.x + bounds.size.width) + 4);
  y1 = MIN (height, (int) (bounds.origin.y + bounds.size.height) + 4);
  for (int y = y0; y < y1 && !differs; y++)
    differs = memcmp (shown + ((gsize) y * width + x0) * 4,
                      hidden + ((gsize) y * width + x0) * 4,
                      (gsize) (x1 - x0) * 4) != 0;
  g_assert_true (differs);
}

#ifdef GDK_WINDOWING_X11
/* Presses @key (Tab, say) until @target has the focus; fails after
 * @max_presses. The focus must move with each press. */
static void
move_focus_to (SteadyWindow *window,
               GtkWidget    *target,
               const char   *key,
               guint         max_presses)
{
  for (guint i = 0; i < max_presses; i++)
    {
      GtkWidget *focus = focus_of (window);

      if (focus == target || (focus != NULL && gtk_widget_is_ancestor (focus, target)))
        return;
      press (window, key);
    }

  g_assert_true (focus_of (window) == target);
}
#endif

static void
test_walk (void)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(SteadyProgram) program = load_test_lesson ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyWindow *window;
  SteadyDeck *deck;
  SteadyDrillsPage *drills;
  SteadyDrillPage *drill_page;
  SteadyCoachPage *coach;
  SteadyCheckinView *checkin;
  GtkListBox *list;
  GtkWidget *learn;
  GtkWidget *welcome_drills;
  GtkWidget *next;
  GtkWidget *drills_button;
  GtkWidget *start;
  GtkWidget *skip;
  GtkWidget *pause;
  guint n;

  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);
  window = open_window (program, 1000, 720);
  if (!xdotool_available (window))
    {
      close_window (window);
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  /* The pointer stays out of the way: a pointer over the window that
   * moves (or seems to, as pages change under it) hides the focus. */
  {
    g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL,
                                                       "xdotool", "mousemove", "--sync", "1919", "1079", NULL);

    g_assert_nonnull (process);
    g_assert_true (g_subprocess_wait_check (process, NULL, NULL));
  }

  deck = steady_window_get_deck (window);
  drills = steady_window_get_drills_page (window);
  drill_page = steady_window_get_drill_page (window);
  coach = steady_window_get_coach_page (window);
  checkin = steady_window_get_checkin_view (window);
  list = steady_drills_page_get_list (drills);
  n = steady_program_get_n_cards (program);

  /* Welcome: the first button has the focus; Tab and Shift+Tab move it,
   * and from the first key on the window shows where it is. */
  g_assert_cmpstr (page_name (window), ==, "welcome");
  learn = ui_test_find_action (GTK_WIDGET (window), "win.show-deck");
  welcome_drills = ui_test_find_action (GTK_WIDGET (window), "win.show-drills");
  g_assert_true (focus_of (window) == learn);
  press (window, "Tab");
  WAIT_UNTIL (focus_of (window) == ui_test_find_action (GTK_WIDGET (window), "win.show-drills"));
  assert_focus_visible (window, ui_test_find_action (GTK_WIDGET (window), "win.show-drills"));
  press (window, "shift+Tab");
  WAIT_UNTIL (focus_of (window) == learn);
  assert_focus_visible (window, learn);

  /* F10 opens the main menu, Escape closes it and the focus comes back;
   * Ctrl+? shows the shortcuts. */
  {
    GtkWidget *menu_button = find_menu_button (GTK_WIDGET (window));
    GtkPopover *popover;
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_toplevels = g_list_model_get_n_items (toplevels);

    g_assert_nonnull (menu_button);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
    press (window, "F10");
    WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (popover)));
    press (window, "Escape");
    WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_cmpstr (page_name (window), ==, "welcome");

    press (window, "ctrl+question");
    WAIT_UNTIL (g_list_model_get_n_items (toplevels) > n_toplevels);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          gtk_window_destroy (toplevel);
      }
    WAIT_UNTIL (g_list_model_get_n_items (toplevels) == n_toplevels);
    gtk_window_present (GTK_WINDOW (window));
    ui_test_settle (GTK_WIDGET (window));
    press (window, "Tab");
    press (window, "shift+Tab");
    move_focus_to (window, learn, "shift+Tab", 6);
    assert_focus_visible (window, learn);
  }

  /* Space on "Learn why your hip pops": the deck, Next has the focus. */
  press (window, "space");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "deck") == 0);
  next = ui_test_find_action (GTK_WIDGET (deck), "win.next");
  assert_focus_visible (window, next);

  /* Page Down, the arrows, Page Up and End turn the cards; Enter on the
   * focused Next too. */
  press (window, "Next");        /* Page Down */
  WAIT_UNTIL (steady_deck_get_position (deck) == 1);
  press (window, "Right");
  WAIT_UNTIL (steady_deck_get_position (deck) == 2);
  press (window, "Prior");       /* Page Up */
  WAIT_UNTIL (steady_deck_get_position (deck) == 1);
  press (window, "Left");
  WAIT_UNTIL (steady_deck_get_position (deck) == 0);
  press (window, "Return");
  WAIT_UNTIL (steady_deck_get_position (deck) == 1);
  assert_focus_visible (window, next);
  press (window, "End");
  WAIT_UNTIL (steady_deck_get_position (deck) == n - 1);
  ui_test_settle (GTK_WIDGET (window));
  assert_focus_visible (window, next);

  /* The last card's own "Go to the drills" is reached with Tab. */
  drills_button = ui_test_find_action (GTK_WIDGET (steady_deck_get_card_page (deck, n - 1)),
                                      "win.show-drills");
  g_assert_nonnull (drills_button);
  move_focus_to (window, drills_button, "shift+Tab", 8);
  assert_focus_visible (window, drills_button);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "drills") == 0);

  /* The drills: the first row has the focus; the arrows move along. */
  assert_focus_visible (window, GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  press (window, "Down");
  WAIT_UNTIL (focus_of (window) == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  press (window, "Up");
  WAIT_UNTIL (focus_of (window) == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  assert_focus_visible (window, GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));

  /* Enter opens the drill; the page has the focus (it scrolls with the
   * keys), and Tab goes on to Start. */
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "drill") == 0);
  assert_focus_visible (window, GTK_WIDGET (drill_page));
  start = ui_test_find_action (GTK_WIDGET (drill_page), "win.start-drill");
  move_focus_to (window, start, "Tab", 4);
  assert_focus_visible (window, start);

  /* Start: the check-in first, its first question has the focus; Tab
   * reaches Skip. */
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "checkin") == 0);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (checkin)));
  assert_focus_visible (window, focus_of (window));
  /* The arrows answer the scale. */
  press (window, "Right");
  {
    SteadyCheckin answers;

    steady_checkin_view_get_checkin (checkin, &answers);
    g_assert_cmpint (answers.pop_urge, ==, 1);
    g_assert_cmpint (answers.pain, ==, STEADY_CHECKIN_SKIPPED);
    /* Delete takes the answer back; Left on the scale at 0 answers 0. */
    press (window, "Delete");
    steady_checkin_view_get_checkin (checkin, &answers);
    g_assert_cmpint (answers.pop_urge, ==, STEADY_CHECKIN_SKIPPED);
    press (window, "Left");
    steady_checkin_view_get_checkin (checkin, &answers);
    g_assert_cmpint (answers.pop_urge, ==, 0);
  }
  skip = ui_test_find_action (GTK_WIDGET (checkin), "checkin.skip");
  move_focus_to (window, skip, "Tab", 12);
  assert_focus_visible (window, skip);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "coach") == 0);

  /* The coach runs; Pause has the focus. Space pauses and resumes from
   * anywhere on the page. */
  g_assert_cmpint (steady_coach_page_get_state (coach), ==, STEADY_COACH_STATE_RUNNING);
  pause = ui_test_find_action (GTK_WIDGET (coach), "coach.toggle-pause");
  assert_focus_visible (window, pause);
  press (window, "space");
  WAIT_UNTIL (steady_coach_page_get_state (coach) == STEADY_COACH_STATE_PAUSED);
  assert_focus_visible (window, pause);
  move_focus_to (window, ui_test_find_action (GTK_WIDGET (coach), "coach.skip"), "Tab", 4);
  assert_focus_visible (window, ui_test_find_action (GTK_WIDGET (coach), "coach.skip"));
  press (window, "space");
  WAIT_UNTIL (steady_coach_page_get_state (coach) == STEADY_COACH_STATE_RUNNING);
  press (window, "space");
  WAIT_UNTIL (steady_coach_page_get_state (coach) == STEADY_COACH_STATE_PAUSED);

  /* Escape stops; the "after" check-in asks how it went. */
  press (window, "Escape");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "checkin") == 0);
  g_assert_cmpint (steady_checkin_view_get_moment (checkin), ==, STEADY_CHECKIN_AFTER);
  assert_focus_visible (window, focus_of (window));
  move_focus_to (window, skip, "Tab", 12);
  press (window, "Return");

  /* Back on the drill, then Escape and Alt+Left go back to the start. */
  WAIT_UNTIL (g_strcmp0 (page_name (window), "drill") == 0);
  assert_focus_visible (window, GTK_WIDGET (drill_page));
  press (window, "Escape");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "drills") == 0);
  assert_focus_visible (window, GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  press (window, "Escape");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "deck") == 0);
  assert_focus_visible (window, next);
  press (window, "alt+Left");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "welcome") == 0);
  assert_focus_visible (window, learn);

  /* A session to its end, on a clock the test moves: the after check-in,
   * then the coach's Done, whose first button has the focus; Enter goes
   * back to the drills. */
  press (window, "Tab");
  WAIT_UNTIL (focus_of (window) == welcome_drills);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "drills") == 0);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "drill") == 0);
  fake_now = 1000.0;
  steady_coach_page_set_now_func (coach, test_now, NULL);
  move_focus_to (window, start, "Tab", 4);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "checkin") == 0);
  move_focus_to (window, skip, "Tab", 12);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "coach") == 0);
  fake_now = 1000.0 + 100000.0;
  steady_coach_page_update (coach);
  WAIT_UNTIL (g_strcmp0 (page_name (window), "checkin") == 0);
  assert_focus_visible (window, focus_of (window));
  move_focus_to (window, skip, "Tab", 12);
  press (window, "Return");
  WAIT_UNTIL (g_strcmp0 (page_name (window), "coach") == 0 &&
              steady_coach_page_get_state (coach) == STEADY_COACH_STATE_DONE);
  {
    GtkWidget *back_to_drills = ui_test_find_action (GTK_WIDGET (coach), "win.show-drills");

    assert_focus_visible (window, back_to_drills);
    press (window, "Return");
    WAIT_UNTIL (g_strcmp0 (page_name (window), "drills") == 0);
  }

  close_window (window);
  g_settings_reset (settings, "sound-mode");
#else
  g_test_skip ("needs X11");
#endif
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* No sound server on the test machine counts (see test-cue-engine). */
  g_setenv ("PULSE_SERVER", "unix:/nonexistent", TRUE);

  /* Pages change without sliding, so that what has the focus is on screen
   * when the test looks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/keyboard/walk", test_walk);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}


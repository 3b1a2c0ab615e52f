/* test-kiosk-layout.c: every kiosk page fits the screen
 *
 * Runs under the virtual display of build-aux/dev test. Walks every card,
 * every drill page and the "Do this at home" page, in English and in
 * Spanish, at 1280×720 (cage's headless output, small panels), at
 * 1920×1080 and at 608×1080 (a portrait panel, as tall as the virtual
 * screen allows), and checks by allocation that each page's text and buttons
 * lie inside the window (and a card's text inside its own page, unscrolled).
 * Each page is saved in build/tests/screenshots as kiosk-layout-*.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-deck.h"
#include "steady-figure-view.h"
#include "steady-kiosk-window.h"
#include "ui-test.h"

#define S(x) ((gint64) ((x) * (double) G_USEC_PER_SEC))
#define T0 S(5000)

typedef struct
{
  const char *language;   /* NULL: the default (English) */
  int         width;
  int         height;
} Layout;

static SteadyApplication *app;

/* Enough frames for the size class and every text-fitting step to land. */
static void
settle (GtkWidget *window)
{
  for (guint i = 0; i < 12; i++)
    {
      gtk_widget_queue_draw (window);
      gtk_test_widget_wait_for_draw (window);
    }
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_drawn_action (GtkWidget  *root,
                   const char *action)
{
  GtkWidget *found = ui_test_find (root, has_action, action, TRUE);

  g_assert_nonnull (found);
  return found;
}

/* @widget lies inside @area (both in @window's coordinates). */
static void
assert_inside (GtkWidget  *window,
               GtkWidget  *widget,
               GtkWidget  *area,
               const char *what)
{
  graphene_rect_t w, a;
  const Layout *layout = g_object_get_data (G_OBJECT (window), "test-layout");

  /* A page that needs more room than the screen has makes the window
   * grow past it: the screen's size is the limit. */
  g_assert_cmpint (gtk_widget_get_width (window), <=, layout->width);
  g_assert_cmpint (gtk_widget_get_height (window), <=, layout->height);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &w));
  g_assert_true (gtk_widget_compute_bounds (area, window, &a));
  if (w.origin.x < a.origin.x - 0.5 || w.origin.y < a.origin.y - 0.5
      || w.origin.x + w.size.width > a.origin.x + a.size.width + 0.5
      || w.origin.y + w.size.height > a.origin.y + a.size.height + 0.5)
    g_error ("%s (%s) at %g,%g %g×%g runs out of %s at %g,%g %g×%g", what,
             G_OBJECT_TYPE_NAME (widget), w.origin.x, w.origin.y, w.size.width, w.size.height,
             G_OBJECT_TYPE_NAME (area), a.origin.x, a.origin.y, a.size.width, a.size.height);
}

/* Every drawn label and button under @root lies inside the window. */
static void
assert_all_inside (GtkWidget  *window,
                   GtkWidget  *root,
                   const char *what)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ui_test_collect_type (root, GTK_TYPE_LABEL, TRUE, found);
  ui_test_collect_type (root, GTK_TYPE_BUTTON, TRUE, found);
  g_assert_cmpuint (found->len, >, 0);
  for (guint i = 0; i < found->len; i++)
    assert_inside (window, found->pdata[i], window, what);
}

static void
shot (GtkWidget    *window,
      const Layout *layout,
      const char   *page)
{
  g_autoptr(GdkTexture) texture = ui_test_render (window);
  g_autofree char *name = g_strdup_printf ("kiosk-layout-%s-%dx%d-%s.png",
                                           layout->language != NULL ? layout->language : "en",
                                           layout->width, layout->height, page);

  ui_test_save_png (texture, name);
}

static void
test_layout (gconstpointer data)
{
  const Layout *layout = data;
  SteadyKioskWindow *kiosk = steady_kiosk_window_new (GTK_APPLICATION (app), NULL);
  GtkWidget *window = GTK_WIDGET (kiosk);
  SteadyDeck *deck;
  gint64 now = T0;
  guint n_drills;

  g_object_set_data (G_OBJECT (kiosk), "test-layout", (gpointer) layout);
  steady_kiosk_window_use_manual_clock (kiosk, now);
  gtk_window_set_default_size (GTK_WINDOW (kiosk), layout->width, layout->height);
  gtk_window_present (GTK_WINDOW (kiosk));
  gtk_test_widget_wait_for_draw (window);
  settle (window);
  /* Not full screen here (no window manager): the window's own edges
   * take a few pixels of the size asked for. */
  g_assert_cmpint (gtk_widget_get_width (window), <=, layout->width);
  g_assert_cmpint (gtk_widget_get_width (window), >=, layout->width - 16);
  g_assert_cmpint (gtk_widget_get_height (window), <=, layout->height);
  g_assert_cmpint (gtk_widget_get_height (window), >=, layout->height - 16);

  if (layout->language != NULL)
    gtk_widget_activate_action (window, "win.kiosk-language", "s", layout->language);
  else
    steady_kiosk_window_touch (kiosk, layout->width / 2, 60);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (kiosk), ==, "deck");
  settle (window);

  /* Every card: its text whole on its page, unscrolled, and the deck's
   * buttons on the screen. */
  deck = steady_kiosk_window_get_deck (kiosk);
  for (guint i = 0; i < steady_deck_get_n_cards (deck); i++)
    {
      SteadyCardPage *page;
      GtkWidget *scroller, *content;
      g_autofree char *name = g_strdup_printf ("card-%02u", i + 1);

      steady_deck_go_to (deck, i, FALSE);
      settle (window);
      page = steady_deck_get_card_page (deck, i);
      scroller = ui_test_find_type (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, TRUE);
      g_assert_nonnull (scroller);
      content = ui_test_find_type (scroller, ADW_TYPE_CLAMP, TRUE);
      g_assert_nonnull (content);
      shot (window, layout, name);
      g_test_message ("%s: %s", name, steady_card_page_get_title (page));
      assert_inside (window, content, scroller, name);
      assert_inside (window, scroller, window, name);
      assert_inside (window, find_drawn_action (window, "win.previous"), window, name);
      assert_inside (window, find_drawn_action (window, "win.next"), window, name);
      g_assert_true (steady_card_page_get_text_fits (page));
    }

  g_test_message ("cards' text step: %u",
                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (deck), "steady-kiosk-fit-step")));

  /* Every drill page, 12 s in (a hold and its caption), with its figure
   * given room and both buttons on the screen. */
  n_drills = g_list_model_get_n_items (steady_program_get_drills (steady_kiosk_window_get_program (kiosk)));
  gtk_widget_activate_action (window, "win.show-drills", NULL);
  for (guint i = 0; i < n_drills; i++)
    {
      g_autofree char *name = g_strdup_printf ("drill-%u", i + 1);
      GtkWidget *figure;
      graphene_rect_t bounds;

      g_assert_cmpstr (steady_kiosk_window_get_page_name (kiosk), ==, "drill");
      now += S(12);
      steady_kiosk_window_advance (kiosk, now);
      settle (window);
      shot (window, layout, name);
      assert_all_inside (window, window, name);
      assert_inside (window, find_drawn_action (window, "win.kiosk-cards"), window, name);
      assert_inside (window, find_drawn_action (window, "win.kiosk-next-drill"), window, name);
      figure = ui_test_find_type (window, STEADY_TYPE_FIGURE_VIEW, TRUE);
      g_assert_nonnull (figure);
      g_assert_true (gtk_widget_compute_bounds (figure, window, &bounds));
      g_assert_cmpfloat (MIN (bounds.size.width, bounds.size.height), >=, MIN (layout->width, layout->height) * 0.4);
      gtk_widget_activate_action (window, "win.kiosk-next-drill", NULL);
    }

  /* "Do this at home": the list whole, unscrolled, and both buttons. */
  g_assert_cmpstr (steady_kiosk_window_get_page_name (kiosk), ==, "home");
  settle (window);
  shot (window, layout, "home");
  assert_all_inside (window, window, "home");
  {
    GtkWidget *scroller = ui_test_find_type (window, GTK_TYPE_SCROLLED_WINDOW, TRUE);

    g_assert_nonnull (scroller);
    assert_inside (window, ui_test_find_type (scroller, ADW_TYPE_CLAMP, TRUE), scroller, "home");
    g_test_message ("home list's text step: %u",
                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (scroller), "steady-kiosk-fit-step")));
  }
  assert_inside (window, find_drawn_action (window, "win.kiosk-first-drill"), window, "home");
  assert_inside (window, find_drawn_action (window, "win.kiosk-done"), window, "home");

  steady_kiosk_reset (steady_kiosk_window_get_kiosk (kiosk));
  gtk_window_destroy (GTK_WINDOW (kiosk));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  static const Layout layouts[] = {
    { NULL, 1280, 720 },
    { "es", 1280, 720 },
    { NULL, 1920, 1080 },
    { "es", 1920, 1080 },
    { NULL, 608, 1080 },
    { "es", 608, 1080 },
  };
  g_autoptr(GSettings) settings = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* The build's translations, for Spanish. */
  ui_test_use_build_translations ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  app = ui_test_application_new (TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kiosk-layout/%s/%dx%d",
                                               layouts[i].language != NULL ? layouts[i].language : "en",
                                               layouts[i].width, layouts[i].height);

      g_test_add_data_func (path, &layouts[i], test_layout);
    }

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

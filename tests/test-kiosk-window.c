/* test-kiosk-window.c: Steady as a waiting-room kiosk
 *
 * Runs under the virtual display of build-aux/dev test. The application
 * is in kiosk mode (the kiosk-mode setting, as a clinic would lock it);
 * the window runs on a made-up clock, so nothing here waits for real time.
 * With STEADY_KIOSK_SHOTS=DIR the visitor-path test also saves each page
 * as a 1920×1080 PNG there, for people to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-deck.h"
#include "steady-kiosk-pin.h"
#include "steady-kiosk-window.h"
#include "ui-test.h"

#define S(x) ((gint64) ((x) * (double) G_USEC_PER_SEC))
#define T0 S(5000)

static SteadyApplication *app;
static char *xdg_dirs[3];

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SteadyKioskWindow *
open_kiosk (gint64 now)
{
  SteadyKioskWindow *window = steady_kiosk_window_new (GTK_APPLICATION (app), NULL);

  steady_kiosk_window_use_manual_clock (window, now);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
close_kiosk (SteadyKioskWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
save_shot (SteadyKioskWindow *window,
           const char        *name)
{
  const char *dir = g_getenv ("STEADY_KIOSK_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  if (dir == NULL)
    return;

  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
assert_attract_drill (SteadyKioskWindow *window,
                      guint              index)
{
  GListModel *drills = steady_program_get_drills (steady_kiosk_window_get_program (window));
  g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, index);

  g_assert_true (steady_kiosk_window_get_attract_drill (window) == drill);
}

static void
test_no_way_out (void)
{
  static const char *none[] = { "app.quit", "app.about", "app.shortcuts", "app.preferences",
                                "win.preferences", "win.about", "win.open", "win.print" };
  SteadyKioskWindow *window;
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) close_accels = NULL;
  GList *windows;

  g_assert_true (steady_application_get_kiosk (app));

  /* Launching the kiosk-mode application opens the kiosk window. */
  g_application_activate (G_APPLICATION (app));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  g_assert_true (STEADY_IS_KIOSK_WINDOW (windows->data));
  window = STEADY_KIOSK_WINDOW (windows->data);
  steady_kiosk_window_use_manual_clock (window, T0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* A second launch brings the same window back, not a new one. */
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* No quit, about, shortcuts or preferences anywhere, and no keys. */
  g_assert_null (g_action_map_lookup_action (G_ACTION_MAP (app), "quit"));
  g_assert_null (g_action_map_lookup_action (G_ACTION_MAP (app), "about"));
  g_assert_null (g_action_map_lookup_action (G_ACTION_MAP (app), "shortcuts"));
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), none[i], NULL));
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  close_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_cmpuint (g_strv_length (quit_accels), ==, 0);
  g_assert_cmpuint (g_strv_length (close_accels), ==, 0);
  for (const char **k = (const char *[]) { "<Control>q", "<Control>w", "<Alt>F4", "Escape", NULL }; *k; k++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), *k);

      g_assert_cmpuint (g_strv_length (actions), ==, 0);
    }

  /* Full screen, no title bar to close it by. */
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));

  /* Close requests (Alt+F4, the compositor, window.close) are refused. */
  gtk_window_close (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* Five corner taps without a PIN set: no keypad, no way out. */
  for (int i = 0; i < 5; i++)
    steady_kiosk_window_touch (window, 10, 10);
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));

  close_kiosk (window);
}

static void
next_until (SteadyKioskWindow *window,
            const char        *page,
            gint64            *now)
{
  for (guint i = 0; i < 50 && g_strcmp0 (steady_kiosk_window_get_page_name (window), page) != 0; i++)
    {
      *now += S(2);
      steady_kiosk_window_advance (window, *now);
      steady_kiosk_window_touch (window, 900, 500);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
    }
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, page);
}

static void
test_visitor_path (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SteadyKioskWindow *window;
  SteadyKiosk *kiosk;
  gint64 now = T0;
  guint n_drills;

  g_settings_set_uint (settings, "kiosk-idle-seconds", 30);
  g_settings_set_uint (settings, "kiosk-warning-seconds", 10);
  window = open_kiosk (now);
  kiosk = steady_kiosk_window_get_kiosk (window);
  n_drills = g_list_model_get_n_items (steady_program_get_drills (steady_kiosk_window_get_program (window)));
  g_assert_cmpuint (n_drills, ==, 3);
  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, 30);
  g_assert_cmpuint (steady_kiosk_get_warning_seconds (kiosk), ==, 10);

  /* The attract loop waits for ever, its figure showing each drill in
   * turn, eight seconds each, the label naming it. */
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
  now += S(3);
  steady_kiosk_window_advance (window, now);
  assert_attract_drill (window, 0);
  save_shot (window, "attract.png");
  now += S(6);
  steady_kiosk_window_advance (window, now);
  assert_attract_drill (window, 1);
  now += S(8);
  steady_kiosk_window_advance (window, now);
  assert_attract_drill (window, 2);
  now += S(8);
  steady_kiosk_window_advance (window, now);
  assert_attract_drill (window, 0);
  now += S(3600);
  steady_kiosk_window_advance (window, now);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");

  /* Touch anywhere: the first card. */
  steady_kiosk_window_touch (window, 960, 540);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "deck");
  save_shot (window, "card-1.png");

  /* Next, next: the cards, then the drills at real pace. */
  now += S(2);
  steady_kiosk_window_advance (window, now);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 1);
  save_shot (window, "card-2.png");
  next_until (window, "drill", &now);
  g_assert_cmpuint (steady_kiosk_get_drill (kiosk), ==, 0);
  now += S(7.5);
  steady_kiosk_window_advance (window, now);
  g_assert_cmpfloat_with_epsilon (steady_kiosk_window_get_drill_time (window), 7.5, 1e-6);
  save_shot (window, "drill-1.png");

  /* Drills two and three, then the card to take home. */
  for (guint i = 1; i < n_drills; i++)
    {
      now += S(5);
      steady_kiosk_window_advance (window, now);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-next-drill", NULL);
      g_assert_cmpuint (steady_kiosk_get_drill (kiosk), ==, i);
      g_assert_cmpfloat (steady_kiosk_window_get_drill_time (window), ==, 0);
    }
  now += S(12);
  steady_kiosk_window_advance (window, now);
  save_shot (window, "drill-3.png");
  /* Sounds at one moment get a line each, not a break wherever the width
   * runs out: 12 s in, the knees-to-the-side hold has begun with "Hold for
   * 30 seconds" and "Breathe in" at once. */
  {
    GtkWidget *caption = ui_test_find_css_class (GTK_WIDGET (window), "steady-kiosk-caption");

    g_assert_nonnull (caption);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, "Hold for 30 seconds\nBreathe in");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-next-drill", NULL);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "home");
  save_shot (window, "home.png");

  /* Walk away: the warning after the idle time … */
  now += S(29.9);
  steady_kiosk_window_advance (window, now);
  g_assert_false (steady_kiosk_window_get_warning_visible (window));
  now += S(0.1);
  steady_kiosk_window_advance (window, now);
  g_assert_true (steady_kiosk_window_get_warning_visible (window));
  now += S(2.5);
  steady_kiosk_window_advance (window, now);
  save_shot (window, "warning.png");

  /* … "I'm still here" keeps the visit … */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-still-here", NULL);
  g_assert_false (steady_kiosk_window_get_warning_visible (window));
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "home");

  /* … and walking away for good forgets it. */
  now += S(40);
  steady_kiosk_window_advance (window, now);
  g_assert_false (steady_kiosk_window_get_warning_visible (window));
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
  g_assert_cmpuint (steady_kiosk_get_n_resets (kiosk), ==, 1);

  /* The next visitor starts at the first card. */
  steady_kiosk_window_touch (window, 960, 540);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "deck");
  g_assert_cmpuint (steady_kiosk_get_card (kiosk), ==, 0);

  close_kiosk (window);
  g_settings_reset (settings, "kiosk-idle-seconds");
  g_settings_reset (settings, "kiosk-warning-seconds");
}

/* The attract loop's button for @language. */
static gboolean
is_language_button (GtkWidget     *widget,
                    gconstpointer  language)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (widget), "steady-kiosk-language"), language) == 0;
}

static GtkWidget *
find_language_button (GtkWidget  *widget,
                      const char *language)
{
  return ui_test_find (widget, is_language_button, language, FALSE);
}

static const char *
first_card_title (SteadyKioskWindow *window)
{
  return steady_card_page_get_title (steady_deck_get_card_page (steady_kiosk_window_get_deck (window), 0));
}

static void
test_language (void)
{
  SteadyKioskWindow *window;
  GtkWidget *english, *spanish;
  graphene_rect_t bounds;
  gint64 now = T0;

  window = open_kiosk (now);
  g_assert_null (steady_kiosk_window_get_language (window));
  g_assert_cmpstr (first_card_title (window), ==, "The alarm, not the fire");

  /* A button for each offered language, named in its own language, big
   * enough for a finger. */
  english = find_language_button (GTK_WIDGET (window), "en");
  spanish = find_language_button (GTK_WIDGET (window), "es");
  g_assert_nonnull (english);
  g_assert_nonnull (spanish);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (english)), ==, "English");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (spanish)), ==, "Español");
  g_assert_true (gtk_widget_compute_bounds (spanish, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.height, >=, 48);
  g_assert_cmpfloat (bounds.size.width, >=, 48);

  /* A touch on "Español" starts the visit in Spanish: the cards … */
  steady_kiosk_window_touch (window, bounds.origin.x + bounds.size.width / 2,
                             bounds.origin.y + bounds.size.height / 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (steady_kiosk_window_get_language (window), ==, "es");
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "deck");
  g_assert_cmpstr (first_card_title (window), ==, "La alarma, no el fuego");
  save_shot (window, "card-1-es.png");

  /* … the drills' pages, their captions and the program's titles … */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-drills", NULL);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "drill");
  now += S(2);
  steady_kiosk_window_advance (window, now);
  g_assert_cmpstr (steady_drill_get_title (steady_kiosk_window_get_attract_drill (window)), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Clamshells"));
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Clamshells"), !=, "Clamshells");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_test_find_action (GTK_WIDGET (window), "win.kiosk-cards"))),
                   ==, "Volver a las tarjetas");
  save_shot (window, "drill-1-es.png");

  /* … until the reset, which brings the default language back. */
  steady_kiosk_reset (steady_kiosk_window_get_kiosk (window));
  g_assert_null (steady_kiosk_window_get_language (window));
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Clamshells"), ==, "Clamshells");
  steady_kiosk_window_touch (window, 960, 300);
  g_assert_cmpstr (first_card_title (window), ==, "The alarm, not the fire");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_test_find_action (GTK_WIDGET (window), "win.kiosk-cards"))),
                   ==, "Back to the cards");

  /* The button works from the keyboard too (its action). */
  steady_kiosk_reset (steady_kiosk_window_get_kiosk (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-language", "s", "es");
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "deck");
  g_assert_cmpstr (first_card_title (window), ==, "La alarma, no el fuego");

  close_kiosk (window);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Clamshells"), ==, "Clamshells");
}

/* The next visitor gets the default language after the idle reset, in a
 * real locale (C.UTF-8 here, see main()), where gettext keeps what it
 * found for one locale name until the locale really changes. */
static void
test_language_idle_reset (void)
{
  SteadyKioskWindow *window;
  SteadyKiosk *kiosk;
  gint64 now = T0;

  if (g_getenv ("STEADY_TEST_LOCALE") == NULL)
    g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "C.UTF-8");
  window = open_kiosk (now);
  kiosk = steady_kiosk_window_get_kiosk (window);

  for (guint visit = 0; visit < 2; visit++)
    {
      /* A visitor reads Spanish: the cards, a drill, its caption … */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-language", "s", "es");
      g_assert_cmpstr (first_card_title (window), ==, "La alarma, no el fuego");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-drills", NULL);
      steady_kiosk_window_advance (window, now += S(2));
      g_assert_cmpstr (steady_drill_get_title (steady_kiosk_window_get_attract_drill (window)), ==,
                       "La almeja");

      /* … and walks away. */
      now += S(steady_kiosk_get_idle_seconds (kiosk));
      steady_kiosk_window_advance (window, now);
      g_assert_true (steady_kiosk_window_get_warning_visible (window));
      now += S(steady_kiosk_get_warning_seconds (kiosk));
      steady_kiosk_window_advance (window, now);
      g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
      g_assert_null (steady_kiosk_window_get_language (window));

      /* The attract loop and the next visitor's cards are in English. */
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Clamshells"), ==, "Clamshells");
      g_assert_cmpstr (steady_drill_get_title (steady_kiosk_window_get_attract_drill (window)), ==,
                       "Clamshells");
      steady_kiosk_window_touch (window, 960, 300);
      g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "deck");
      g_assert_cmpstr (first_card_title (window), ==, "The alarm, not the fire");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_test_find_action (GTK_WIDGET (window), "win.kiosk-cards"))),
                       ==, "Back to the cards");
      steady_kiosk_reset (kiosk);
    }

  close_kiosk (window);
}

static void
open_pin_pad (SteadyKioskWindow *window)
{
  for (int i = 0; i < 5; i++)
    steady_kiosk_window_touch (window, 20, 30);
  g_assert_true (steady_kiosk_window_get_pin_pad_visible (window));
}

static void
enter_pin (SteadyKioskWindow *window,
           const char        *keys)
{
  for (const char *k = keys; *k; k++)
    steady_kiosk_window_press_pin_key (window, *k);
}

/* Staff open the keypad and type @keys, the right PIN last: the window
 * (*@window, which its "destroy" nullifies) closes. */
static void
leave_with_pin (SteadyKioskWindow **window,
                const char         *keys)
{
  open_pin_pad (*window);
  for (const char *k = keys; *k; k++)
    {
      g_assert_nonnull (*window);
      steady_kiosk_window_press_pin_key (*window, *k);
    }
  spin ();
  g_assert_null (*window);
}

static void
test_staff_exit (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *hash = steady_kiosk_pin_hash ("4321", NULL);
  SteadyKioskWindow *window;

  g_settings_set_string (settings, "kiosk-staff-pin-hash", hash);
  window = open_kiosk (T0);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_nullify_pointer), &window);

  /* Four taps are not enough; taps elsewhere break the sequence. */
  for (int i = 0; i < 4; i++)
    steady_kiosk_window_touch (window, 20, 30);
  steady_kiosk_window_touch (window, 1000, 30);
  steady_kiosk_window_touch (window, 20, 30);
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));
  for (int i = 0; i < 4; i++)
    steady_kiosk_window_touch (window, 20, 30);
  g_assert_true (steady_kiosk_window_get_pin_pad_visible (window));

  /* A wrong PIN keeps the kiosk; Cancel closes the keypad. */
  for (const char *k = "1234k"; *k; k++)
    steady_kiosk_window_press_pin_key (window, *k);
  g_assert_nonnull (window);
  g_assert_true (steady_kiosk_window_get_pin_pad_visible (window));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window), "Wrong PIN", TRUE));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-pin-cancel", NULL);
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));

  /* The keypad is gone after a reset too. */
  for (int i = 0; i < 5; i++)
    steady_kiosk_window_touch (window, 20, 30);
  g_assert_true (steady_kiosk_window_get_pin_pad_visible (window));
  steady_kiosk_reset (steady_kiosk_window_get_kiosk (window));
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));

  /* The right PIN (with a correction) lets staff out. */
  leave_with_pin (&window, "4329b1k");

  g_settings_reset (settings, "kiosk-staff-pin-hash");
}

/* Settings changed with dconf while the kiosk runs (here through the
 * memory backend the tests use; the kiosk reads them again at the moment
 * of use, which is also how a running dconf reader sees 'dconf update'): a
 * new staff PIN counts at once, even during a visit; new times and sound
 * hold from the next visitor on, whether they changed during a visit or
 * while the attract loop played. */
static void
test_settings_while_running (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *old_hash = steady_kiosk_pin_hash ("4321", NULL);
  g_autofree char *new_hash = steady_kiosk_pin_hash ("8765", NULL);
  SteadyKioskWindow *window;
  SteadyKiosk *kiosk;

  g_settings_set_string (settings, "kiosk-staff-pin-hash", old_hash);
  g_settings_set_uint (settings, "kiosk-idle-seconds", 30);
  g_settings_set_uint (settings, "kiosk-warning-seconds", 10);
  window = open_kiosk (T0);
  kiosk = steady_kiosk_window_get_kiosk (window);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_nullify_pointer), &window);
  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, 30);
  g_assert_false (steady_kiosk_window_get_sound (window));

  /* A visitor is in; the clinic changes the PIN, the times and the sound. */
  steady_kiosk_window_touch (window, 960, 540);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), !=, "attract");
  g_settings_set_string (settings, "kiosk-staff-pin-hash", new_hash);
  g_settings_set_uint (settings, "kiosk-idle-seconds", 45);
  g_settings_set_uint (settings, "kiosk-warning-seconds", 15);
  g_settings_set_boolean (settings, "kiosk-sound", TRUE);

  /* The visit keeps its times and its quiet... */
  steady_kiosk_window_touch (window, 960, 540);
  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, 30);
  g_assert_cmpuint (steady_kiosk_get_warning_seconds (kiosk), ==, 10);
  g_assert_false (steady_kiosk_window_get_sound (window));

  /* ...but the old PIN no longer opens the way out, and the new one does
   * (the keypad is closed again without leaving). */
  open_pin_pad (window);
  enter_pin (window, "4321k");
  g_assert_nonnull (window);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window), "Wrong PIN", TRUE));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-pin-cancel", NULL);

  /* The next visitor has the new times and sound. */
  steady_kiosk_reset (kiosk);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, 45);
  g_assert_cmpuint (steady_kiosk_get_warning_seconds (kiosk), ==, 15);
  g_assert_true (steady_kiosk_window_get_sound (window));

  /* Changed while the loop plays: the visitor who touches it next has
   * them, sound off again included. */
  g_settings_set_uint (settings, "kiosk-idle-seconds", 60);
  g_settings_set_boolean (settings, "kiosk-sound", FALSE);
  steady_kiosk_window_touch (window, 960, 540);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), !=, "attract");
  g_assert_cmpuint (steady_kiosk_get_idle_seconds (kiosk), ==, 60);
  g_assert_false (steady_kiosk_window_get_sound (window));

  leave_with_pin (&window, "8765k");

  g_settings_reset (settings, "kiosk-staff-pin-hash");
  g_settings_reset (settings, "kiosk-idle-seconds");
  g_settings_reset (settings, "kiosk-warning-seconds");
  g_settings_reset (settings, "kiosk-sound");
}

/* Wrong PINs count across openings of the pad and across resets; from the
 * third on the pad refuses PINs for longer each time, and says so. */
static void
test_pin_lockout (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *hash = steady_kiosk_pin_hash ("4321", NULL);
  SteadyKioskWindow *window;
  gint64 now = T0;

  g_settings_set_string (settings, "kiosk-staff-pin-hash", hash);
  window = open_kiosk (now);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_nullify_pointer), &window);

  /* Two wrong, closed, reopened after a reset: one more locks it. */
  open_pin_pad (window);
  enter_pin (window, "1111k2222k");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-pin-cancel", NULL);
  steady_kiosk_reset (steady_kiosk_window_get_kiosk (window));
  open_pin_pad (window);
  enter_pin (window, "3333k");
  g_assert_true (steady_kiosk_window_get_pin_pad_visible (window));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window),
                                        "Too many wrong PINs. Try again in 30 seconds.", TRUE));
  save_shot (window, "pin-locked.png");

  /* Locked: even the right PIN does nothing, on this opening or the next. */
  enter_pin (window, "4321k");
  g_assert_nonnull (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-pin-cancel", NULL);
  now += S(20);
  steady_kiosk_window_advance (window, now);
  open_pin_pad (window);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window),
                                        "Too many wrong PINs. Try again in 10 seconds.", TRUE));
  enter_pin (window, "4321k");
  g_assert_nonnull (window);

  /* After the lockout, the keys work again; a wrong PIN locks it longer. */
  now += S(10);
  steady_kiosk_window_advance (window, now);
  g_assert_null (ui_test_find_label (GTK_WIDGET (window),
                                     "Too many wrong PINs. Try again in 10 seconds.", TRUE));
  enter_pin (window, "5555k");
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window),
                                        "Too many wrong PINs. Try again in 60 seconds.", TRUE));
  /* The pad closed by itself meanwhile (a minute without a key). */
  now += S(60);
  steady_kiosk_window_advance (window, now);
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));
  open_pin_pad (window);
  enter_pin (window, "6666k");
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (window),
                                        "Too many wrong PINs. Try again in 2 minutes.", TRUE));

  /* Then the right PIN lets staff out. */
  now += S(120);
  steady_kiosk_window_advance (window, now);
  open_pin_pad (window);
  enter_pin (window, "4321k");
  spin ();
  g_assert_null (window);

  g_settings_reset (settings, "kiosk-staff-pin-hash");
}

/* No idle warning or reset while staff type on the pad; a pad left alone
 * closes after a minute and the kiosk resets after the idle time. */
static void
test_pin_pad_pauses_idle (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *hash = steady_kiosk_pin_hash ("4321", NULL);
  SteadyKioskWindow *window;
  SteadyKiosk *kiosk;
  gint64 now = T0;
  guint idle, warning;

  g_settings_set_string (settings, "kiosk-staff-pin-hash", hash);
  window = open_kiosk (now);
  kiosk = steady_kiosk_window_get_kiosk (window);
  idle = steady_kiosk_get_idle_seconds (kiosk);
  warning = steady_kiosk_get_warning_seconds (kiosk);

  /* Opened during the warning, the pad takes the warning away … */
  steady_kiosk_window_touch (window, 900, 500);
  now += S(idle + 1);
  steady_kiosk_window_advance (window, now);
  g_assert_true (steady_kiosk_window_get_warning_visible (window));
  open_pin_pad (window);
  g_assert_false (steady_kiosk_window_get_warning_visible (window));

  /* … and none comes while staff type slowly, long past the idle time. */
  for (guint i = 0; i < 4; i++)
    {
      now += S(STEADY_KIOSK_PIN_PAD_SECONDS - 5);
      steady_kiosk_window_advance (window, now);
      g_assert_false (steady_kiosk_window_get_warning_visible (window));
      g_assert_true (steady_kiosk_window_get_pin_pad_visible (window));
      steady_kiosk_window_press_pin_key (window, '1');
    }
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), !=, "attract");

  /* Left alone, the pad closes; the warning and the reset follow. */
  now += S(STEADY_KIOSK_PIN_PAD_SECONDS);
  steady_kiosk_window_advance (window, now);
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));
  g_assert_false (steady_kiosk_window_get_warning_visible (window));
  now += S(idle);
  steady_kiosk_window_advance (window, now);
  g_assert_true (steady_kiosk_window_get_warning_visible (window));
  now += S(warning);
  steady_kiosk_window_advance (window, now);
  g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
  g_assert_false (steady_kiosk_window_get_pin_pad_visible (window));

  close_kiosk (window);
  g_settings_reset (settings, "kiosk-staff-pin-hash");
}

/* GTK Inspector's keys stop at the kiosk window; others go on. */
static void
test_no_inspector (void)
{
  SteadyKioskWindow *window = open_kiosk (T0);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct { guint keyval; GdkModifierType state; gboolean stopped; } cases[] = {
    { GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_LOCK_MASK, TRUE },
    { GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_i, GDK_CONTROL_MASK, FALSE },
    { GDK_KEY_I, GDK_SHIFT_MASK, FALSE },
    { GDK_KEY_Right, 0, FALSE },
  };

  /* The window's key controllers that see keys before the widgets do
   * (GTK's own among them). */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_ptr_array_add (keys, g_object_ref (controller));
    }
  g_assert_cmpuint (keys->len, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean stopped = FALSE;

      for (guint j = 0; j < keys->len && !stopped; j++)
        g_signal_emit_by_name (g_ptr_array_index (keys, j), "key-pressed",
                               cases[i].keyval, 0, cases[i].state, &stopped);
      if (stopped != cases[i].stopped)
        g_error ("key %u (state %#x): %s", cases[i].keyval, cases[i].state,
                 stopped ? "stopped" : "not stopped");
    }

  close_kiosk (window);
}

static void
test_soak_short (void)
{
  SteadyKioskWindow *window = open_kiosk (T0);
  SteadyKiosk *kiosk = steady_kiosk_window_get_kiosk (window);
  gint64 now = T0;
  guint live_before = steady_kiosk_window_get_n_live_objects ();

  /* Compressed visitors: start (every tenth in Spanish, which builds the
   * visitor's pages afresh, twice), swipe two cards, watch a drill
   * segment, walk away, reset. */
  for (guint cycle = 0; cycle < 300; cycle++)
    {
      if (cycle % 10 == 5)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk-language", "s", "es");
      else
        steady_kiosk_window_touch (window, 900, 500);
      now += S(4);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-drills", NULL);
      now += S(3);
      steady_kiosk_window_advance (window, now);
      g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "drill");
      now += S(steady_kiosk_get_idle_seconds (kiosk) + steady_kiosk_get_warning_seconds (kiosk));
      steady_kiosk_window_advance (window, now);
      g_assert_cmpstr (steady_kiosk_window_get_page_name (window), ==, "attract");
      g_assert_null (steady_kiosk_window_get_language (window));
      if (cycle % 50 == 0)
        spin ();
    }
  spin ();

  g_assert_cmpuint (steady_kiosk_get_n_resets (kiosk), ==, 300);
  g_assert_cmpuint (steady_kiosk_window_get_n_live_objects (), ==, live_before);
  close_kiosk (window);
}

static gboolean
dir_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

/* Last: after everything above, nothing of any visitor is on disk. */
static void
test_nothing_written (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (xdg_dirs); i++)
    if (!dir_is_empty (xdg_dirs[i]))
      g_error ("the kiosk wrote into %s", xdg_dirs[i]);
}

int
main (int   argc,
      char *argv[])
{
  static const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  g_autofree char *registry = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Fresh, empty home directories of our own, watched to the end. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      xdg_dirs[i] = g_dir_make_tmp ("steady-kiosk-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv (names[i], xdg_dirs[i], TRUE);
    }
  /* GStreamer caches its list of plugins (the same for everyone, no
   * visitor's) under XDG_CACHE_HOME when a kiosk with sound first makes
   * its cue engine: kept apart here, so that what is watched is the
   * kiosk's own writing. */
  {
    g_autofree char *name = g_strdup_printf ("steady-kiosk-test-registry-%d.bin", (int) getpid ());

    registry = g_build_filename (g_get_tmp_dir (), name, NULL);
  }
  g_setenv ("GST_REGISTRY", registry, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* A real locale, as src/main.c sets from a clinic's environment
   * (Debian's default is C.UTF-8; gtk_test_init() sets none);
   * STEADY_TEST_LOCALE=C runs the same under the bare C locale. */
  g_unsetenv ("LANGUAGE");
  if (setlocale (LC_ALL, g_getenv ("STEADY_TEST_LOCALE") != NULL ? g_getenv ("STEADY_TEST_LOCALE") : "C.UTF-8") == NULL)
    g_error ("no locale %s", g_getenv ("STEADY_TEST_LOCALE"));
  /* The build's translations, for the attract loop's other languages. */
  ui_test_use_build_translations ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A clinic's locked setting, as dconf would give it. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "kiosk-mode", TRUE);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/kiosk-window/no-way-out", test_no_way_out);
  g_test_add_func ("/kiosk-window/visitor-path", test_visitor_path);
  g_test_add_func ("/kiosk-window/language", test_language);
  g_test_add_func ("/kiosk-window/language-idle-reset", test_language_idle_reset);
  g_test_add_func ("/kiosk-window/staff-exit", test_staff_exit);
  g_test_add_func ("/kiosk-window/pin-lockout", test_pin_lockout);
  g_test_add_func ("/kiosk-window/settings-while-running", test_settings_while_running);
  g_test_add_func ("/kiosk-window/pin-pad-pauses-idle", test_pin_pad_pauses_idle);
  g_test_add_func ("/kiosk-window/no-inspector", test_no_inspector);
  g_test_add_func ("/kiosk-window/soak-short", test_soak_short);
  g_test_add_func ("/kiosk-window/nothing-written", test_nothing_written);

  status = g_test_run ();

  g_clear_object (&app);
  g_unlink (registry);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_rmdir (xdg_dirs[i]);
      g_free (xdg_dirs[i]);
    }
  return status;
}

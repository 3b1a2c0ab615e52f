/* test-a11y-spanish.c: the window in Spanish (LANGUAGE=es)
 *
 * Runs under the virtual display of build-aux/dev test, with the build
 * tree's translations ($STEADY_LOCALEDIR, or build/po). The welcome page,
 * the cards, the drills and the coach show Spanish text; what a screen
 * reader hears (names, the figure's description, the coach's
 * announcements) is Spanish too; and the pages, with their longer words,
 * still fit a 600 px window. Screenshots: build/tests/screenshots/es-*.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "steady-application.h"
#include "ui-test.h"
#include "steady-card-page.h"
#include "steady-coach-page.h"
#include "steady-checkin-view.h"
#include "steady-deck.h"
#include "steady-drill-page.h"
#include "steady-drills-page.h"
#include "steady-figure-view.h"
#include "steady-window.h"

static SteadyApplication *app;

#define START 1000.0
static double fake_now = START;

static double
test_now (gpointer user_data)
{
  return fake_now;
}


static void
activate (SteadyWindow *window,
          const char   *action,
          GVariant     *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  ui_test_settle (GTK_WIDGET (window));
}

/* A visible label under @widget that shows exactly @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_is_drawable (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
save_screenshot (SteadyWindow *window,
                 const char   *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkTexture) texture = ui_test_render (widget);
  g_autofree char *file_name = NULL;
  int default_width, default_height, minimum;

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  file_name = g_strdup_printf ("es-%s-%d.png", name, default_width);
  ui_test_save_png (texture, file_name);

  /* The longer Spanish words fit: nothing makes the window wider. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, default_width);
}

static void
walk_in_spanish (int width,
                 int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  SteadyWindow *window;
  SteadyDeck *deck;
  SteadyCardPage *card;
  SteadyCoachPage *coach;
  GtkListBox *list;
  GtkWidget *figure;
  GtkWidget *learn;

  g_assert_no_error (error);
  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);

  window = steady_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  steady_window_set_program (window, program);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_settle (GTK_WIDGET (window));

  /* Welcome. */
  g_assert_cmpstr (steady_program_get_title (program), ==, "Caderas estables");
  learn = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_BUTTON (learn));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (learn)), ==, "_Descubre por qué chasquea tu cadera");
  /* Labels with mnemonics show their text without the underscore. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Ir a los ejercicios"));
  save_screenshot (window, "welcome");

  /* A card: its title, and what a screen reader hears of it. */
  activate (window, "win.show-deck", NULL);
  deck = steady_window_get_deck (window);
  card = steady_deck_get_card_page (deck, 0);
  g_assert_cmpstr (steady_card_page_get_title (card), ==, "La alarma, no el fuego");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "La alarma, no el fuego");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_test_find_type (GTK_WIDGET (deck), ADW_TYPE_CAROUSEL, FALSE)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Tarjetas de la lección");
  figure = steady_card_page_get_figure (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_LABEL, "Ilustración");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "1 de 13"));
  save_screenshot (window, "card-01");

  /* The drills and a drill. */
  activate (window, "win.show-drills", NULL);
  list = steady_drills_page_get_list (steady_window_get_drills_page (window));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "La almeja");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Ejercicios");
  save_screenshot (window, "drills");
  activate (window, "win.open-drill", g_variant_new_string ("clamshell"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0))),
                                   "los\u00a0dos\u00a0lados"));
  save_screenshot (window, "drill-clamshell");

  /* The coach: phase, counter, caption and announcements in Spanish. */
  coach = steady_window_get_coach_page (window);
  fake_now = START;
  steady_coach_page_set_now_func (coach, test_now, NULL);
  activate (window, "win.start-drill", g_variant_new_string ("clamshell"));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  save_screenshot (window, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.skip", NULL));
  g_assert_cmpstr (steady_coach_page_get_phase_text (coach), ==, "Prepárate");
  fake_now = START + 17.5;
  steady_coach_page_update (coach);
  g_assert_cmpstr (steady_coach_page_get_phase_text (coach), ==, "Mantén");
  g_assert_cmpstr (steady_coach_page_get_counter_text (coach), ==, "Repetición 2 de 15");
  g_assert_cmpstr (steady_coach_page_get_caption_text (coach), ==, "Mantén 5 segundos");
  g_assert_cmpstr (steady_coach_page_get_announcement (coach), ==, "Mantén. Repetición 2 de 15.");
  figure = ui_test_find_type (GTK_WIDGET (coach), STEADY_TYPE_FIGURE_VIEW, FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_LABEL, "La almeja");
  save_screenshot (window, "coach-hold");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.toggle-pause", NULL));
  g_assert_cmpstr (steady_coach_page_get_announcement (coach), ==, _("Paused"));
  g_assert_cmpstr (_("Paused"), !=, "Paused");
  save_screenshot (window, "coach-paused");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.stop", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (steady_window_get_checkin_view (window)),
                                             "checkin.skip", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_settings_reset (settings, "sound-mode");
}

static void
test_spanish_normal (void)
{
  walk_in_spanish (1000, 720);
}

static void
test_spanish_narrow (void)
{
  walk_in_spanish (600, 800);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;
  int status;

  /* Spanish, from the build tree's translations. gettext ignores LANGUAGE
   * in the C locale, so the messages' locale is C.UTF-8. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (g_getenv ("STEADY_LOCALEDIR") != NULL)
    localedir = g_strdup (g_getenv ("STEADY_LOCALEDIR"));
  else
    localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                  "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init sets a locale of its own (en_US, or C where that is
   * missing); the test wants the one in the environment. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_setenv ("PULSE_SERVER", "unix:/nonexistent", TRUE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/a11y-spanish/1000x720", test_spanish_normal);
  g_test_add_func ("/a11y-spanish/600x800", test_spanish_narrow);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

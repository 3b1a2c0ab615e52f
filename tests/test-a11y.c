/* test-a11y.c: what a screen reader finds on every page
 *
 * Runs under the virtual display of build-aux/dev test with GTK_A11Y=test,
 * so that gtk_test_accessible_* read the accessible roles, properties and
 * relations GTK would hand to a screen reader. The test walks every page of
 * the window — welcome, each card, the drills, each drill, the check-ins,
 * the coach on a clock the test drives, the stop card, the coach's Done, the
 * history with its charts, the error page — and checks that every control
 * has a name, that pictures are images with a name and a description, and
 * that the coach announces phase changes and the end of a hold but not
 * every second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "steady-application.h"
#include "ui-test.h"
#include "steady-card-page.h"
#include "steady-chart-view.h"
#include "steady-checkin-view.h"
#include "steady-coach-page.h"
#include "steady-deck.h"
#include "steady-drill-page.h"
#include "steady-drills-page.h"
#include "steady-figure-view.h"
#include "steady-history-page.h"
#include "steady-illustration.h"
#include "steady-motion.h"
#include "steady-stop-card.h"
#include "steady-window.h"

static SteadyApplication *app;

/* The test's clock for the coach. */
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

/* The text a widget shows, if it shows one: a label under it, or an
 * AdwButtonContent's or a row's title; an icon-only control shows its name
 * in a tooltip. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    return TRUE;
  if (GTK_IS_LABEL (widget))
    return gtk_widget_get_visible (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0';
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget) && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Every control on the page shown has a name a screen reader can say, and
 * every picture is either an image with a name or left out (presentation).
 * The window's own title-bar buttons come from libadwaita. */
static void
check_names (GtkWidget *widget,
             guint     *n_controls,
             guint     *n_images)
{
  GtkAccessibleRole role;

  if (!gtk_widget_is_drawable (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
      /* GTK 4.8 names a control only from its label property or the
       * widgets it is labelled by, not from the text inside it. */
      if (!has_name (widget) || !shows_text (widget))
        g_error ("%s (%s) has no name", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "no tooltip");
      /* Named once: GTK 4.8 joins a name given and the name of a label
       * inside ("Skip Skip"). */
      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
          && gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("%s (%s) is named twice", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "no tooltip");
      /* A label with a mnemonic ("_Start") is named as shown ("Start",
       * or a fuller name the page gives it), never as the raw string GTK
       * 4.8 would pass on, and not twice over through its label widget. */
      if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
          && strchr (gtk_button_get_label (GTK_BUTTON (widget)) ? gtk_button_get_label (GTK_BUTTON (widget)) : "", '_'))
        {
          const char *raw = gtk_button_get_label (GTK_BUTTON (widget));
          g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                         GTK_ACCESSIBLE_PROPERTY_LABEL, raw);

          if (differs == NULL)
            g_error ("the button “%s” is named with its mnemonic", raw);
          if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_RELATION_LABELLED_BY))
            g_error ("the button “%s” is named twice, also by its label widget", raw);
        }
      (*n_controls)++;
      /* What is inside is the control's name. */
      return;

    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      if (!has_name (widget))
        g_error ("%s has no name", G_OBJECT_TYPE_NAME (widget));
      (*n_controls)++;
      return;

    case GTK_ACCESSIBLE_ROLE_IMG:
      /* Icons inside controls were skipped above; an image on its own
       * says what it shows. */
      if (!has_name (widget))
        g_error ("an image (%s) has no name", G_OBJECT_TYPE_NAME (widget));
      (*n_images)++;
      break;

    default:
      break;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, n_controls, n_images);
}

static void
assert_all_named (SteadyWindow *window,
                  guint         min_controls)
{
  guint n_controls = 0;
  guint n_images = 0;

  check_names (GTK_WIDGET (window), &n_controls, &n_images);
  g_test_message ("%s: %u controls, %u images", steady_window_get_page_name (window),
                  n_controls, n_images);
  g_assert_cmpuint (n_controls, >=, min_controls);
}

/* A figure: an image named @label whose description is @description (or
 * any text but empty, when NULL). */
static void
assert_figure (GtkWidget  *figure,
               const char *label,
               const char *description)
{
  g_assert_nonnull (figure);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  if (description != NULL)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         description);
}

static char *
held_description (const char *motion,
                  SteadySide  side)
{
  SteadyMotionState start, end;

  steady_motion_key_states (motion, side, &start, &end);
  return steady_motion_describe (motion, &end);
}

static char *
start_description (const char *motion,
                   SteadySide  side)
{
  SteadyMotionState start, end;

  steady_motion_key_states (motion, side, &start, &end);
  return steady_motion_describe (motion, &start);
}

static void
go_to (SteadyCoachPage *page,
       double           now)
{
  fake_now = now;
  steady_coach_page_update (page);
}

static void
test_every_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  SteadyWindow *window;
  SteadyDeck *deck;
  GtkListBox *list;
  SteadyDrillPage *drill_page;
  SteadyCoachPage *coach;
  SteadyCheckinView *checkin;
  GtkWidget *figure;
  GtkWidget *phase_label;
  g_autofree char *hold_text = NULL;
  g_autofree char *announced = NULL;
  g_autoptr(GPtrArray) widgets = NULL;
  guint n;

  g_assert_no_error (error);
  g_settings_set_enum (settings, "sound-mode", STEADY_CUE_SOUND_SILENT);

  window = steady_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  steady_window_set_program (window, program);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_settle (GTK_WIDGET (window));

  /* Welcome. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_ROLE_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Steady");
  assert_all_named (window, 3);   /* menu, learn, drills */

  /* Every card: a group named after its title; its picture an image
   * that says what it shows. */
  activate (window, "win.show-deck", NULL);
  deck = steady_window_get_deck (window);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_test_find_type (GTK_WIDGET (deck), ADW_TYPE_CAROUSEL, TRUE)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Lesson cards");
  n = steady_deck_get_n_cards (deck);
  for (guint i = 0; i < n; i++)
    {
      SteadyCard *card = steady_program_get_card (program, i);
      SteadyCardPage *page = steady_deck_get_card_page (deck, i);

      steady_deck_go_to (deck, i, FALSE);
      ui_test_settle (GTK_WIDGET (window));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           steady_card_get_title (card));
      if (steady_card_get_illustration (card) != NULL)
        {
          GtkWidget *picture = ui_test_find_type (GTK_WIDGET (page), STEADY_TYPE_FIGURE_VIEW, TRUE);

          assert_figure (picture, "Illustration",
                         steady_illustration_describe (steady_card_get_illustration (card)));
          /* Animations are off here (reduced motion): the card in view
           * plays, but its picture holds still. */
          g_assert_true (steady_figure_view_get_playing (STEADY_FIGURE_VIEW (picture)));
          g_assert_false (steady_figure_view_is_animating (STEADY_FIGURE_VIEW (picture)));
        }
      assert_all_named (window, 4);   /* back, menu, previous, next */
    }

  /* The drills: a named list of named rows. */
  activate (window, "win.show-drills", NULL);
  list = steady_drills_page_get_list (steady_window_get_drills_page (window));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Drills");
  assert_all_named (window, 2 + g_list_model_get_n_items (steady_program_get_drills (program)));

  /* Each drill: its figure an image named after the drill, described in
   * its start position; the steps and tips lists. */
  drill_page = steady_window_get_drill_page (window);
  for (guint i = 0; i < g_list_model_get_n_items (steady_program_get_drills (program)); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (steady_program_get_drills (program), i);
      g_autofree char *expected = NULL;
      GtkWidget *steps;

      activate (window, "win.open-drill", g_variant_new_string (steady_drill_get_id (drill)));
      figure = ui_test_find_type (GTK_WIDGET (drill_page), STEADY_TYPE_FIGURE_VIEW, TRUE);
      /* Animations are off in this test: the still of the key poses. */
      expected = start_description (steady_drill_get_motion (drill), STEADY_SIDE_LEFT);
      assert_figure (figure, steady_drill_get_title (drill), expected);
      g_assert_false (steady_figure_view_is_animating (STEADY_FIGURE_VIEW (figure)));
      steps = ui_test_find_type (GTK_WIDGET (drill_page), GTK_TYPE_BOX, TRUE);
      g_assert_nonnull (steps);
      widgets = g_ptr_array_new ();
      ui_test_collect_type (GTK_WIDGET (drill_page), GTK_TYPE_BOX, TRUE, widgets);
      {
        guint n_lists = 0;

        for (guint j = 0; j < widgets->len; j++)
          if (gtk_accessible_get_accessible_role (g_ptr_array_index (widgets, j)) == GTK_ACCESSIBLE_ROLE_LIST)
            {
              GtkWidget *item = gtk_widget_get_first_child (g_ptr_array_index (widgets, j));

              g_assert_true (has_name (g_ptr_array_index (widgets, j)));
              g_assert_nonnull (item);
              gtk_test_accessible_assert_role (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
              n_lists++;
            }
        g_assert_cmpuint (n_lists, >=, 1);
      }
      g_clear_pointer (&widgets, g_ptr_array_unref);
      assert_all_named (window, 3);   /* back, menu, start */
    }

  /* The check-in before a drill: the scales are labelled by their
   * questions, the yes/no buttons say which question they answer. */
  coach = steady_window_get_coach_page (window);
  checkin = steady_window_get_checkin_view (window);
  fake_now = START;
  steady_coach_page_set_now_func (coach, test_now, NULL);
  activate (window, "win.open-drill", g_variant_new_string ("clamshell"));
  activate (window, "win.start-drill", g_variant_new_string ("clamshell"));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  widgets = g_ptr_array_new ();
  ui_test_collect_type (GTK_WIDGET (checkin), GTK_TYPE_SCALE, TRUE, widgets);
  g_assert_cmpuint (widgets->len, ==, 2);
  for (guint j = 0; j < widgets->len; j++)
    {
      GtkWidget *scale = g_ptr_array_index (widgets, j);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_ROLE_SLIDER);
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (scale),
                                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    }
  g_clear_pointer (&widgets, g_ptr_array_unref);
  assert_all_named (window, 8);   /* 2 scales, 4 toggles, skip, save */
  /* The answers keep the names that say their question. */
  widgets = g_ptr_array_new ();
  ui_test_collect_type (GTK_WIDGET (checkin), GTK_TYPE_TOGGLE_BUTTON, TRUE, widgets);
  g_assert_cmpuint (widgets->len, ==, 4);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (widgets, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Did your hip pop? Yes");
  g_clear_pointer (&widgets, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checkin), "checkin.skip", NULL));
  ui_test_settle (GTK_WIDGET (window));

  /* The coach: the figure is an image named after the drill whose
   * description follows the phase; the phase label announces phase
   * changes and the end of a hold, not the seconds. */
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  assert_all_named (window, 5);   /* back a rep, pause, skip, stop, … */
  figure = ui_test_find_type (GTK_WIDGET (coach), STEADY_TYPE_FIGURE_VIEW, TRUE);
  phase_label = ui_test_find_css_class (GTK_WIDGET (coach), "steady-coach-phase");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (phase_label), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (ui_test_find_type (GTK_WIDGET (coach), g_type_from_name ("SteadyCoachDial"), TRUE)),
                                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  {
    g_autofree char *start_text = start_description ("clamshell", STEADY_SIDE_LEFT);

    assert_figure (figure, "Clamshells", start_text);
  }

  /* Animations are off (reduced motion): through rep 2's lift the figure
   * does not glide; it shows the movement as a still with an arrow, and
   * is described by where it goes. */
  hold_text = held_description ("clamshell", STEADY_SIDE_LEFT);
  go_to (coach, START + 15.2);
  g_assert_cmpstr (steady_coach_page_get_phase_text (coach), ==, "Lift");
  g_assert_true (steady_figure_view_get_motion_arrow (STEADY_FIGURE_VIEW (figure)));
  assert_figure (figure, "Clamshells", hold_text);
  go_to (coach, START + 15.8);
  g_assert_true (steady_figure_view_get_motion_arrow (STEADY_FIGURE_VIEW (figure)));
  g_assert_false (steady_figure_view_is_animating (STEADY_FIGURE_VIEW (figure)));

  go_to (coach, START + 17.5);    /* rep 2's hold: the working position */
  g_assert_false (steady_figure_view_get_motion_arrow (STEADY_FIGURE_VIEW (figure)));
  assert_figure (figure, "Clamshells", hold_text);
  g_assert_cmpstr (steady_coach_page_get_announcement (coach), ==, "Hold. Rep 2 of 15.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (phase_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Hold. Rep 2 of 15.");
  /* The seconds of the hold pass without a word. */
  for (double t = 18.0; t < 21.0; t += 0.5)
    {
      go_to (coach, START + t);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (phase_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Hold. Rep 2 of 15.");
    }
  /* The hold's end is. */
  go_to (coach, START + 21.5);
  announced = g_strdup (steady_coach_page_get_announcement (coach));
  g_assert_true (g_str_has_prefix (announced, "Hold done."));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (phase_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       announced);
  g_assert_false (g_str_equal (hold_text, steady_coach_page_get_announcement (coach)));

  /* Paused: said, and the button says Resume. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.toggle-pause", NULL));
  ui_test_settle (GTK_WIDGET (window));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (phase_label), GTK_ACCESSIBLE_PROPERTY_LABEL, "Paused");
  assert_all_named (window, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.toggle-pause", NULL));

  /* Stopped with a painful pop: the after check-in, then the stop card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coach), "coach.stop", NULL));
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  {
    SteadyCheckin after = { 0, };

    after.pop_urge = 3;
    after.pain = 8;
    after.popped = 1;
    after.painful = 1;
    steady_checkin_view_set_checkin (checkin, &after);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checkin), "checkin.submit", NULL));
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "stop");
  assert_all_named (window, 2);
  gtk_widget_activate_action (GTK_WIDGET (steady_window_get_stop_card (window)), "stop-card.done", NULL);
  ui_test_settle (GTK_WIDGET (window));

  /* A whole session to its end: the coach's Done. */
  fake_now = START;
  activate (window, "win.start-drill", g_variant_new_string ("clamshell"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checkin), "checkin.skip", NULL));
  ui_test_settle (GTK_WIDGET (window));
  go_to (coach, START + 100000.0);
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (steady_coach_page_get_announcement (coach), ==, "Done. Well done.");
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "checkin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checkin), "checkin.skip", NULL));
  ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "coach");
  assert_all_named (window, 3);   /* back, menu, back to the drills, again */

  /* The history: every chart is an image named by its text summary. */
  activate (window, "win.show-history", NULL);
  g_assert_cmpstr (steady_window_get_page_name (window), ==, "history");
  widgets = g_ptr_array_new ();
  ui_test_collect_type (GTK_WIDGET (steady_window_get_history_page (window)), STEADY_TYPE_CHART_VIEW, TRUE, widgets);
  g_assert_cmpuint (widgets->len, >=, 1);
  for (guint j = 0; j < widgets->len; j++)
    {
      GtkWidget *chart = g_ptr_array_index (widgets, j);
      const char *summary = steady_chart_view_get_summary (STEADY_CHART_VIEW (chart));

      g_test_message ("chart: %s", summary);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_nonnull (summary);
      g_assert_cmpuint (strlen (summary), >, 0);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, summary);
    }
  g_clear_pointer (&widgets, g_ptr_array_unref);
  assert_all_named (window, 2);

  /* The error page. */
  {
    g_autofree char *dir = g_dir_make_tmp ("steady-a11y-XXXXXX", &error);
    g_autofree char *path = g_build_filename (dir, "broken.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, "<program", -1, NULL));
    g_assert_false (steady_window_open_file (window, file));
    ui_test_settle (GTK_WIDGET (window));
    assert_all_named (window, 2);   /* menu, use the built-in program */
    g_unlink (path);
    g_rmdir (dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_settings_reset (settings, "sound-mode");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("PULSE_SERVER", "unix:/nonexistent", TRUE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (TRUE);

  g_test_add_func ("/a11y/every-page", test_every_page);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

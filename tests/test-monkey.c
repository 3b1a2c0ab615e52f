/* test-monkey.c: thousands of random actions on the real window
 *
 * A seeded random walk through every window action the window installs
 * (with valid parameters), page changes on the card carousel, gesture
 * signals on Steady's own widgets (drags on the figure, clicks, the
 * mouse's back button) and window resizes. gtk_test_init() makes every
 * warning and critical fatal, so the test passes only if none is logged
 * and the window survives. (The kiosk has its own monkey, with real keys
 * and clicks: test-monkey-kiosk.c.)
 *
 * STEADY_MONKEY_STEPS sets the number of steps (default 2000; the
 * sanitizer pass of build-aux/dev test takes 300), STEADY_MONKEY_SEED the
 * seed (printed at the start).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "steady-application.h"
#include "ui-test.h"
#include "steady-deck.h"
#include "steady-program.h"
#include "steady-window.h"
#include "test-monkey-input.h"

/* Actions a monkey must not press: they end the test or open what a test
 * cannot close (native file choosers, printing). default.activate is
 * skipped because the default widget may be one of those buttons. */
static const char * const skipped_actions[] = {
  "window.close",
  "win.export-journal",
  "win.print-handout",
  "default.activate",
  NULL
};

typedef struct {
  char               *name;
  const GVariantType *type;
} Action;

static void
action_clear (gpointer data)
{
  Action *action = data;

  g_free (action->name);
}

static GArray *
collect_actions (GtkWidget *widget)
{
  GArray *actions = g_array_new (FALSE, TRUE, sizeof (Action));
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *type;
  const char *name;
  const char *property;   /* GTK 4.8 needs every out argument */
  GType owner;

  g_array_set_clear_func (actions, action_clear);

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    {
      Action action = { g_strdup (name), type };

      if (g_strv_contains (skipped_actions, name))
        {
          g_free (action.name);
          continue;
        }
      g_array_append_val (actions, action);
    }

  return actions;
}

/* A parameter the UI itself could send: drill ids for string actions,
 * small positions for numbers. */
static GVariant *
random_parameter (GRand              *rand,
                  const GVariantType *type,
                  SteadyProgram      *program)
{
  GListModel *drills = steady_program_get_drills (program);

  if (type == NULL)
    return NULL;

  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING))
    {
      guint n = g_list_model_get_n_items (drills);
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, g_rand_int_range (rand, 0, n));

      return g_variant_new_string (steady_drill_get_id (drill));
    }
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    return g_variant_new_uint32 (g_rand_int_range (rand, 0, 20));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    return g_variant_new_int32 (g_rand_int_range (rand, -2, 20));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (g_rand_boolean (rand));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_DOUBLE))
    return g_variant_new_double (g_rand_double_range (rand, 0, 100));

  return NULL;
}

static void
spin (guint iterations)
{
  for (guint i = 0; i < iterations; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Windows the monkey opened (About, Shortcuts, Preferences …) are closed
 * again so they do not pile up. */
static void
close_other_windows (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        {
          if (g_test_verbose ())
            g_test_message ("closing %s %p (keeping %p)", G_OBJECT_TYPE_NAME (window), window, keep);
          gtk_window_destroy (window);
        }
    }
}

static void
test_monkey_desktop (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (monkey_seed ());
  SteadyApplication *app = STEADY_APPLICATION (g_application_get_default ());
  SteadyWindow *window = steady_window_new (app);
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new_builtin (&error);
  guint steps = monkey_steps (2000);
  guint activated = 0;
  guint gestures = 0;

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_assert_true (steady_window_open_builtin (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  actions = collect_actions (GTK_WIDGET (window));
  g_assert_cmpuint (actions->len, >, 5);

  for (guint step = 0; step < steps; step++)
    {
      int what = g_rand_int_range (rand, 0, 12);

      g_assert_nonnull (window);

      if (what < 8)
        {
          const Action *action = &g_array_index (actions, Action, g_rand_int_range (rand, 0, actions->len));
          GVariant *parameter = random_parameter (rand, action->type, program);

          if (action->type != NULL && parameter == NULL)
            continue;   /* a parameter type the monkey cannot make */
          if (g_test_verbose ())
            g_test_message ("step %u: %s", step, action->name);
          if (gtk_widget_activate_action_variant (GTK_WIDGET (window), action->name, parameter))
            activated++;
          else if (parameter != NULL)
            g_variant_unref (g_variant_ref_sink (parameter));
        }
      else if (what == 8)
        {
          /* A swipe lands on some card. */
          SteadyDeck *deck = steady_window_get_deck (window);
          guint n = steady_deck_get_n_cards (deck);

          if (n > 0)
            steady_deck_go_to (deck, g_rand_int_range (rand, 0, n), g_rand_boolean (rand));
        }
      else if (what < 11)
        {
          const char *signal = monkey_emit_gesture (rand, GTK_WIDGET (window));

          if (g_test_verbose ())
            g_test_message ("step %u: gesture %s", step, signal ? signal : "(none)");
          if (signal != NULL)
            gestures++;
        }
      else
        gtk_window_set_default_size (GTK_WINDOW (window),
                                     g_rand_int_range (rand, 360, 1920),
                                     g_rand_int_range (rand, 480, 1080));

      spin (g_rand_int_range (rand, 1, 6));
      if (step % 50 == 49)
        close_other_windows (GTK_WINDOW (window));
    }

  g_test_message ("%u of %u steps activated an action, %u emitted a gesture signal",
                  activated, steps, gestures);
  g_assert_cmpuint (activated, >, steps / 4);
  g_assert_cmpuint (gestures, >, steps / 50);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  close_other_windows (NULL);
  spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SteadyApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ui_test_application_new (FALSE);
  g_application_set_default (G_APPLICATION (app));

  g_test_add_func ("/monkey/desktop", test_monkey_desktop);

  return g_test_run ();
}

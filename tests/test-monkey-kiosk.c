/* test-monkey-kiosk.c: thousands of random actions on the kiosk
 *
 * The application runs in kiosk mode under g_application_run(), as on a
 * waiting-room screen, and a seeded monkey works it from inside the main
 * loop: real keys (Alt+F4, Ctrl+Q, Ctrl+W, Escape, F10, Menu …), clicks,
 * drags and scrolls at random points through xdotool, gesture signals on
 * the kiosk's own controllers (Xvfb has no touch screen), the kiosk's
 * actions and a few that must not exist, the staff corner and keypad with
 * wrong PINs, close requests, and jumps of the kiosk's clock from a tenth
 * of a second to hours (idle warnings and resets).
 *
 * After every step: no warning or critical was logged (gtk_test_init makes
 * them fatal), the kiosk window is alive, shown and full screen, it is the
 * only window (no Preferences, About, Shortcuts or file chooser), and the
 * application has not quit — g_application_run() returns only when the
 * monkey is done.
 *
 * Full screen needs a window manager to grant it: the test starts
 * matchbox-window-manager (a kiosk's window manager, whose Alt+F4 asks the
 * window to close) on the virtual display, and skips the full-screen check
 * if it is not installed.
 *
 * STEADY_MONKEY_STEPS sets the number of steps (default 2000),
 * STEADY_MONKEY_SEED the seed (printed at the start).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "steady-application.h"
#include "steady-kiosk-pin.h"
#include "steady-kiosk-window.h"
#include "test-monkey-input.h"
#include "ui-test.h"

#define S(x) ((gint64) ((x) * (double) G_USEC_PER_SEC))
#define T0 S(5000)

/* Actions that must not exist in a kiosk: activating them fails. */
static const char * const forbidden_actions[] = {
  "app.quit", "app.preferences", "app.about", "app.shortcuts", "win.preferences",
  "win.about", "win.open", "win.export-journal", "win.print-handout", "win.show-history",
};

typedef struct {
  SteadyApplication *app;
  SteadyKioskWindow *window;
  GRand             *rand;
  GArray            *actions;       /* of const char * (class-owned) */
  guint              steps;
  guint              step;
  gint64             now;
  gboolean           in_tick;       /* monkey_tick is running */
  gboolean           sending;       /* xdotool is running */
  gboolean           sent;
  gboolean           real_input;
  gboolean           done;
  gboolean           managed;       /* a window manager grants full screen */
  guint              fullscreen_restored;
  guint              windows_removed;
  guint              counts[8];
} Monkey;

enum { DO_INPUT, DO_GESTURE, DO_CLOCK, DO_ACTION, DO_FORBIDDEN, DO_STAFF, DO_CLOSE, N_DO };
static const char * const do_names[] = { "input", "gesture", "clock", "action", "forbidden",
                                         "staff", "close" };

static void
check_invariants (Monkey *monkey)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (monkey->app));

  g_assert_nonnull (monkey->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (monkey->window)));
  /* The window manager's F11 takes full screen away; the kiosk must
   * take it back at once. */
  if (monkey->managed && !gtk_window_is_fullscreen (GTK_WINDOW (monkey->window)))
    {
      WAIT_UNTIL (gtk_window_is_fullscreen (GTK_WINDOW (monkey->window)));
      monkey->fullscreen_restored++;
    }
  g_assert_cmpuint (monkey->windows_removed, ==, 0);
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (windows->data == (gpointer) monkey->window);

  /* Nothing else opened: no Preferences, About, Shortcuts, dialogs. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (monkey->window))
        g_error ("step %u: a %s appeared in the kiosk (%s)", monkey->step,
                 G_OBJECT_TYPE_NAME (toplevel),
                 gtk_window_get_title (toplevel) ? gtk_window_get_title (toplevel) : "untitled");
    }
}

static void
advance_clock (Monkey *monkey)
{
  SteadyKiosk *kiosk = steady_kiosk_window_get_kiosk (monkey->window);
  guint idle = steady_kiosk_get_idle_seconds (kiosk);
  guint warning = steady_kiosk_get_warning_seconds (kiosk);
  int what = g_rand_int_range (monkey->rand, 0, 10);

  if (what < 6)
    monkey->now += S(g_rand_double_range (monkey->rand, 0.02, 3.0));
  else if (what < 8)
    monkey->now += S(idle + g_rand_double_range (monkey->rand, -1.0, 1.0));   /* the warning */
  else if (what < 9)
    monkey->now += S(idle + warning + g_rand_double_range (monkey->rand, 0, 5));   /* a reset */
  else
    monkey->now += S(g_rand_double_range (monkey->rand, 600, 36 * 3600));   /* overnight */

  steady_kiosk_window_advance (monkey->window, monkey->now);
}

static void
staff_corner (Monkey *monkey)
{
  static const char keys[] = "0123456789bk";
  guint n = g_rand_int_range (monkey->rand, 0, 20);

  /* Five taps in the corner open the keypad; then wrong PINs. */
  for (int i = 0; i < 5; i++)
    steady_kiosk_window_touch (monkey->window, g_rand_double_range (monkey->rand, 0, 40),
                               g_rand_double_range (monkey->rand, 0, 40));
  for (guint i = 0; i < n; i++)
    steady_kiosk_window_press_pin_key (monkey->window,
                                       keys[g_rand_int_range (monkey->rand, 0, strlen (keys))]);
  if (g_rand_boolean (monkey->rand))
    gtk_widget_activate_action (GTK_WIDGET (monkey->window), "win.kiosk-pin-cancel", NULL);
}

static void
one_step (Monkey *monkey)
{
  int what = g_rand_int_range (monkey->rand, 0, 100);
  int kind;

  if (what < 45)
    kind = monkey->real_input ? DO_INPUT : DO_GESTURE;
  else if (what < 60)
    kind = DO_GESTURE;
  else if (what < 78)
    kind = DO_CLOCK;
  else if (what < 90)
    kind = DO_ACTION;
  else if (what < 94)
    kind = DO_FORBIDDEN;
  else if (what < 98)
    kind = DO_STAFF;
  else
    kind = DO_CLOSE;

  monkey->counts[kind]++;
  if (g_test_verbose ())
    g_test_message ("step %u: %s", monkey->step, do_names[kind]);

  switch (kind)
    {
    case DO_INPUT:
      {
        g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

        /* A few at a time: one xdotool for each is slow. */
        guint n = g_rand_int_range (monkey->rand, 1, 7);

        /* (Not inside MIN(), which would draw twice.) */
        n = MIN (n, monkey->steps - monkey->step);

        monkey_add_input (monkey->rand, args, n, 1920, 1080);
        monkey->step += n - 1;
        monkey->counts[kind] += n - 1;
        if (g_test_verbose ())
          {
            g_ptr_array_add (args, NULL);
            g_autofree char *line = g_strjoinv (" ", (char **) args->pdata);
            g_test_message ("  xdotool %s", line);
            g_ptr_array_remove_index (args, args->len - 1);
          }
        monkey->sending = TRUE;
        monkey_send_input_async (GTK_WIDGET (monkey->window), args, &monkey->sent);
      }
      break;
    case DO_GESTURE:
      monkey_emit_gesture (monkey->rand, GTK_WIDGET (monkey->window));
      break;
    case DO_CLOCK:
      advance_clock (monkey);
      break;
    case DO_ACTION:
      {
        const char *name = g_array_index (monkey->actions, const char *,
                                          g_rand_int_range (monkey->rand, 0, monkey->actions->len));

        gtk_widget_activate_action (GTK_WIDGET (monkey->window), name, NULL);
      }
      break;
    case DO_FORBIDDEN:
      {
        const char *name = forbidden_actions[g_rand_int_range (monkey->rand, 0,
                                                               G_N_ELEMENTS (forbidden_actions))];

        g_assert_false (gtk_widget_activate_action (GTK_WIDGET (monkey->window), name, NULL));
      }
      break;
    case DO_STAFF:
      staff_corner (monkey);
      break;
    case DO_CLOSE:
      /* Alt+F4 through a window manager, the compositor's close. */
      if (g_rand_boolean (monkey->rand))
        gtk_window_close (GTK_WINDOW (monkey->window));
      else
        gtk_widget_activate_action (GTK_WIDGET (monkey->window), "window.close", NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean monkey_tick_once (Monkey *monkey);

static void
quit_application (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static gboolean
monkey_tick (gpointer user_data)
{
  Monkey *monkey = user_data;
  gboolean go_on;

  /* Letting the window take its input, and waiting for full screen, run
   * the main loop, where this timeout fires again: one step at a time, or
   * two xdotools would type at once and the step count could jump past
   * its end. */
  if (monkey->in_tick)
    return G_SOURCE_CONTINUE;
  monkey->in_tick = TRUE;
  go_on = monkey_tick_once (monkey);
  monkey->in_tick = FALSE;
  return go_on;
}

static gboolean
monkey_tick_once (Monkey *monkey)
{
  if (monkey->sending)
    {
      if (!monkey->sent)
        return G_SOURCE_CONTINUE;   /* xdotool is still typing */
      monkey->sending = FALSE;
      /* Let the window take what xdotool sent before looking. */
      gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (monkey->window)));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  check_invariants (monkey);

  if (monkey->step >= monkey->steps)
    {
      monkey->done = TRUE;
      /* Only the monkey ends the run; if anything else had quit the
       * application, g_application_run() would have returned early. Not
       * at once: GTK 4.8's scrolled window ends a wheel scroll from a
       * timeout that reads the window's frame clock, and if the window
       * is gone by then it has none (a critical, fatal here). The last
       * wheel turns' timeouts run out first. */
      g_timeout_add_once (500, quit_application, monkey->app);
      return G_SOURCE_REMOVE;
    }

  one_step (monkey);
  monkey->step++;
  return G_SOURCE_CONTINUE;
}

static void
on_window_removed (GtkApplication *app,
                   GtkWindow      *window,
                   Monkey         *monkey)
{
  monkey->windows_removed++;
}

/* The kiosk window is up: the monkey starts. */
static gboolean
monkey_start (gpointer user_data)
{
  Monkey *monkey = user_data;
  GtkWidgetClass *klass;
  const GVariantType *type;
  const char *name;
  const char *property;
  GType owner;

  g_assert_nonnull (monkey->window);
  g_object_add_weak_pointer (G_OBJECT (monkey->window), (gpointer *) &monkey->window);
  steady_kiosk_window_use_manual_clock (monkey->window, monkey->now);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (monkey->window));
  if (monkey->managed)
    {
      WAIT_UNTIL (gtk_window_is_fullscreen (GTK_WINDOW (monkey->window)));
    }
  else
    g_test_message ("no window manager: full screen is not checked");
  monkey->real_input = monkey_can_send_input (GTK_WIDGET (monkey->window));
  if (!monkey->real_input)
    g_test_message ("no xdotool or no X11: gesture signals instead of real input");

  klass = GTK_WIDGET_GET_CLASS (monkey->window);
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    if (type == NULL && g_str_has_prefix (name, "win."))
      g_array_append_val (monkey->actions, name);
  g_assert_cmpuint (monkey->actions->len, >=, 5);

  g_signal_connect (monkey->app, "window-removed", G_CALLBACK (on_window_removed), monkey);
  /* Every millisecond, not every idle: waiting for xdotool must not spin. */
  g_timeout_add (1, monkey_tick, monkey);
  return G_SOURCE_REMOVE;
}

/* The application opens its window as it starts in kiosk mode. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Monkey         *monkey)
{
  g_assert_null (monkey->window);
  g_assert_true (STEADY_IS_KIOSK_WINDOW (window));
  monkey->window = STEADY_KIOSK_WINDOW (window);
  /* Not an idle: the attract loop redraws on the real clock until the
   * monkey takes the clock over, and under ASan each frame takes longer
   * than a frame, so an idle would never run. */
  g_idle_add_full (G_PRIORITY_DEFAULT, monkey_start, monkey, NULL);
}

static GPid wm_pid;

/* In the window manager, before it runs: it ends with the test. A test
 * that fails aborts, and a window manager left running would keep the
 * test's output open, so that meson waits for it until its timeout.
 * (The window manager must be the test's own child, not reaped through an
 * intermediate process: that one's exit would end it at once.) */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
start_window_manager (void)
{
  g_autofree char *path = g_find_program_in_path ("matchbox-window-manager");
  const char *argv[] = { "matchbox-window-manager", "-use_titlebar", "no", NULL };
  g_autoptr(GError) error = NULL;

  if (path == NULL || g_getenv ("DISPLAY") == NULL)
    return;
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      die_with_parent, NULL, &wm_pid, &error))
    {
      g_test_message ("could not start the window manager: %s", error->message);
      wm_pid = 0;
      return;
    }

#ifdef GDK_WINDOWING_X11
  /* Windows mapped before the window manager runs are not made full
   * screen: wait (bounded, not timed) until it has claimed the screen. */
  {
    GdkDisplay *display = gdk_display_get_default ();
    Display *xdisplay = gdk_x11_display_get_xdisplay (display);
    Atom check = XInternAtom (xdisplay, "_NET_SUPPORTING_WM_CHECK", False);

    for (guint i = 0; i < UI_TEST_WAIT_LIMIT_SECONDS * 100; i++)
      {
        Atom type = None;
        int format;
        unsigned long n, after;
        unsigned char *data = NULL;

        XGetWindowProperty (xdisplay, DefaultRootWindow (xdisplay), check, 0, 1, False,
                            AnyPropertyType, &type, &format, &n, &after, &data);
        if (data != NULL)
          XFree (data);
        if (type != None)
          return;
        g_usleep (10000);
      }
    g_test_message ("the window manager did not start");
    kill (wm_pid, SIGTERM);
    waitpid (wm_pid, NULL, 0);
    g_spawn_close_pid (wm_pid);
    wm_pid = 0;
  }
#endif
}

static void
test_monkey_kiosk (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SteadyApplication) app = steady_application_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (monkey_seed ());
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (const char *));
  static const guint8 salt[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  g_autofree char *hash = NULL;
  Monkey monkey = { 0, };
  int status;

  /* A clinic's kiosk: locked into kiosk mode, with a staff PIN the
   * monkey will not guess (12 digits; few rounds, to keep it quick). */
  hash = steady_kiosk_pin_hash_with_salt ("902718364512", salt, sizeof salt, 50);
  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  g_settings_set_string (settings, "kiosk-staff-pin-hash", hash);

  monkey.app = app;
  monkey.rand = rand;
  monkey.actions = actions;
  monkey.steps = monkey_steps (2000);
  monkey.now = T0;
  monkey.managed = wm_pid != 0;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &monkey);

  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_assert_true (monkey.done);
  g_assert_cmpuint (monkey.step, ==, monkey.steps);
  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < N_DO; i++)
    g_test_message ("%s: %u", do_names[i], monkey.counts[i]);
  g_test_message ("seen out of full screen (and back): %u times", monkey.fullscreen_restored);
  /* Every kind of step was taken (the input steps only with xdotool). */
  for (guint i = DO_GESTURE; i < N_DO && monkey.steps >= 1000; i++)
    g_assert_cmpuint (monkey.counts[i], >, 0);

  g_assert_nonnull (monkey.window);
  gtk_window_destroy (GTK_WINDOW (monkey.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_settings_reset (settings, "kiosk-mode");
  g_settings_reset (settings, "kiosk-staff-pin-hash");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  start_window_manager ();
  g_test_add_func ("/monkey/kiosk", test_monkey_kiosk);

  status = g_test_run ();
  if (wm_pid != 0)
    {
      kill (wm_pid, SIGTERM);
      waitpid (wm_pid, NULL, 0);
      g_spawn_close_pid (wm_pid);
    }
  return status;
}

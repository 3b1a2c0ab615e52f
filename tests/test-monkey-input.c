/* test-monkey-input.c: what the desktop and kiosk monkeys share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "test-monkey-input.h"
#include "steady-types.h"

guint32
monkey_seed (void)
{
  const char *env = g_getenv ("STEADY_MONKEY_SEED");
  guint64 seed;

  if (env == NULL || !g_ascii_string_to_unsigned (env, 10, 0, G_MAXUINT32, &seed, NULL))
    seed = g_random_int ();

  /* On stderr too: a fatal critical ends the test before any summary. */
  g_printerr ("# monkey seed %" G_GUINT64_FORMAT " (STEADY_MONKEY_SEED=%" G_GUINT64_FORMAT
              " walks the same way again)\n", seed, seed);
  return (guint32) seed;
}

guint
monkey_steps (guint fallback)
{
  return steady_env_get_count ("STEADY_MONKEY_STEPS", fallback);
}

static gboolean
is_ours (GtkWidget *widget)
{
  return g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Steady");
}

static void
collect_controllers (GtkWidget *widget,
                     GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (is_ours (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          g_ptr_array_add (out, g_object_ref (controller));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controllers (child, out);
}

const char *
monkey_emit_gesture (GRand     *rand,
                     GtkWidget *root)
{
  g_autoptr(GPtrArray) controllers = g_ptr_array_new_with_free_func (g_object_unref);
  GtkEventController *controller;
  GtkWidget *widget;
  double w, h;

  collect_controllers (root, controllers);
  if (controllers->len == 0)
    return NULL;

  controller = g_ptr_array_index (controllers, g_rand_int_range (rand, 0, controllers->len));
  widget = gtk_event_controller_get_widget (controller);
  w = MAX (gtk_widget_get_width (widget), 1);
  h = MAX (gtk_widget_get_height (widget), 1);

  if (GTK_IS_GESTURE_DRAG (controller))
    {
      double dx = g_rand_double_range (rand, -w, w);
      double dy = g_rand_double_range (rand, -h, h);

      g_signal_emit_by_name (controller, "drag-begin",
                             g_rand_double_range (rand, 0, w), g_rand_double_range (rand, 0, h));
      for (int i = 1; i <= 4; i++)
        g_signal_emit_by_name (controller, "drag-update", dx * i / 4, dy * i / 4);
      g_signal_emit_by_name (controller, "drag-end", dx, dy);
      return "drag";
    }
  if (GTK_IS_GESTURE_SWIPE (controller))
    {
      g_signal_emit_by_name (controller, "swipe",
                             g_rand_double_range (rand, -3000, 3000),
                             g_rand_double_range (rand, -3000, 3000));
      return "swipe";
    }
  if (GTK_IS_GESTURE_CLICK (controller))
    {
      int n_press = g_rand_int_range (rand, 1, 4);
      double x = g_rand_double_range (rand, 0, w);
      double y = g_rand_double_range (rand, 0, h);

      g_signal_emit_by_name (controller, "pressed", n_press, x, y);
      g_signal_emit_by_name (controller, "released", n_press, x, y);
      return "click";
    }
  if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (controller, "scroll",
                             g_rand_double_range (rand, -10, 10),
                             g_rand_double_range (rand, -10, 10), &handled);
      return "scroll";
    }
  if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
    {
      static const guint keys[] = { GDK_KEY_space, GDK_KEY_Escape, GDK_KEY_Return, GDK_KEY_Left,
                                    GDK_KEY_Right, GDK_KEY_a, GDK_KEY_F4, GDK_KEY_q };
      gboolean handled = FALSE;

      g_signal_emit_by_name (controller, "key-pressed",
                             keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))], 0,
                             (GdkModifierType) 0, &handled);
      return "key";
    }

  return NULL;
}

gboolean
monkey_can_send_input (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gtk_widget_get_display (widget));
#else
  return FALSE;
#endif
}

static void
add (GPtrArray  *args,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
add (GPtrArray  *args,
     const char *format,
     ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (args, g_strdup_vprintf (format, ap));
  va_end (ap);
}

void
monkey_add_input (GRand     *rand,
                  GPtrArray *args,
                  guint      n,
                  int        width,
                  int        height)
{
  /* The ways out a desktop knows, and the keys that move things. */
  static const char * const keys[] = {
    "alt+F4", "ctrl+q", "ctrl+w", "Escape", "F10", "Menu", "shift+F10", "F11", "super",
    "ctrl+comma", "ctrl+question", "F1", "ctrl+o", "ctrl+p", "alt+Left", "alt+space",
    "Return", "space", "Tab", "shift+Tab", "Left", "Right", "Up", "Down", "Home", "End",
    "Prior", "Next", "BackSpace", "Delete", "1", "4", "9", "a", "ctrl+a", "ctrl+c",
  };
  static const char * const buttons[] = { "1", "1", "1", "1", "3", "8", "2" };

  for (guint i = 0; i < n; i++)
    {
      int what = g_rand_int_range (rand, 0, 10);
      int x = g_rand_int_range (rand, 0, width);
      int y = g_rand_int_range (rand, 0, height);

      if (what < 4)
        {
          add (args, "key");
          add (args, "--delay");
          add (args, "1");
          add (args, "%s", keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))]);
        }
      else if (what < 8)
        {
          const char *button = buttons[g_rand_int_range (rand, 0, G_N_ELEMENTS (buttons))];

          /* Down and up rather than "click", which waits 100 ms. */
          add (args, "mousemove");
          add (args, "%d", x);
          add (args, "%d", y);
          add (args, "mousedown");
          add (args, "%s", button);
          add (args, "mouseup");
          add (args, "%s", button);
        }
      else if (what < 9)
        {
          /* A drag, as a hand swipes a card with the mouse. */
          int steps = g_rand_int_range (rand, 2, 8);
          int dx = g_rand_int_range (rand, -120, 121);
          int dy = g_rand_int_range (rand, -40, 41);

          add (args, "mousemove");
          add (args, "%d", x);
          add (args, "%d", y);
          add (args, "mousedown");
          add (args, "1");
          for (int s = 0; s < steps; s++)
            {
              add (args, "sleep");
              add (args, "0.01");
              add (args, "mousemove_relative");
              add (args, "--");
              add (args, "%d", dx);
              add (args, "%d", dy);
            }
          add (args, "mouseup");
          add (args, "1");
        }
      else
        {
          add (args, "mousemove");
          add (args, "%d", x);
          add (args, "%d", y);
          add (args, "click");
          add (args, "--delay");
          add (args, "5");
          add (args, "--repeat");
          add (args, "%d", g_rand_int_range (rand, 1, 4));
          add (args, "%s", g_rand_boolean (rand) ? "4" : "5");
        }
    }
}

static void
on_input_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

void
monkey_send_input_async (GtkWidget *window,
                         GPtrArray *args,
                         gboolean  *done)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  *done = FALSE;
  g_ptr_array_add (argv, (char *) "xdotool");
  g_ptr_array_add (argv, (char *) "windowfocus");
  g_ptr_array_add (argv, (char *) "--sync");
  g_ptr_array_add (argv, xid);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_input_sent, done);
#else
  g_assert_not_reached ();
#endif
}

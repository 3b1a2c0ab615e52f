/* steady-kiosk-window.c: Steady as an unattended waiting-room kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <signal.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "steady-cue-engine.h"
#include "steady-deck.h"
#include "steady-drill-numbers.h"
#include "steady-figure-view.h"
#include "steady-kiosk-pin.h"
#include "steady-kiosk-window.h"
#include "steady-size-class.h"
#include "steady-motion.h"
#include "steady-timeline.h"

/* The attract loop shows each drill's movement for this long. */
#define ATTRACT_SECONDS_PER_DRILL 8.0

struct _SteadyKioskWindow
{
  AdwApplicationWindow parent_instance;

  SteadyKiosk       *kiosk;
  GSettings         *settings;
  const char        *size_class;  /* see steady-size-class.h */
  SteadyProgram     *program;
  gboolean           program_given;  /* by the caller: not reloaded */
  char              *language;       /* the visitor's choice; NULL: the default */
  char              *pin_hash;

  gboolean           manual_clock;
  gint64             manual_now;
  guint              deadline_id;
  guint              test_touch_id;
  guint              tick_id;
  gint64             attract_start;
  gboolean           staff_leaving;
  guint              fullscreen_retry_id;
  guint              touch_id;        /* a lifted touch, acted on next */
  guint              visit_id;        /* a visit begun on the loop, next */
  gboolean           attract_pressed; /* a finger came down on the loop */
  double             touch_x, touch_y;
  guint              fullscreen_retries;

  GtkStack          *stack;
  GtkWidget         *overlay;

  SteadyFigureView  *attract_figure;
  GtkLabel          *attract_drill_label;

  SteadyDeck        *deck;

  SteadyCueEngine   *cues;           /* NULL unless kiosk-sound is on */
  SteadyTimeline    *timeline;
  int                loaded_drill;   /* the timeline's drill, or -1 */
  const char        *caption_source; /* the timeline's caption shown, one
                                      * line per sound, in drill_caption */
  gint64             drill_start;
  double             drill_t;
  SteadyFigureView  *drill_figure;
  GtkLabel          *drill_title;
  GtkLabel          *drill_numbers;
  GtkLabel          *drill_counter;
  GtkLabel          *drill_phase;
  GtkLabel          *drill_hold;
  GtkLabel          *drill_caption;
  GtkButton         *drill_next;
  GtkWidget         *drill_middle;   /* the figure beside (or above) the side */

  GtkWidget         *home_scroller;  /* the home page's list of drills */
  int                fit_width;      /* the size the text was fitted to */
  int                fit_height;

  GtkWidget         *warning;
  GtkLabel          *warning_count;

  GtkWidget         *pin_pad;
  GtkLabel          *pin_dots;
  GtkLabel          *pin_message;
  GtkWidget         *pin_keys;
  GString           *pin;
};

G_DEFINE_FINAL_TYPE (SteadyKioskWindow, steady_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

static guint n_live_timelines;
static guint n_live_figures;
static guint n_live_decks;

static void steady_kiosk_window_schedule (SteadyKioskWindow *self);
static void steady_kiosk_window_update_motion (SteadyKioskWindow *self, gint64 now);
static void steady_kiosk_window_update_warning (SteadyKioskWindow *self, gint64 now);
static void update_pin_pad (SteadyKioskWindow *self, gint64 now);
static void on_view_changed (SteadyKioskWindow *self);
static void on_deck_position (SteadyKioskWindow *self);
static void on_attract_drill (SteadyFigureView *figure, GParamSpec *pspec, GtkLabel *label);
static const char *language_at (SteadyKioskWindow *self, double x, double y);
static SteadyProgram *load_program (GSettings *settings);
static void apply_language (SteadyKioskWindow *self, const char *language, gboolean show);

static void
steady_kiosk_window_stop_cues (SteadyKioskWindow *self)
{
  steady_cue_engine_stop (self->cues);
}

static gint64
now_us (SteadyKioskWindow *self)
{
  return self->manual_clock ? self->manual_now : g_get_monotonic_time ();
}

static void
timeline_finalized (gpointer  data,
                    GObject  *where)
{
  n_live_timelines--;
}

static void
figure_finalized (gpointer  data,
                  GObject  *where)
{
  n_live_figures--;
}

static void
deck_finalized (gpointer  data,
                GObject  *where)
{
  n_live_decks--;
}

guint
steady_kiosk_window_get_n_live_objects (void)
{
  return n_live_timelines + n_live_figures + n_live_decks;
}

/* The kiosk's own figures (the attract loop's, the drill page's). */
static SteadyFigureView *
kiosk_figure_new (void)
{
  GtkWidget *figure = steady_figure_view_new ();

  n_live_figures++;
  g_object_weak_ref (G_OBJECT (figure), figure_finalized, NULL);
  return STEADY_FIGURE_VIEW (figure);
}

/* Languages
 *
 * gettext translates into the languages LANGUAGE lists, but only outside
 * the C locale, so under C (a bare kiosk box) messages use C.UTF-8. It
 * keeps each message it found under the locale's name, not LANGUAGE's,
 * until the locale really changes (glibc's catalog counter): so every
 * switch goes through another locale first, even back to the same name
 * (a box's C.UTF-8 or en_US.UTF-8). What Steady started with is the
 * default, which every reset returns to. */

static char *start_language;   /* LANGUAGE at start, or NULL */
static char *start_locale;     /* LC_MESSAGES at start */

static void
remember_start_language (void)
{
  if (start_locale != NULL)
    return;
  start_language = g_strdup (g_getenv ("LANGUAGE"));
  start_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  if (start_locale == NULL)
    start_locale = g_strdup ("C");
}

/* LC_MESSAGES is @name, and gettext looks up every message afresh. */
static void
set_messages_locale (const char *name)
{
  setlocale (LC_MESSAGES, g_str_equal (name, "C") ? "POSIX" : "C");
  if (setlocale (LC_MESSAGES, name) == NULL)
    g_warning ("kiosk: cannot set the messages locale to %s", name);
}

/* gettext translates into @language from now on (NULL: the default). */
static void
use_language (const char *language)
{
  gboolean c_locale;

  remember_start_language ();
  c_locale = g_str_equal (start_locale, "C") || g_str_equal (start_locale, "POSIX");
  if (language == NULL)
    {
      if (start_language != NULL)
        g_setenv ("LANGUAGE", start_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      set_messages_locale (start_locale);
    }
  else
    {
      g_setenv ("LANGUAGE", language, TRUE);
      set_messages_locale (c_locale ? "C.UTF-8" : start_locale);
    }
}

/* @msgid (in @context, or none) translated into @language. Only while
 * the attract page is built, in the default language, on the main thread. */
static char *
translate_in (const char *language,
              const char *context,
              const char *msgid)
{
  char *result;

  use_language (language);
  result = g_strdup (context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                                     : g_dgettext (GETTEXT_PACKAGE, msgid));
  use_language (NULL);
  return result;
}

/* No timeline's caption: the next one shown is always written. */
static const char caption_unset[] = "";

/* Forgets the drill being watched, and silences its cues. */
static void
drop_timeline (SteadyKioskWindow *self)
{
  if (self->cues != NULL && self->timeline != NULL)
    steady_kiosk_window_stop_cues (self);
  g_clear_object (&self->timeline);
  self->loaded_drill = -1;
  self->caption_source = caption_unset;
}

/* The kiosk's times and sound, from its settings (the environment's
 * STEADY_KIOSK_*_SECONDS first, for tests). Read at start, when a visitor
 * first touches the attract loop and when the kiosk is back on it, so a
 * change made with dconf while it runs holds from the next visitor on,
 * without a restart; a visit under way keeps what it started with. */
static void
apply_settings (SteadyKioskWindow *self)
{
  steady_kiosk_set_timeouts (self->kiosk,
                             steady_env_get_count ("STEADY_KIOSK_IDLE_SECONDS",
                                                   g_settings_get_uint (self->settings, "kiosk-idle-seconds")),
                             steady_env_get_count ("STEADY_KIOSK_WARNING_SECONDS",
                                                   g_settings_get_uint (self->settings, "kiosk-warning-seconds")));
  /* Waiting rooms are quiet: sound only when the clinic turned it on. */
  if (!g_settings_get_boolean (self->settings, "kiosk-sound"))
    g_clear_object (&self->cues);
  else if (self->cues == NULL)
    self->cues = steady_cue_engine_new ();
}

/* The staff PIN's hash, read when it is asked for, so that a PIN changed
 * with dconf while the kiosk runs (a departed member of staff's) counts at
 * once. */
static const char *
current_pin_hash (SteadyKioskWindow *self)
{
  if (self->settings != NULL)
    {
      g_free (self->pin_hash);
      self->pin_hash = g_settings_get_string (self->settings, "kiosk-staff-pin-hash");
    }

  return self->pin_hash;
}

/* Pages */

static GtkLabel *
big_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

/* What joins the captions of sounds at one moment, as the timeline
 * writes it in the current language (" · " in English). */
static char *
caption_joiner (void)
{
  char *joiner = g_strdup (_(" · %s"));
  char *slot = strstr (joiner, "%s");

  if (slot != NULL)
    *slot = '\0';
  if (joiner[0] == '\0')
    {
      g_free (joiner);
      joiner = g_strdup (" · ");
    }

  return joiner;
}

static GtkWidget *
touch_button (const char *label,
              const char *action,
              gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "steady-touch");
  gtk_widget_add_css_class (button, "steady-kiosk-button");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
on_attract_drill (SteadyFigureView *figure,
                  GParamSpec       *pspec,
                  GtkLabel         *label)
{
  SteadyDrill *drill = steady_figure_view_get_drill (figure);

  gtk_label_set_label (label, drill != NULL ? steady_drill_get_title (drill) : "");
}

static GtkWidget *
language_button (const char *language,
                 const char *name)
{
  GtkWidget *button = touch_button (name, NULL, FALSE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.kiosk-language");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", language);
  gtk_widget_add_css_class (button, "steady-kiosk-language");
  /* A touch on it is seen first by the window, which switches then. */
  g_object_set_data_full (G_OBJECT (button), "steady-kiosk-language", g_strdup (language), g_free);
  return button;
}

static GtkWidget *
build_attract (SteadyKioskWindow *self,
               GSettings         *settings)
{
  static const char *invitation = N_("Touch to learn why your hip pops");
  /* Translators: the name of your language, in your language (“Español”). */
  static const char *autonym = NC_("language name", "English");
  g_auto(GStrv) languages = g_settings_get_strv (settings, "kiosk-languages");
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);

  gtk_widget_add_css_class (box, "steady-kiosk-attract");

  self->attract_figure = kiosk_figure_new ();
  steady_figure_view_set_seconds_per_drill (self->attract_figure, ATTRACT_SECONDS_PER_DRILL);
  steady_figure_view_set_drills (self->attract_figure, steady_program_get_drills (self->program));
  gtk_widget_set_vexpand (GTK_WIDGET (self->attract_figure), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attract_figure));

  self->attract_drill_label = big_label ("", "steady-kiosk-attract-drill");
  /* The label names the drill the figure shows, as the cycle moves on. */
  g_signal_connect_object (self->attract_figure, "notify::drill",
                           G_CALLBACK (on_attract_drill), self->attract_drill_label, 0);
  on_attract_drill (self->attract_figure, NULL, self->attract_drill_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attract_drill_label));

  if (languages[0] == NULL)
    g_ptr_array_add (shown, g_strdup (_(invitation)));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *text = translate_in (languages[i], NULL, invitation);
      gboolean again = FALSE;

      /* A language without a translation would repeat the English. */
      for (guint j = 0; j < shown->len; j++)
        again |= g_str_equal (g_ptr_array_index (shown, j), text);
      if (again)
        continue;
      g_ptr_array_add (shown, g_steal_pointer (&text));
      g_ptr_array_add (codes, g_strdup (languages[i]));
    }

  for (guint i = 0; i < shown->len; i++)
    {
      GtkLabel *label = big_label (g_ptr_array_index (shown, i),
                                   i == 0 ? "steady-kiosk-invite" : "steady-kiosk-invite-other");

      gtk_box_append (GTK_BOX (texts), GTK_WIDGET (label));
    }
  gtk_box_append (GTK_BOX (box), texts);

  /* With more than one language, a button each switches everything. */
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  for (guint i = 0; codes->len > 1 && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *name = translate_in (code, "language name", autonym);

      gtk_box_append (GTK_BOX (buttons), language_button (code, name));
    }
  gtk_widget_set_visible (buttons, codes->len > 1);
  gtk_widget_set_margin_bottom (buttons, 56);
  gtk_widget_set_margin_bottom (texts, codes->len > 1 ? 0 : 72);
  gtk_box_append (GTK_BOX (box), buttons);

  return box;
}

static GtkWidget *
build_drill (SteadyKioskWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *watch = gtk_label_new (_("Watch along — and try it at home"));

  gtk_widget_add_css_class (page, "steady-kiosk-page");
  gtk_widget_add_css_class (watch, "steady-kiosk-kicker");
  gtk_box_append (GTK_BOX (page), watch);
  self->drill_title = big_label ("", "steady-kiosk-title");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->drill_title));
  self->drill_numbers = big_label ("", "steady-kiosk-numbers");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->drill_numbers));

  self->drill_figure = kiosk_figure_new ();
  gtk_widget_set_hexpand (GTK_WIDGET (self->drill_figure), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->drill_figure), TRUE);
  gtk_box_append (GTK_BOX (middle), GTK_WIDGET (self->drill_figure));

  /* The side column's width comes from kiosk.css, by size class. */
  gtk_widget_set_valign (side, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (side, "steady-kiosk-side");
  gtk_widget_add_css_class (middle, "steady-kiosk-middle");
  self->drill_counter = big_label ("", "steady-kiosk-counter");
  self->drill_phase = big_label ("", "steady-kiosk-phase");
  self->drill_hold = big_label ("", "steady-kiosk-hold");
  self->drill_caption = big_label ("", "steady-kiosk-caption");
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->drill_counter));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->drill_phase));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->drill_hold));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->drill_caption));
  /* Captions are always on: a waiting room is quiet. Screen readers hear
   * the phase change, not every second. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drill_caption),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Caption"), -1);
  gtk_box_append (GTK_BOX (middle), side);
  gtk_widget_set_vexpand (middle, TRUE);
  gtk_box_append (GTK_BOX (page), middle);
  self->drill_middle = middle;

  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar),
                                   touch_button (_("Back to the cards"), "win.kiosk-cards", FALSE));
  self->drill_next = GTK_BUTTON (touch_button (_("Next drill"), "win.kiosk-next-drill", TRUE));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->drill_next));
  gtk_widget_add_css_class (bar, "steady-kiosk-bar");
  gtk_box_append (GTK_BOX (page), bar);

  return page;
}

static GtkWidget *
build_home (SteadyKioskWindow *self)
{
  GListModel *drills = steady_program_get_drills (self->program);
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 28);
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (page, "steady-kiosk-page");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (big_label (_("Do this at home"), "steady-kiosk-title")));
  gtk_box_append (GTK_BOX (page),
                  GTK_WIDGET (big_label (_("On a mat or a carpet, once a day. Stop if it hurts, "
                                           "and ask us about anything that worries you."),
                                         "steady-kiosk-subtitle")));

  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      g_autofree char *numbers = steady_drill_numbers_format (drill, NULL);
      g_autofree char *marker = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkLabel *title = big_label (steady_drill_get_title (drill), "steady-kiosk-home-drill");
      GtkLabel *line = big_label (numbers, "steady-kiosk-numbers");
      GtkLabel *summary = big_label (steady_drill_get_summary (drill), "steady-kiosk-home-summary");

      gtk_widget_add_css_class (row, "steady-kiosk-home-row");
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (big_label (marker, "steady-kiosk-home-marker")));
      for (GtkLabel **l = (GtkLabel *[]) { title, line, summary, NULL }; *l != NULL; l++)
        {
          gtk_label_set_xalign (*l, 0);
          gtk_label_set_justify (*l, GTK_JUSTIFY_LEFT);
          gtk_box_append (GTK_BOX (text), GTK_WIDGET (*l));
        }
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (list), row);
    }

  /* The list gives way to the buttons: on a small screen it can scroll,
   * but first its text steps down until it fits (fit_text_step()). */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_widget_set_valign (list, GTK_ALIGN_CENTER);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), scroller);
  self->home_scroller = scroller;

  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar),
                                   touch_button (_("Watch the drills again"), "win.kiosk-first-drill", FALSE));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar),
                                 touch_button (_("Done"), "win.kiosk-done", TRUE));
  gtk_widget_add_css_class (bar, "steady-kiosk-bar");
  gtk_box_append (GTK_BOX (page), bar);

  return page;
}

static GtkWidget *
build_warning (SteadyKioskWindow *self)
{
  GtkWidget *backdrop = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *button = touch_button (_("I’m still here"), "win.kiosk-still-here", TRUE);

  gtk_widget_add_css_class (backdrop, "steady-kiosk-backdrop");
  gtk_widget_add_css_class (card, "steady-kiosk-dialog");
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (card, TRUE);

  gtk_box_append (GTK_BOX (card), GTK_WIDGET (big_label (_("Are you still there?"), "steady-kiosk-title")));
  self->warning_count = big_label ("", "steady-kiosk-countdown");
  gtk_label_set_max_width_chars (self->warning_count, 18);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->warning_count));
  gtk_box_append (GTK_BOX (card),
                  GTK_WIDGET (big_label (_("Then the screen starts over for the next person. "
                                           "Nothing about you is kept."),
                                         "steady-kiosk-subtitle")));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "steady-kiosk-still-here");
  gtk_box_append (GTK_BOX (card), button);
  gtk_box_append (GTK_BOX (backdrop), card);
  gtk_widget_set_visible (backdrop, FALSE);

  return backdrop;
}

static void
on_pin_key_clicked (GtkButton         *button,
                    SteadyKioskWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "steady-pin-key");

  steady_kiosk_window_press_pin_key (self, key[0]);
}

static GtkWidget *
build_pin_pad (SteadyKioskWindow *self)
{
  static const char *keys = "123456789b0k";
  GtkWidget *backdrop = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *cancel = touch_button (_("Cancel"), "win.kiosk-pin-cancel", FALSE);

  gtk_widget_add_css_class (backdrop, "steady-kiosk-backdrop");
  gtk_widget_add_css_class (card, "steady-kiosk-dialog");
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (card, TRUE);

  gtk_box_append (GTK_BOX (card), GTK_WIDGET (big_label (_("Staff PIN"), "steady-kiosk-title")));
  self->pin_dots = big_label ("", "steady-kiosk-pin-dots");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->pin_dots));
  self->pin_message = big_label ("", "steady-kiosk-subtitle");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->pin_message));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; keys[i] != '\0'; i++)
    {
      char key[2] = { keys[i], '\0' };
      GtkWidget *button;

      if (keys[i] == 'b')
        {
          button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Delete the last digit"), -1);
        }
      else if (keys[i] == 'k')
        {
          button = gtk_button_new_with_label (_("OK"));
          gtk_widget_add_css_class (button, "suggested-action");
        }
      else
        button = gtk_button_new_with_label (key);

      gtk_widget_add_css_class (button, "steady-touch");
      gtk_widget_add_css_class (button, "steady-kiosk-key");
      g_object_set_data_full (G_OBJECT (button), "steady-pin-key", g_strdup (key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_pin_key_clicked), self);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
    }
  gtk_box_append (GTK_BOX (card), grid);
  self->pin_keys = grid;
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), cancel);
  gtk_box_append (GTK_BOX (backdrop), card);
  gtk_widget_set_visible (backdrop, FALSE);

  return backdrop;
}

/* The figure and the watch-along, on one clock */

/* The attract figure cycles through the drills by itself on the frame
 * clock; on a test's made-up clock it is moved by hand. */
static void
steady_kiosk_window_update_attract (SteadyKioskWindow *self,
                                    gint64             now)
{
  if (self->manual_clock)
    steady_figure_view_set_time (self->attract_figure,
                                 MAX (0, now - self->attract_start) / (double) G_USEC_PER_SEC);
}

static void
set_label_if_changed (GtkLabel   *label,
                      const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
steady_kiosk_window_update_drill (SteadyKioskWindow *self,
                                  gint64             now)
{
  SteadyMoment moment;
  g_autofree char *hold = NULL;

  if (self->timeline == NULL)
    return;

  /* One clock: while the cues play, the figure follows the sound. */
  if (self->cues != NULL && steady_cue_engine_get_playing (self->cues))
    self->drill_t = steady_cue_engine_get_position (self->cues);
  else
    self->drill_t = MAX (0, now - self->drill_start) / (double) G_USEC_PER_SEC;
  steady_timeline_get_moment (self->timeline, self->drill_t, &moment);
  steady_figure_view_set_motion_state (self->drill_figure, &moment.motion);
  set_label_if_changed (self->drill_counter, moment.counter);
  set_label_if_changed (self->drill_phase, moment.label);
  if (moment.hold_left > 0)
    hold = g_strdup_printf ("%.0f", ceil (moment.hold_left));
  else if (moment.breath == STEADY_BREATH_IN)
    hold = g_strdup (_("Breathe in"));
  else if (moment.breath == STEADY_BREATH_OUT)
    hold = g_strdup (_("Breathe out"));
  set_label_if_changed (self->drill_hold, hold != NULL ? hold : "");
  /* Sounds at the same moment share a caption ("Hold for 30 seconds ·
   * Breathe in"): across the room each reads better on its own line than
   * wrapped wherever the width runs out. The timeline keeps its strings,
   * so the lines are made only when the caption changes, not each frame. */
  if (moment.caption != self->caption_source)
    {
      g_autofree char *caption = NULL;

      if (moment.caption != NULL)
        {
          g_autofree char *joiner = caption_joiner ();
          g_auto(GStrv) parts = g_strsplit (moment.caption, joiner, -1);

          caption = g_strjoinv ("\n", parts);
        }
      set_label_if_changed (self->drill_caption, caption != NULL ? caption : "");
      self->caption_source = moment.caption;
    }
}

static void
steady_kiosk_window_update_motion (SteadyKioskWindow *self,
                                   gint64             now)
{
  switch (steady_kiosk_get_view (self->kiosk))
    {
    case STEADY_KIOSK_VIEW_ATTRACT:
      steady_kiosk_window_update_attract (self, now);
      break;
    case STEADY_KIOSK_VIEW_DRILL:
      steady_kiosk_window_update_drill (self, now);
      break;
    case STEADY_KIOSK_VIEW_DECK:
    case STEADY_KIOSK_VIEW_HOME:
    default:
      break;
    }
}

static void
steady_kiosk_window_update_warning (SteadyKioskWindow *self,
                                    gint64             now)
{
  gboolean warn = steady_kiosk_get_state (self->kiosk) == STEADY_KIOSK_STATE_WARNING;

  if (warn)
    {
      guint left = steady_kiosk_get_warning_left (self->kiosk, now);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Starting over in %u second",
                                                            "Starting over in %u seconds", left),
                                               left);

      set_label_if_changed (self->warning_count, text);
    }
  /* Said once per warning, for whoever keeps the kiosk's log (and for the
   * end-to-end test under cage, which cannot always catch it on screen). */
  if (warn && !gtk_widget_get_visible (self->warning))
    g_debug ("kiosk: idle warning shown");
  gtk_widget_set_visible (self->warning, warn);
  /* A lockout may have ended since. */
  update_pin_pad (self, now);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (widget);

  steady_kiosk_window_update_motion (self, gdk_frame_clock_get_frame_time (clock));
  return G_SOURCE_CONTINUE;
}

/* The drill page follows its timeline on every frame; the attract loop's
 * figure and the cards' illustrations tick by themselves, only while they
 * are shown. Elsewhere no tick callback runs, so a still screen does not
 * wake up. */
static void
steady_kiosk_window_update_ticking (SteadyKioskWindow *self)
{
  SteadyKioskView view = steady_kiosk_get_view (self->kiosk);
  gboolean moving = !self->manual_clock && view == STEADY_KIOSK_VIEW_DRILL;

  if (moving && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  else if (!moving && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
on_deadline (gpointer user_data)
{
  SteadyKioskWindow *self = user_data;

  self->deadline_id = 0;
  steady_kiosk_tick (self->kiosk, now_us (self));
  steady_kiosk_window_update_warning (self, now_us (self));
  steady_kiosk_window_schedule (self);
  return G_SOURCE_REMOVE;
}

/* One timeout, to the kiosk's next deadline (none on the attract loop). */
static void
steady_kiosk_window_schedule (SteadyKioskWindow *self)
{
  gint64 deadline = steady_kiosk_get_next_deadline (self->kiosk);

  g_clear_handle_id (&self->deadline_id, g_source_remove);
  if (self->manual_clock || deadline < 0)
    return;

  self->deadline_id = g_timeout_add (MAX (0, deadline - now_us (self)) / 1000 + 1,
                                     on_deadline, self);
}

/* The visitor's way through */

static void
steady_kiosk_window_load_drill (SteadyKioskWindow *self,
                                guint              index,
                                gint64             now)
{
  GListModel *drills = steady_program_get_drills (self->program);
  guint n = g_list_model_get_n_items (drills);
  g_autoptr(SteadyDrill) drill = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *numbers = NULL;

  drop_timeline (self);
  if (index >= n)
    return;

  drill = g_list_model_get_item (drills, index);
  /* The drill's own numbers: a kiosk changes nothing. */
  self->timeline = steady_timeline_new (drill, NULL, &error);
  if (self->timeline == NULL)
    {
      g_warning ("kiosk: cannot play drill “%s”: %s", steady_drill_get_id (drill), error->message);
      return;
    }
  n_live_timelines++;
  self->loaded_drill = (int) index;
  g_object_weak_ref (G_OBJECT (self->timeline), timeline_finalized, NULL);
  steady_figure_view_set_drill (self->drill_figure, drill);

  self->drill_start = now;
  if (self->cues != NULL && !self->manual_clock)
    {
      const SteadyCue *cues;
      guint n_cues;

      cues = steady_timeline_get_cues (self->timeline, &n_cues);
      steady_cue_engine_set_language (self->cues, steady_cue_engine_ui_language ());
      /* No sound (no device, a missing plugin) never stops the drill: it
       * goes on silently, with its captions. */
      if (steady_cue_engine_load (self->cues, cues, n_cues,
                                  steady_timeline_get_total (self->timeline), &error))
        steady_cue_engine_play (self->cues);
      else
        g_debug ("kiosk: no sound: %s", error->message);
    }
  numbers = steady_drill_numbers_format (drill, NULL);
  gtk_label_set_label (self->drill_title, steady_drill_get_title (drill));
  gtk_label_set_label (self->drill_numbers, numbers);
  gtk_button_set_label (self->drill_next, index + 1 < n ? _("Next drill") : _("Do this at home"));
  steady_kiosk_window_update_drill (self, now);
}

static void
on_view_changed (SteadyKioskWindow *self)
{
  gint64 now = now_us (self);

  /* For whoever keeps the kiosk's log, and the end-to-end test. */
  g_debug ("kiosk: showing the %s page", steady_kiosk_view_get_name (steady_kiosk_get_view (self->kiosk)));
  switch (steady_kiosk_get_view (self->kiosk))
    {
    case STEADY_KIOSK_VIEW_ATTRACT:
      drop_timeline (self);
      if (self->settings != NULL)
        apply_settings (self);
      /* Every visitor finds the loop at its start. */
      self->attract_start = now;
      steady_figure_view_set_time (self->attract_figure, 0);
      gtk_stack_set_visible_child_name (self->stack, "attract");
      break;
    case STEADY_KIOSK_VIEW_DECK:
      drop_timeline (self);
      gtk_stack_set_visible_child_name (self->stack, "deck");
      break;
    case STEADY_KIOSK_VIEW_DRILL:
      if (self->timeline == NULL || self->loaded_drill != (int) steady_kiosk_get_drill (self->kiosk))
        steady_kiosk_window_load_drill (self, steady_kiosk_get_drill (self->kiosk), now);
      gtk_stack_set_visible_child_name (self->stack, "drill");
      break;
    case STEADY_KIOSK_VIEW_HOME:
    default:
      drop_timeline (self);
      gtk_stack_set_visible_child_name (self->stack, "home");
      break;
    }
  steady_kiosk_window_update_ticking (self);
}

static void
on_card_changed (SteadyKioskWindow *self)
{
  guint card = steady_kiosk_get_card (self->kiosk);

  if (steady_deck_get_position (self->deck) != card)
    steady_deck_go_to (self->deck, card, !self->manual_clock);
}

static void
on_drill_changed (SteadyKioskWindow *self)
{
  if (steady_kiosk_get_view (self->kiosk) == STEADY_KIOSK_VIEW_DRILL
      && self->loaded_drill != (int) steady_kiosk_get_drill (self->kiosk))
    steady_kiosk_window_load_drill (self, steady_kiosk_get_drill (self->kiosk), now_us (self));
}

/* The pad's keys work, or after too many wrong PINs they do not and the
 * pad says for how long. */
static void
update_pin_pad (SteadyKioskWindow *self,
                gint64             now)
{
  guint locked = steady_kiosk_get_pin_locked_seconds (self->kiosk, now);
  gboolean was_locked = !gtk_widget_get_sensitive (self->pin_keys);

  if (!gtk_widget_get_visible (self->pin_pad))
    return;

  gtk_widget_set_sensitive (self->pin_keys, locked == 0);
  if (locked > 0)
    {
      g_autofree char *text = NULL;

      if (locked < 120)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Too many wrong PINs. Try again in %u second.",
                                             "Too many wrong PINs. Try again in %u seconds.", locked),
                                locked);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Too many wrong PINs. Try again in %u minute.",
                                             "Too many wrong PINs. Try again in %u minutes.",
                                             (locked + 59) / 60),
                                (locked + 59) / 60);
      set_label_if_changed (self->pin_message, text);
    }
  else if (was_locked)
    gtk_label_set_label (self->pin_message, "");
}

/* The pad follows the kiosk, which closes it after a while alone. */
static void
on_pin_pad_open_changed (SteadyKioskWindow *self)
{
  gboolean open = steady_kiosk_get_pin_pad_open (self->kiosk);

  g_string_truncate (self->pin, 0);
  gtk_label_set_label (self->pin_dots, "");
  gtk_label_set_label (self->pin_message, "");
  gtk_widget_set_sensitive (self->pin_keys, TRUE);
  gtk_widget_set_visible (self->pin_pad, open);
  update_pin_pad (self, now_us (self));
}

/* The kiosk forgets the visitor: deck position, a half-watched drill, a
 * half-typed PIN. The kiosk changes no settings, so there are none to
 * restore, and it writes nothing anywhere. */
static void
on_reset (SteadyKioskWindow *self)
{
  g_debug ("kiosk: reset");
  /* The next visitor finds the kiosk in its own language again. */
  apply_language (self, NULL, FALSE);
  drop_timeline (self);
  steady_deck_go_to (self->deck, 0, FALSE);
  gtk_widget_set_visible (self->warning, FALSE);
  /* An inspector someone opened goes too (see steady_kiosk_window_new()). */
  gtk_window_set_interactive_debugging (FALSE);
}

static void
on_state_changed (SteadyKioskWindow *self)
{
  steady_kiosk_window_update_warning (self, now_us (self));
}

static void
on_deck_position (SteadyKioskWindow *self)
{
  guint position = steady_deck_get_position (self->deck);

  /* A swipe moved the deck: that is the visitor moving on. */
  if (steady_kiosk_get_view (self->kiosk) == STEADY_KIOSK_VIEW_DECK
      && steady_kiosk_get_card (self->kiosk) != position)
    steady_kiosk_show_deck (self->kiosk, position, now_us (self));
}

/* Input */

/* A visitor did something: the idle time starts again, a warning goes,
 * and the next deadline is set from now. */
static void
note_visitor (SteadyKioskWindow *self,
              gint64             now)
{
  /* A new visitor: the settings as they are now (dconf may have changed
   * them while the loop played). */
  if (steady_kiosk_get_view (self->kiosk) == STEADY_KIOSK_VIEW_ATTRACT && self->settings != NULL)
    apply_settings (self);
  steady_kiosk_input (self->kiosk, now);
  steady_kiosk_window_update_warning (self, now);
  steady_kiosk_window_schedule (self);
}

void
steady_kiosk_window_touch (SteadyKioskWindow *self,
                           double             x,
                           double             y)
{
  const char *language;
  gint64 now;

  g_return_if_fail (STEADY_IS_KIOSK_WINDOW (self));

  now = now_us (self);
  /* A language chosen on the attract loop: the visit starts in it. */
  language = language_at (self, x, y);
  if (language != NULL)
    steady_kiosk_window_set_language (self, language);
  if (steady_kiosk_staff_tap (self->kiosk, x, y, now) && current_pin_hash (self)[0] != '\0')
    steady_kiosk_open_pin_pad (self->kiosk, now);
  note_visitor (self, now);
}

/* A finger down is the visitor there: the idle time starts again at
 * once. What the touch does (a language, the staff corner) waits for the
 * finger to lift: a language rebuilds the pages, and widgets rebuilt or
 * moved under a pressed pointer leave GTK's count of pressed widgets
 * wrong. So does leaving the attract loop (its figure would be hidden
 * under the finger): a visit begins when the finger lifts. */
static void
on_pressed (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            SteadyKioskWindow *self)
{
  if (steady_kiosk_get_view (self->kiosk) == STEADY_KIOSK_VIEW_ATTRACT)
    {
      self->attract_pressed = TRUE;
      return;
    }
  note_visitor (self, now_us (self));
}

static gboolean
visit_cb (gpointer user_data)
{
  SteadyKioskWindow *self = user_data;

  self->visit_id = 0;
  self->attract_pressed = FALSE;
  /* Unless the lifted touch began it already (in a language). */
  if (steady_kiosk_get_view (self->kiosk) == STEADY_KIOSK_VIEW_ATTRACT)
    note_visitor (self, now_us (self));

  return G_SOURCE_REMOVE;
}

/* Any finger or button lifting, seen before the widgets under it: a press
 * on the attract loop that became a swipe ends no click, but it is a
 * visitor all the same. After the lifted touch's own work (a higher
 * priority), so that a language chosen on the loop is not lost. */
static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          SteadyKioskWindow        *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (self->attract_pressed && self->visit_id == 0 &&
      (type == GDK_BUTTON_RELEASE || type == GDK_TOUCH_END || type == GDK_TOUCH_CANCEL))
    self->visit_id = g_idle_add (visit_cb, self);

  return GDK_EVENT_PROPAGATE;
}

static gboolean
touch_cb (gpointer user_data)
{
  SteadyKioskWindow *self = user_data;

  self->touch_id = 0;
  steady_kiosk_window_touch (self, self->touch_x, self->touch_y);

  return G_SOURCE_REMOVE;
}

/* Not while the release is still on its way: GTK lets go of the widgets
 * the finger pressed only after every handler of the release has run, so
 * a page hidden or rebuilt from here would still count as pressed (and
 * GTK would warn of its broken count). Acted on at the next turn of the
 * main loop, before anything is drawn. */
static void
on_released (GtkGestureClick   *gesture,
             int                n_press,
             double             x,
             double             y,
             SteadyKioskWindow *self)
{
  self->touch_x = x;
  self->touch_y = y;
  if (self->touch_id == 0)
    self->touch_id = g_idle_add_full (G_PRIORITY_HIGH, touch_cb, self, NULL);
}

/* GTK's own keys for its Inspector (Ctrl+Shift+I, Ctrl+Shift+D), which
 * can change any widget and close the kiosk: a visitor with a keyboard
 * must not get them, whatever dconf says. */
static gboolean
is_inspector_key (guint           keyval,
                  GdkModifierType state)
{
  GdkModifierType mods = GDK_CONTROL_MASK | GDK_SHIFT_MASK;

  return (state & mods) == mods
         && (keyval == GDK_KEY_I || keyval == GDK_KEY_i
             || keyval == GDK_KEY_D || keyval == GDK_KEY_d);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        SteadyKioskWindow     *self)
{
  note_visitor (self, now_us (self));
  /* Seen here first (the capture phase), before the window's bindings. */
  return is_inspector_key (keyval, state) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SteadyKioskWindow        *self)
{
  note_visitor (self, now_us (self));
  return GDK_EVENT_PROPAGATE;
}

void
steady_kiosk_window_press_pin_key (SteadyKioskWindow *self,
                                   char               key)
{
  gint64 now;

  g_return_if_fail (STEADY_IS_KIOSK_WINDOW (self));

  if (!gtk_widget_get_visible (self->pin_pad))
    return;
  now = now_us (self);
  /* Locked out after wrong PINs: the keys do nothing. */
  if (steady_kiosk_get_pin_locked_seconds (self->kiosk, now) > 0)
    {
      update_pin_pad (self, now);
      return;
    }
  steady_kiosk_pin_pad_key (self->kiosk, now);
  steady_kiosk_window_schedule (self);

  if (key >= '0' && key <= '9' && self->pin->len < STEADY_KIOSK_PIN_MAX_DIGITS)
    g_string_append_c (self->pin, key);
  else if (key == 'b' && self->pin->len > 0)
    g_string_truncate (self->pin, self->pin->len - 1);
  else if (key == 'k')
    {
      if (steady_kiosk_pin_check (self->pin->str, current_pin_hash (self)))
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

          g_string_truncate (self->pin, 0);
          steady_kiosk_pin_succeeded (self->kiosk);
          self->staff_leaving = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
          if (app != NULL)
            g_application_quit (G_APPLICATION (app));
          return;
        }
      g_string_truncate (self->pin, 0);
      gtk_label_set_label (self->pin_message, _("Wrong PIN"));
      /* The count goes on across openings of the pad and resets. */
      if (steady_kiosk_pin_failed (self->kiosk, now))
        update_pin_pad (self, now);
      steady_kiosk_window_schedule (self);
    }

  {
    g_autoptr(GString) dots = g_string_new (NULL);

    for (gsize i = 0; i < self->pin->len; i++)
      g_string_append (dots, "●");
    gtk_label_set_label (self->pin_dots, dots->str);
  }
}

/* Everything a visitor reads after the attract loop, built afresh in the
 * language shown now: the program's texts are translated as it loads, the
 * pages' as they are built. */
static void
build_visitor_pages (SteadyKioskWindow *self)
{
  static const char *pages[] = { "deck", "drill", "home" };

  drop_timeline (self);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->stack, pages[i]);

      if (page != NULL)
        gtk_stack_remove (self->stack, page);
    }
  if (self->warning != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (self->overlay), self->warning);
  if (self->pin_pad != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (self->overlay), self->pin_pad);

  self->deck = STEADY_DECK (steady_deck_new ());
  n_live_decks++;
  g_object_weak_ref (G_OBJECT (self->deck), deck_finalized, NULL);
  steady_deck_set_program (self->deck, self->program);
  g_signal_connect_swapped (self->deck, "notify::position", G_CALLBACK (on_deck_position), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->deck), "deck");
  gtk_stack_add_named (self->stack, build_drill (self), "drill");
  gtk_stack_add_named (self->stack, build_home (self), "home");

  self->warning = build_warning (self);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->warning);
  self->pin_pad = build_pin_pad (self);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->pin_pad);
  on_pin_pad_open_changed (self);
}

/* Switches to @language; with @show, shows the visitor's page again
 * (a reset does not: the attract loop comes next). */
static void
apply_language (SteadyKioskWindow *self,
                const char        *language,
                gboolean           show)
{
  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  use_language (language);

  /* The program's texts were translated as it loaded: load it again. A
   * program handed in by the caller stays as it is. */
  if (!self->program_given)
    {
      g_clear_object (&self->program);
      self->program = load_program (self->settings);
      steady_figure_view_set_drills (self->attract_figure, steady_program_get_drills (self->program));
    }
  build_visitor_pages (self);
  if (show)
    {
      /* Show the page the visitor is on, rebuilt. */
      on_view_changed (self);
      steady_kiosk_window_update_warning (self, now_us (self));
    }
}

void
steady_kiosk_window_set_language (SteadyKioskWindow *self,
                                  const char        *language)
{
  g_return_if_fail (STEADY_IS_KIOSK_WINDOW (self));
  apply_language (self, language, TRUE);
}

gboolean
steady_kiosk_window_get_sound (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), FALSE);
  return self->cues != NULL;
}

const char *
steady_kiosk_window_get_language (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), NULL);
  return self->language;
}

/* The language button under (@x, @y) on the attract loop, if any. */
static const char *
language_at (SteadyKioskWindow *self,
             double             x,
             double             y)
{
  if (steady_kiosk_get_view (self->kiosk) != STEADY_KIOSK_VIEW_ATTRACT)
    return NULL;

  for (GtkWidget *w = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
       w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *language = g_object_get_data (G_OBJECT (w), "steady-kiosk-language");

      if (language != NULL)
        return language;
    }
  return NULL;
}

/* Actions: only the ones a visitor needs. No quit, close, preferences,
 * about or links exist in this window. */

static void
deck_go (SteadyKioskWindow *self,
         int                position)
{
  guint n = steady_deck_get_n_cards (self->deck);

  if (position < 0)
    position = 0;
  if ((guint) position >= n)
    steady_kiosk_show_drill (self->kiosk, 0, now_us (self));
  else
    steady_kiosk_show_deck (self->kiosk, position, now_us (self));
  steady_kiosk_window_schedule (self);
}

static void
action_deck (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (widget);
  int position = steady_deck_get_position (self->deck);
  int n = steady_deck_get_n_cards (self->deck);

  if (g_str_equal (name, "win.next"))
    deck_go (self, position + 1);
  else if (g_str_equal (name, "win.previous"))
    deck_go (self, position - 1);
  else if (g_str_equal (name, "win.first"))
    deck_go (self, 0);
  else if (g_str_equal (name, "win.last"))
    deck_go (self, MAX (n - 1, 0));
  else if (g_str_equal (name, "win.show-drills"))
    deck_go (self, n);
}

static void
action_kiosk (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (widget);
  guint n_drills = g_list_model_get_n_items (steady_program_get_drills (self->program));
  gint64 now = now_us (self);

  if (g_str_equal (name, "win.kiosk-cards"))
    steady_kiosk_show_deck (self->kiosk, steady_kiosk_get_card (self->kiosk), now);
  else if (g_str_equal (name, "win.kiosk-next-drill"))
    {
      guint next = steady_kiosk_get_drill (self->kiosk) + 1;

      if (next < n_drills)
        steady_kiosk_show_drill (self->kiosk, next, now);
      else
        steady_kiosk_show_home (self->kiosk, now);
    }
  else if (g_str_equal (name, "win.kiosk-first-drill"))
    steady_kiosk_show_drill (self->kiosk, 0, now);
  else if (g_str_equal (name, "win.kiosk-done"))
    steady_kiosk_reset (self->kiosk);
  else if (g_str_equal (name, "win.kiosk-still-here"))
    steady_kiosk_input (self->kiosk, now);
  else if (g_str_equal (name, "win.kiosk-pin-cancel"))
    steady_kiosk_close_pin_pad (self->kiosk, now);

  steady_kiosk_window_update_warning (self, now);
  steady_kiosk_window_schedule (self);
}

/* A language button activated without a touch (keyboard, screen reader). */
static void
action_language (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (widget);
  gint64 now = now_us (self);

  steady_kiosk_window_set_language (self, g_variant_get_string (parameter, NULL));
  note_visitor (self, now);
}

/* A window manager's key (F11 in many), a compositor's toggle, or GTK on
 * X11 asking for full screen before the window is mapped (where window
 * managers miss it) must not leave visitors a window with edges: whenever
 * the kiosk is not full screen, it asks again. */
static gboolean
needs_fullscreen (SteadyKioskWindow *self)
{
  return !self->staff_leaving
         && gtk_widget_get_mapped (GTK_WIDGET (self))
         && !gtk_window_is_fullscreen (GTK_WINDOW (self));
}

/* The request can be lost: if the window manager's key is pressed again
 * before the answer arrives, the state GTK reads back is "not full screen"
 * twice, no change is seen, and nothing would ask again. So while the
 * kiosk is not full screen it asks again once a second, a few times: a
 * display that never grants full screen (no window manager) must not
 * wake the kiosk every second for ever. Once it is, nothing runs. */
#define FULLSCREEN_RETRIES 5

static gboolean
retry_fullscreen (gpointer user_data)
{
  SteadyKioskWindow *self = user_data;

  if (!needs_fullscreen (self) || self->fullscreen_retries >= FULLSCREEN_RETRIES)
    {
      self->fullscreen_retry_id = 0;
      return G_SOURCE_REMOVE;
    }
  self->fullscreen_retries++;
  gtk_window_fullscreen (GTK_WINDOW (self));
  return G_SOURCE_CONTINUE;
}

static void
on_fullscreened_changed (SteadyKioskWindow *self)
{
  if (!needs_fullscreen (self))
    return;

  gtk_window_fullscreen (GTK_WINDOW (self));
  if (self->fullscreen_retry_id == 0)
    {
      self->fullscreen_retries = 0;
      self->fullscreen_retry_id = g_timeout_add_seconds (1, retry_fullscreen, self);
    }
}

/* Fitting the text
 *
 * Nobody at a kiosk knows to scroll, so a card's text, and the home
 * page's list, must fit the screen in every language offered. The size
 * class picks the text sizes for the screen; where a page's text still
 * runs over (Spanish is a quarter longer than English), its text steps
 * down, one step a frame, until the tallest card (or the list) fits, or
 * the last step is reached, where the page scrolls. The steps lower
 * -gtk-dpi under the page (kiosk.css), so every size on it shrinks
 * alike. A new screen size starts again at full size; so does a deck
 * built afresh for another language. */

static const char *const fit_classes[] = {
  NULL,
  "steady-kiosk-fit-1",
  "steady-kiosk-fit-2",
  "steady-kiosk-fit-3",
  "steady-kiosk-fit-4",
  "steady-kiosk-fit-5",
  "steady-kiosk-fit-6",
};

static guint
fit_step (GtkWidget *target)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "steady-kiosk-fit-step"));
}

static void
set_fit_step (GtkWidget *target,
              guint      step)
{
  guint old = fit_step (target);

  if (step == old)
    return;
  if (old > 0)
    gtk_widget_remove_css_class (target, fit_classes[old]);
  if (step > 0)
    gtk_widget_add_css_class (target, fit_classes[step]);
  g_object_set_data (G_OBJECT (target), "steady-kiosk-fit-step", GUINT_TO_POINTER (step));
}

static void
fit_text_step (GtkWidget *target,
               gboolean   fits)
{
  guint step = fit_step (target);

  if (!fits && step + 1 < G_N_ELEMENTS (fit_classes))
    set_fit_step (target, step + 1);
}

static gboolean
deck_fits (SteadyDeck *deck)
{
  for (guint i = 0; i < steady_deck_get_n_cards (deck); i++)
    if (!steady_card_page_get_text_fits (steady_deck_get_card_page (deck, i)))
      return FALSE;
  return TRUE;
}

static gboolean
scroller_fits (GtkWidget *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)
         <= gtk_adjustment_get_page_size (adjustment) + 0.5;
}

/* After the pages are laid out at @width × @height: checks the page shown. */
static void
steady_kiosk_window_fit_text (SteadyKioskWindow *self,
                              int                width,
                              int                height)
{
  const char *page;

  if (self->deck == NULL)
    return;

  if (width != self->fit_width || height != self->fit_height)
    {
      gboolean restart = fit_step (GTK_WIDGET (self->deck)) > 0 || fit_step (self->home_scroller) > 0;

      self->fit_width = width;
      self->fit_height = height;
      set_fit_step (GTK_WIDGET (self->deck), 0);
      set_fit_step (self->home_scroller, 0);
      /* Laid out at a step now gone: check at full size, next frame. */
      if (restart)
        return;
    }

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "deck") == 0)
    fit_text_step (GTK_WIDGET (self->deck), deck_fits (self->deck));
  else if (g_strcmp0 (page, "home") == 0)
    fit_text_step (self->home_scroller, scroller_fits (self->home_scroller));
}

/* The card text and controls are sized for a 1080p screen read from two
 * metres; on a smaller screen (a 1280×720 kiosk, a portrait panel) the
 * ordinary sizes, and the drill page's figure above its counter when the
 * screen is taller than wide. */
static void
steady_kiosk_window_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (widget);

  steady_size_class_apply (widget, &self->size_class, width, height);
  if (self->drill_middle != NULL)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->drill_middle),
                                    height > width ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);

  GTK_WIDGET_CLASS (steady_kiosk_window_parent_class)->size_allocate (widget, width, height, baseline);

  steady_kiosk_window_fit_text (self, width, height);
}

static gboolean
steady_kiosk_window_close_request (GtkWindow *window)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (window);

  /* Visitors cannot close the kiosk (a stray Alt+F4, a compositor's
   * close); staff leave through the PIN. */
  return self->staff_leaving ? GDK_EVENT_PROPAGATE : GDK_EVENT_STOP;
}

/* Public */

SteadyKiosk *
steady_kiosk_window_get_kiosk (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), NULL);
  return self->kiosk;
}

SteadyProgram *
steady_kiosk_window_get_program (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), NULL);
  return self->program;
}

const char *
steady_kiosk_window_get_page_name (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
steady_kiosk_window_get_warning_visible (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->warning);
}

gboolean
steady_kiosk_window_get_pin_pad_visible (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->pin_pad);
}

SteadyDeck *
steady_kiosk_window_get_deck (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), NULL);
  return self->deck;
}

SteadyDrill *
steady_kiosk_window_get_attract_drill (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), NULL);
  return steady_figure_view_get_drill (self->attract_figure);
}

double
steady_kiosk_window_get_drill_time (SteadyKioskWindow *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK_WINDOW (self), 0);
  return self->timeline != NULL ? self->drill_t : 0;
}

void
steady_kiosk_window_use_manual_clock (SteadyKioskWindow *self,
                                      gint64             now)
{
  g_return_if_fail (STEADY_IS_KIOSK_WINDOW (self));

  self->manual_clock = TRUE;
  self->manual_now = now;
  /* On a made-up clock nothing moves by itself. */
  steady_figure_view_set_playing (self->attract_figure, FALSE);
  self->attract_start = now;
  self->drill_start = now;
  steady_kiosk_window_schedule (self);
  steady_kiosk_window_update_ticking (self);
}

void
steady_kiosk_window_advance (SteadyKioskWindow *self,
                             gint64             now)
{
  g_return_if_fail (STEADY_IS_KIOSK_WINDOW (self));
  g_return_if_fail (self->manual_clock);

  self->manual_now = MAX (self->manual_now, now);
  steady_kiosk_tick (self->kiosk, self->manual_now);
  steady_kiosk_window_update_warning (self, self->manual_now);
  steady_kiosk_window_update_motion (self, self->manual_now);
}

/* The headless end-to-end test has no input devices (cage 0.1.4 has no
 * virtual keyboard either): with STEADY_KIOSK_TEST_TOUCH_SIGNAL=1, each
 * SIGUSR1 touches the middle of the screen, when the test is ready. */
static gboolean
on_test_touch (gpointer user_data)
{
  SteadyKioskWindow *self = user_data;

  g_debug ("kiosk: test touch");
  steady_kiosk_window_touch (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                             gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  return G_SOURCE_CONTINUE;
}

static SteadyProgram *
load_program (GSettings *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "program-file");
  g_autoptr(GError) error = NULL;
  SteadyProgram *program = NULL;

  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      program = steady_program_new_from_file (file, &error);
      /* An unattended screen cannot show a parser error to a visitor: it
       * falls back to the built-in lesson and says why in the log. */
      if (program == NULL)
        {
          g_warning ("kiosk: %s; showing the built-in program", error->message);
          g_clear_error (&error);
        }
    }
  if (program == NULL)
    program = steady_program_new_builtin (&error);
  if (program == NULL)
    g_error ("kiosk: the built-in program does not load: %s", error->message);

  return program;
}

SteadyKioskWindow *
steady_kiosk_window_new (GtkApplication *application,
                         SteadyProgram  *program)
{
  GSettings *settings;
  SteadyKioskWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (program == NULL || STEADY_IS_PROGRAM (program), NULL);

  remember_start_language ();
  /* No GTK Inspector in a kiosk, from GTK_DEBUG=interactive either (its
   * keys are refused in on_key()). This is for the whole process. */
  gtk_window_set_interactive_debugging (FALSE);
  self = g_object_new (STEADY_TYPE_KIOSK_WINDOW, "application", application, NULL);
  settings = self->settings = g_settings_new (APP_ID);
  self->program_given = program != NULL;
  self->program = program != NULL ? g_object_ref (program) : load_program (settings);
  apply_settings (self);

  gtk_stack_add_named (self->stack, build_attract (self, settings), "attract");
  build_visitor_pages (self);

  self->attract_start = now_us (self);
  on_view_changed (self);

  if (g_strcmp0 (g_getenv ("STEADY_KIOSK_TEST_TOUCH_SIGNAL"), "1") == 0)
    self->test_touch_id = g_unix_signal_add (SIGUSR1, on_test_touch, self);

  return self;
}

static void
steady_kiosk_window_dispose (GObject *object)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (object);

  g_clear_handle_id (&self->deadline_id, g_source_remove);
  g_clear_handle_id (&self->test_touch_id, g_source_remove);
  g_clear_handle_id (&self->fullscreen_retry_id, g_source_remove);
  g_clear_handle_id (&self->touch_id, g_source_remove);
  g_clear_handle_id (&self->visit_id, g_source_remove);
  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (self->kiosk, self);
  drop_timeline (self);
  g_clear_object (&self->cues);
  /* The next kiosk window (in tests) starts in the default language. */
  if (self->language != NULL)
    {
      g_clear_pointer (&self->language, g_free);
      use_language (NULL);
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_kiosk_window_parent_class)->dispose (object);
}

static void
steady_kiosk_window_finalize (GObject *object)
{
  SteadyKioskWindow *self = STEADY_KIOSK_WINDOW (object);

  g_clear_object (&self->kiosk);
  g_clear_object (&self->program);
  g_free (self->language);
  g_free (self->pin_hash);
  g_string_free (self->pin, TRUE);

  G_OBJECT_CLASS (steady_kiosk_window_parent_class)->finalize (object);
}

static void
steady_kiosk_window_class_init (SteadyKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *deck_actions[] = { "win.next", "win.previous", "win.first", "win.last", "win.show-drills" };
  static const char *kiosk_actions[] = { "win.kiosk-cards", "win.kiosk-next-drill", "win.kiosk-first-drill",
                                         "win.kiosk-done", "win.kiosk-still-here", "win.kiosk-pin-cancel" };

  object_class->dispose = steady_kiosk_window_dispose;
  object_class->finalize = steady_kiosk_window_finalize;
  window_class->close_request = steady_kiosk_window_close_request;
  widget_class->size_allocate = steady_kiosk_window_size_allocate;

  for (guint i = 0; i < G_N_ELEMENTS (deck_actions); i++)
    gtk_widget_class_install_action (widget_class, deck_actions[i], NULL, action_deck);
  for (guint i = 0; i < G_N_ELEMENTS (kiosk_actions); i++)
    gtk_widget_class_install_action (widget_class, kiosk_actions[i], NULL, action_kiosk);
  gtk_widget_class_install_action (widget_class, "win.kiosk-language", "s", action_language);
}

static void
steady_kiosk_window_load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/kiosk.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
steady_kiosk_window_init (SteadyKioskWindow *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  steady_kiosk_window_load_css ();

  self->kiosk = steady_kiosk_new (STEADY_KIOSK_IDLE_SECONDS_DEFAULT,
                                  STEADY_KIOSK_WARNING_SECONDS_DEFAULT);
  self->pin = g_string_new (NULL);
  self->loaded_drill = -1;
  self->caption_source = caption_unset;
  self->pin_hash = g_strdup ("");

  gtk_window_set_title (GTK_WINDOW (self), _("Steady"));
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1920, 1080);
  gtk_window_fullscreen (GTK_WINDOW (self));
  /* The size class ("steady-large" on a 1080p screen) follows the
   * screen: see steady_kiosk_window_size_allocate(). */
  gtk_widget_add_css_class (GTK_WIDGET (self), "steady-kiosk");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* Each page sized on its own: the tallest must not push the attract
   * loop's invitation off a smaller screen. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->stack));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->overlay);

  /* Every touch, key and scroll is seen first here, whatever it lands on,
   * and still goes on to it. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (self->kiosk, "reset", G_CALLBACK (on_reset), self);
  g_signal_connect_swapped (self->kiosk, "notify::view", G_CALLBACK (on_view_changed), self);
  g_signal_connect_swapped (self->kiosk, "notify::card", G_CALLBACK (on_card_changed), self);
  g_signal_connect_swapped (self->kiosk, "notify::drill", G_CALLBACK (on_drill_changed), self);
  g_signal_connect_swapped (self->kiosk, "notify::state", G_CALLBACK (on_state_changed), self);
  g_signal_connect_swapped (self->kiosk, "notify::pin-pad-open", G_CALLBACK (on_pin_pad_open_changed), self);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_changed), NULL);
  g_signal_connect_after (self, "map", G_CALLBACK (on_fullscreened_changed), NULL);
}

/* steady-window.c: the main window: welcome, lesson, drills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-mnemonic-names.h"
#include "steady-bench-hook.h"
#include "steady-checkin-view.h"
#include "steady-history-page.h"
#include "steady-progress.h"
#include "steady-coach-page.h"
#include "steady-coach-settings.h"
#include "steady-stop-card.h"
#include "steady-window.h"
#include "steady-size-class.h"

/* Windows at least this big (a full-screen 1080p kiosk, say) get the
 * large type that is readable from two metres; narrow ones a smaller one. */

/* What the notice under the header bar tells of, if anything. */
typedef enum {
  STEADY_NOTICE_NONE,
  STEADY_NOTICE_JOURNAL_PROBLEM,   /* Details: the whole message */
  STEADY_NOTICE_JOURNAL_RECOVERED, /* Details: the history page */
} SteadyNoticeKind;

struct _SteadyWindow
{
  AdwApplicationWindow parent_instance;

  GSettings        *settings;
  SteadyProgram    *program;
  /* Names of the pages to go back to, the most recent last. */
  GPtrArray        *history;
  const char       *size_class;

  GtkWidget        *back_button;
  AdwWindowTitle   *window_title;
  GtkStack         *stack;
  GtkWidget        *learn_button;
  SteadyDeck       *deck;
  SteadyDrillsPage *drills_page;
  SteadyDrillPage  *drill_page;
  SteadyCoachPage  *coach_page;
  GtkImage         *error_icon;
  GtkLabel         *error_description;
  GtkLabel         *error_label;
  GtkWidget        *builtin_button;

  /* progress (issue 6): made on first use, never in kiosk mode */
  SteadyHistoryPage *history_page;
  GtkWidget         *notice_box;
  GtkLabel          *notice_label;
  GtkWidget         *notice_details_button;
  SteadyNoticeKind   notice_kind;
  char              *notice_message;  /* the whole of it, behind Details */

  /* A drill's check-ins and its session in the journal */
  SteadyCheckinView *checkin_view;
  SteadyStopCard    *stop_card;
  gboolean           in_session;     /* from Start until the after check-in */
  gboolean           coach_finished; /* the drill reached its end */
  gboolean           have_before;
  SteadyCheckin      before;
  gint64             session_id;     /* 0: nothing is being kept */
  SteadyJournal     *session_journal; /* where it is kept, while it is */
};

G_DEFINE_FINAL_TYPE (SteadyWindow, steady_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void steady_window_update_progress_actions (SteadyWindow *self);
static void steady_window_leave_session           (SteadyWindow *self,
                                                   const char   *reason);

static void
steady_window_update_actions (SteadyWindow *self)
{
  const char *page = steady_window_get_page_name (self);
  gboolean on_deck = g_strcmp0 (page, "deck") == 0;
  gboolean loaded = self->program != NULL;
  guint position = steady_deck_get_position (self->deck);
  guint n = loaded ? steady_program_get_n_cards (self->program) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-welcome", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-deck", loaded && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-drills", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-drill", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-drill", loaded);
  /* Past the last card the lesson goes on to the drills. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next", on_deck && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous", on_deck && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.first", on_deck && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.last", on_deck && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->history->len > 0);
  steady_window_update_progress_actions (self);

  gtk_widget_set_visible (self->back_button, self->history->len > 0);
}

static void steady_window_ensure_session_pages (SteadyWindow *self);

static const char *
page_subtitle (SteadyWindow *self,
               const char   *page)
{
  if (g_str_equal (page, "drill"))
    {
      SteadyDrill *drill = steady_drill_page_get_drill (self->drill_page);

      return drill != NULL ? steady_drill_get_title (drill) : "";
    }
  if (g_str_equal (page, "coach"))
    {
      SteadyDrill *drill = steady_coach_page_get_drill (self->coach_page);

      return drill != NULL ? steady_drill_get_title (drill) : "";
    }
  if (g_str_equal (page, "welcome") || g_str_equal (page, "deck"))
    return self->program != NULL ? steady_program_get_title (self->program) : "";

  return gtk_stack_page_get_title (gtk_stack_get_page (self->stack,
                                                       gtk_stack_get_child_by_name (self->stack, page)));
}

static void
steady_window_focus_page (SteadyWindow *self,
                          const char   *page)
{
  if (g_str_equal (page, "welcome"))
    gtk_widget_grab_focus (self->learn_button);
  else if (g_str_equal (page, "deck"))
    steady_deck_focus (self->deck);
  else if (g_str_equal (page, "drills"))
    steady_drills_page_focus (self->drills_page);
  else if (g_str_equal (page, "error"))
    gtk_widget_grab_focus (self->builtin_button);
  else if (g_str_equal (page, "history"))
    steady_history_page_focus (self->history_page);
  else if (g_str_equal (page, "checkin"))
    steady_checkin_view_focus (self->checkin_view);
  else if (g_str_equal (page, "stop"))
    steady_stop_card_focus (self->stop_card);
  else if (g_str_equal (page, "coach"))
    /* The coach page focuses its own controls when it starts. */
    ;
  else
    /* The instructions are text only: the page itself takes the focus
     * so that Page Down, the arrows and Home/End scroll them. */
    gtk_widget_grab_focus (GTK_WIDGET (self->drill_page));
}

/* Shows @page; with @remember, the page shown now is where Back returns. */
static void
steady_window_navigate (SteadyWindow *self,
                        const char   *page,
                        gboolean      remember)
{
  const char *current = steady_window_get_page_name (self);

  if (remember && current != NULL && !g_str_equal (current, page))
    {
      /* Going back to a page already on the way drops the loop in between. */
      for (guint i = 0; i < self->history->len; i++)
        if (g_str_equal (g_ptr_array_index (self->history, i), page))
          {
            g_ptr_array_set_size (self->history, i);
            remember = FALSE;
            break;
          }
      if (remember)
        g_ptr_array_add (self->history, g_strdup (current));
    }

  /* The cards are built when the lesson is first opened, not before the
   * welcome page can be shown. */
  if (g_str_equal (page, "deck") && steady_deck_get_program (self->deck) != self->program)
    steady_deck_set_program (self->deck, self->program);
  if (g_str_equal (page, "coach") || g_str_equal (page, "checkin") || g_str_equal (page, "stop"))
    steady_window_ensure_session_pages (self);

  gtk_stack_set_visible_child_name (self->stack, page);
  adw_window_title_set_subtitle (self->window_title, page_subtitle (self, page));
  steady_window_update_actions (self);
  steady_window_focus_page (self, page);
}

static void
on_deck_position_changed (SteadyWindow *self)
{
  steady_window_update_actions (self);
}

static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  steady_window_navigate (STEADY_WINDOW (widget), "welcome", TRUE);
}

static void
show_deck_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  steady_window_navigate (STEADY_WINDOW (widget), "deck", TRUE);
}

/* The deck, at the safety card (the drills page offers it to whoever goes
 * straight to the drills). */
static void
show_safety_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint position = 0;

  if (self->program == NULL || steady_program_find_safety_card (self->program, &position) == NULL)
    return;

  steady_window_navigate (self, "deck", TRUE);
  steady_deck_go_to (self->deck, position, FALSE);
}

static void
show_drills_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  steady_window_navigate (STEADY_WINDOW (widget), "drills", TRUE);
}

/* The drill page shows the patient's numbers: what their clinician set in
 * Preferences, as the coach will use them. */
static void
steady_window_show_drill_settings (SteadyWindow *self)
{
  SteadyDrill *drill = steady_drill_page_get_drill (self->drill_page);
  SteadySessionSettings values;

  if (drill == NULL || self->settings == NULL)
    return;

  steady_coach_settings_load (self->settings, drill, &values);
  steady_drill_page_set_settings (self->drill_page, &values);
}

static void
on_settings_changed (SteadyWindow *self,
                     const char   *key)
{
  SteadyDrill *drill = steady_drill_page_get_drill (self->drill_page);

  if (drill != NULL && steady_coach_settings_is_drill_key (drill, key))
    steady_window_show_drill_settings (self);
}

static void
open_drill_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SteadyDrill *drill;

  g_assert (self->program != NULL);

  drill = steady_program_find_drill (self->program, id);
  if (drill == NULL)
    {
      g_warning ("win.open-drill: the program has no drill “%s”", id);
      return;
    }

  steady_drill_page_set_drill (self->drill_page, drill);
  steady_window_show_drill_settings (self);
  steady_window_navigate (self, "drill", TRUE);
}

/* Opens the coach for a drill with the patient's settings, and starts. */
static void
start_drill_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SteadySessionSettings values;
  SteadyDrill *drill;

  g_assert (self->program != NULL);

  drill = steady_program_find_drill (self->program, id);
  if (drill == NULL)
    {
      g_warning ("win.start-drill: the program has no drill “%s”", id);
      return;
    }

  steady_window_ensure_session_pages (self);
  steady_window_leave_session (self, "patient");
  steady_coach_settings_load (self->settings, drill, &values);
  steady_coach_page_set_drill (self->coach_page, drill, &values);
  steady_coach_page_set_sound (self->coach_page,
                               steady_coach_settings_get_sound_mode (self->settings),
                               steady_coach_settings_get_volume (self->settings));

  if (steady_progress_is_enabled (gtk_window_get_application (GTK_WINDOW (self))))
    {
      /* Desktop: a check-in first, then the coaching (steady_window_begin_coaching) */
      self->in_session = TRUE;
      self->coach_finished = FALSE;
      self->have_before = FALSE;
      self->session_id = 0;
      steady_checkin_view_set_moment (self->checkin_view, STEADY_CHECKIN_BEFORE);
      steady_checkin_view_reset (self->checkin_view);
      steady_window_navigate (self, "checkin", TRUE);
      return;
    }

  steady_window_navigate (self, "coach", TRUE);
  steady_coach_page_start (self->coach_page);
}

/* Tells the patient @title under the header bar until dismissed (or, for
 * a recovered journal, until the history page says it in full); the whole
 * @message, if any, waits behind Details and goes to the log. */
static void
steady_window_show_notice (SteadyWindow     *self,
                           SteadyNoticeKind  kind,
                           const char       *title,
                           const char       *message)
{
  g_message ("%s%s%s", title, message != NULL ? ": " : "", message != NULL ? message : "");
  self->notice_kind = kind;
  g_free (self->notice_message);
  self->notice_message = g_strdup (message);
  gtk_label_set_text (self->notice_label, title);
  gtk_widget_set_visible (self->notice_details_button,
                          kind == STEADY_NOTICE_JOURNAL_RECOVERED || message != NULL);
  gtk_widget_set_visible (self->notice_box, TRUE);
}

static void
steady_window_hide_notice (SteadyWindow *self)
{
  self->notice_kind = STEADY_NOTICE_NONE;
  g_clear_pointer (&self->notice_message, g_free);
  gtk_widget_set_visible (self->notice_box, FALSE);
}

/* A journal that cannot be written never stops the coaching: the patient
 * is told once, quietly; Details gives the whole message (what, where). */
static void
steady_window_journal_failed (SteadyWindow *self,
                              const GError *error)
{
  if (self->session_id >= 0)
    steady_window_show_notice (self, STEADY_NOTICE_JOURNAL_PROBLEM,
                               _("This session could not be saved to your journal"),
                               error != NULL ? error->message : NULL);
  self->session_id = -1;  /* told: keep nothing more of this session */
}

static SteadyJournal *
steady_window_get_session_journal (SteadyWindow *self)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal;

  if (self->session_id < 0)
    return NULL;

  journal = steady_progress_get_journal (gtk_window_get_application (GTK_WINDOW (self)), &error);
  if (journal == NULL && error != NULL)
    steady_window_journal_failed (self, error);

  return journal;
}

static void
steady_window_keep_checkin (SteadyWindow        *self,
                            const SteadyCheckin *checkin)
{
  SteadyJournal *journal = steady_window_get_session_journal (self);
  g_autoptr(GError) error = NULL;
  SteadyCheckin kept = *checkin;

  if (journal == NULL || self->session_id <= 0)
    return;

  kept.session_id = self->session_id;
  if (steady_journal_add_checkin (journal, &kept, &error) == 0)
    steady_window_journal_failed (self, error);
}

/* After the "before" check-in: the session begins in the journal (with
 * that check-in, if answered). */
static void
steady_window_record_session (SteadyWindow *self)
{
  SteadyJournal *journal = steady_window_get_session_journal (self);
  SteadyTimeline *timeline = steady_coach_page_get_timeline (self->coach_page);

  if (journal != NULL && timeline != NULL)
    {
      g_autoptr(GError) error = NULL;
      const SteadySessionSettings *settings = steady_timeline_get_settings (timeline);
      SteadySessionPlan plan = { 0, };
      guint counts[3];

      steady_coach_page_count_units (self->coach_page, counts);
      plan.program_id = self->program != NULL ? steady_program_get_id (self->program) : NULL;
      plan.drill_id = steady_drill_get_id (steady_timeline_get_drill (timeline));
      plan.sides = settings->sides;
      plan.reps_planned = counts[STEADY_PROGRESS_REP];
      plan.circles_planned = counts[STEADY_PROGRESS_CIRCLE];
      plan.holds_planned = counts[STEADY_PROGRESS_HOLD];

      self->session_id = steady_journal_begin_session (journal, &plan, &error);
      if (self->session_id == 0)
        steady_window_journal_failed (self, error);
      else
        {
          /* Held so that the session can end even when the window is
           * destroyed, after it has left the application. */
          g_set_object (&self->session_journal, journal);
          if (self->have_before)
            steady_window_keep_checkin (self, &self->before);
        }
    }
}

/* … and the coach starts. */
static void
steady_window_begin_coaching (SteadyWindow *self)
{
  steady_window_record_session (self);
  steady_window_navigate (self, "coach", FALSE);
  steady_coach_page_start (self->coach_page);
}

static void
on_coach_unit_done (SteadyWindow *self,
                    int           kind,
                    int           side,
                    double        held)
{
  SteadyJournal *journal;
  g_autoptr(GError) error = NULL;

  if (!self->in_session || self->session_id <= 0)
    return;

  journal = steady_window_get_session_journal (self);
  if (journal != NULL
      && !steady_journal_record_progress (journal, self->session_id, kind, side, held, &error))
    steady_window_journal_failed (self, error);
}

/* The coaching ended (finished, or stopped by the patient): the "after"
 * check-in. */
static void
steady_window_ask_after (SteadyWindow *self,
                         gboolean      finished)
{
  self->coach_finished = finished;
  steady_checkin_view_set_moment (self->checkin_view, STEADY_CHECKIN_AFTER);
  steady_checkin_view_reset (self->checkin_view);
  steady_window_navigate (self, "checkin", FALSE);
}

/* Ends the session in the journal, if one is being kept, as @outcome with
 * @reason; nothing more is kept of it. */
static void
steady_window_close_session (SteadyWindow         *self,
                             SteadySessionOutcome  outcome,
                             const char           *reason)
{
  g_autoptr(SteadyJournal) journal = g_steal_pointer (&self->session_journal);
  g_autoptr(GError) error = NULL;

  if (self->session_id > 0 && journal != NULL
      && !steady_journal_end_session (journal, self->session_id, outcome, reason, &error))
    steady_window_journal_failed (self, error);
  self->session_id = 0;
}

/* Every way out of a session that is not its after check-in (Back, closing
 * the window, quitting, another program) ends it here: FINISHED when the
 * coach had reached the end, else STOPPED with @reason. Nothing is asked. */
static void
steady_window_leave_session (SteadyWindow *self,
                             const char   *reason)
{
  if (!self->in_session)
    return;

  self->in_session = FALSE;
  if (self->coach_finished)
    steady_window_close_session (self, STEADY_SESSION_FINISHED, NULL);
  else
    steady_window_close_session (self, STEADY_SESSION_STOPPED, reason);
}

/* The "after" check-in answered (@after) or skipped (NULL): the stop rules
 * judge it, the session ends in the journal, and the patient sees the stop
 * card, the coach's Done, or the drill again. */
static void
steady_window_end_session (SteadyWindow        *self,
                           const SteadyCheckin *after)
{
  SteadyStopReason why = STEADY_STOP_NONE;

  self->in_session = FALSE;
  if (after != NULL)
    {
      why = steady_progress_check_stop (self->program, self->have_before ? &self->before : NULL, after);
      steady_window_keep_checkin (self, after);
    }

  if (why != STEADY_STOP_NONE)
    steady_window_close_session (self, STEADY_SESSION_STOPPED, steady_stop_reason_to_string (why));
  else if (self->coach_finished)
    steady_window_close_session (self, STEADY_SESSION_FINISHED, NULL);
  else
    steady_window_close_session (self, STEADY_SESSION_STOPPED, "patient");

  if (why != STEADY_STOP_NONE)
    {
      steady_stop_card_set_reason (self->stop_card, why,
                                   self->program != NULL ? steady_program_get_stop_rules (self->program) : NULL);
      steady_window_navigate (self, "stop", FALSE);
    }
  else if (self->coach_finished)
    steady_window_navigate (self, "coach", FALSE);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

static void
on_checkin_submitted (SteadyWindow        *self,
                      const SteadyCheckin *checkin)
{
  if (!self->in_session)
    return;

  if (steady_checkin_view_get_moment (self->checkin_view) == STEADY_CHECKIN_BEFORE)
    {
      SteadyStopReason why;

      self->before = *checkin;
      self->have_before = TRUE;
      /* The stop rules hold before a drill too: in pain of 7 or more, or
       * after a painful pop, the drill does not start. The session is kept
       * as stopped, with why, so that the history shows it. */
      why = steady_progress_check_stop (self->program, checkin, checkin);
      if (why != STEADY_STOP_NONE)
        {
          steady_window_record_session (self);
          self->in_session = FALSE;
          steady_window_close_session (self, STEADY_SESSION_STOPPED, steady_stop_reason_to_string (why));
          steady_stop_card_set_reason_before_drill (self->stop_card, why,
                                                    self->program != NULL
                                                    ? steady_program_get_stop_rules (self->program)
                                                    : NULL);
          steady_window_navigate (self, "stop", FALSE);
          return;
        }
      steady_window_begin_coaching (self);
    }
  else
    steady_window_end_session (self, checkin);
}

static void
on_checkin_skipped (SteadyWindow *self)
{
  if (!self->in_session)
    return;

  if (steady_checkin_view_get_moment (self->checkin_view) == STEADY_CHECKIN_BEFORE)
    {
      self->have_before = FALSE;
      steady_window_begin_coaching (self);
    }
  else
    steady_window_end_session (self, NULL);
}

/* "Stop here for today" understood: back to the start, not to the drill
 * page and its big Start button. */
static void
on_stop_card_done (SteadyWindow *self)
{
  if (g_strcmp0 (steady_window_get_page_name (self), "stop") == 0)
    {
      g_ptr_array_set_size (self->history, 0);
      steady_window_navigate (self, "welcome", FALSE);
    }
}

static void
on_coach_finished (SteadyWindow *self)
{
  if (self->in_session)
    steady_window_ask_after (self, TRUE);
}

static void
on_coach_stopped (SteadyWindow *self)
{
  if (self->in_session)
    steady_window_ask_after (self, FALSE);
  else if (g_strcmp0 (steady_window_get_page_name (self), "coach") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint position = steady_deck_get_position (self->deck);

  if (position + 1 < steady_deck_get_n_cards (self->deck))
    steady_deck_go_to (self->deck, position + 1, TRUE);
  else
    steady_window_navigate (self, "drills", TRUE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint position = steady_deck_get_position (self->deck);

  if (position > 0)
    steady_deck_go_to (self->deck, position - 1, TRUE);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  steady_deck_go_to (self->deck, 0, TRUE);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint n = steady_deck_get_n_cards (self->deck);

  if (n > 0)
    steady_deck_go_to (self->deck, n - 1, TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  g_autofree char *page = NULL;

  if (self->history->len == 0)
    return;

  /* Back out of a check-in or the coach: the patient leaves the session. */
  steady_window_leave_session (self, "patient");
  page = g_ptr_array_steal_index (self->history, self->history->len - 1);
  steady_window_navigate (self, page, FALSE);
}

static void
use_builtin_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  steady_window_open_builtin (STEADY_WINDOW (widget));
}

/* ---- progress (issue 6): history, export, handout; desktop only ---- */

static void
steady_window_update_progress_actions (SteadyWindow *self)
{
  gboolean enabled = steady_progress_is_enabled (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-journal", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-handout",
                                 enabled && self->program != NULL);
}

static SteadyJournal *
steady_window_get_journal (SteadyWindow *self)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal;

  journal = steady_progress_get_journal (gtk_window_get_application (GTK_WINDOW (self)), &error);
  if (journal == NULL && error != NULL)
    steady_window_show_notice (self, STEADY_NOTICE_JOURNAL_PROBLEM,
                               _("Your journal could not be opened: nothing will be kept"),
                               error->message);

  return journal;
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  if (self->history_page == NULL)
    {
      GtkStackPage *page;
      SteadyJournal *journal = steady_window_get_journal (self);

      self->history_page = STEADY_HISTORY_PAGE (steady_history_page_new ());
      page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->history_page), "history");
      gtk_stack_page_set_title (page, _("Progress"));
      if (journal != NULL)
        steady_history_page_set_recovered_path (self->history_page,
                                                steady_journal_get_recovered_path (journal));
      steady_history_page_set_journal (self->history_page, journal);
    }
  else
    steady_history_page_reload (self->history_page);

  steady_window_navigate (self, "history", TRUE);

  /* The page tells of the damaged journal in full, path and all: the
   * notice would say it a second time. */
  if (self->notice_kind == STEADY_NOTICE_JOURNAL_RECOVERED)
    steady_window_hide_notice (self);
}

static void
export_journal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  SteadyJournal *journal = steady_window_get_journal (self);

  if (journal != NULL)
    steady_progress_export_journal (GTK_WINDOW (self), journal);
}

static void
print_handout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  if (self->program != NULL)
    steady_progress_print_handout (GTK_WINDOW (self), self->program);
}

static void
on_notice_details (SteadyWindow *self)
{
  switch (self->notice_kind)
    {
    case STEADY_NOTICE_JOURNAL_PROBLEM:
      /* A dialog over a drill that runs on would leave the patient out
       * of step: the drill waits while the message is read. */
      if (self->coach_page != NULL &&
          steady_coach_page_get_state (self->coach_page) == STEADY_COACH_STATE_RUNNING)
        steady_coach_page_toggle_pause (self->coach_page);
      steady_progress_show_problem (GTK_WINDOW (self), gtk_label_get_text (self->notice_label),
                                    self->notice_message);
      break;
    case STEADY_NOTICE_JOURNAL_RECOVERED:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-history", NULL);
      break;
    case STEADY_NOTICE_NONE:
    default:
      break;
    }
}

static void
on_application_shutdown (SteadyWindow *self)
{
  steady_window_leave_session (self, "closed");
}

/* Opens the journal once the window belongs to the application, so that a
 * damaged journal is told about at start-up: where the old file went. */
static void
on_application_changed (SteadyWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  SteadyJournal *journal;
  const char *recovered;

  steady_window_update_progress_actions (self);
  if (!steady_progress_is_enabled (application))
    return;

  /* Quitting does not close the windows first: the session ends here,
   * while the application still holds the journal. */
  g_signal_connect_object (application, "shutdown",
                           G_CALLBACK (on_application_shutdown), self, G_CONNECT_SWAPPED);

  journal = steady_window_get_journal (self);
  recovered = journal != NULL ? steady_journal_get_recovered_path (journal) : NULL;
  if (recovered != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *name = g_path_get_basename (recovered);

      /* The full path is on the history page, behind "Details". */
      /* TRANSLATORS: %s is the name the damaged journal was kept under */
      title = g_strdup_printf (_("Your journal was damaged: a new one was started, the old one kept as %s"),
                               name);
      steady_window_show_notice (self, STEADY_NOTICE_JOURNAL_RECOVERED, title, NULL);
    }
}

/* The notice bar is in the window's template. */
static void
steady_window_init_progress (SteadyWindow *self)
{
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
}

/* The coach page, the drill's check-ins and its stop card are built the
 * first time a drill starts (or a test asks for them), not at start-up:
 * they are most of what the window would otherwise build and never show
 * before its first frame. They are added together, in this order, so that
 * the stack slides between them the same way every time. */
static void
steady_window_ensure_session_pages (SteadyWindow *self)
{
  GtkStackPage *page;

  if (self->coach_page != NULL)
    return;

  self->coach_page = STEADY_COACH_PAGE (steady_coach_page_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->coach_page), "coach");
  gtk_stack_page_set_title (page, _("Coach"));
  g_signal_connect_swapped (self->coach_page, "stopped", G_CALLBACK (on_coach_stopped), self);
  g_signal_connect_swapped (self->coach_page, "unit-done", G_CALLBACK (on_coach_unit_done), self);
  g_signal_connect_swapped (self->coach_page, "finished", G_CALLBACK (on_coach_finished), self);

  self->checkin_view = STEADY_CHECKIN_VIEW (steady_checkin_view_new (STEADY_CHECKIN_BEFORE));
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->checkin_view), "checkin");
  gtk_stack_page_set_title (page, _("Check-In"));
  g_signal_connect_swapped (self->checkin_view, "submitted", G_CALLBACK (on_checkin_submitted), self);
  g_signal_connect_swapped (self->checkin_view, "skipped", G_CALLBACK (on_checkin_skipped), self);

  self->stop_card = STEADY_STOP_CARD (steady_stop_card_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->stop_card), "stop");
  gtk_stack_page_set_title (page, _("Stop Here"));
  g_signal_connect_swapped (self->stop_card, "done", G_CALLBACK (on_stop_card_done), self);
}

SteadyCheckinView *
steady_window_get_checkin_view (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  steady_window_ensure_session_pages (self);
  return self->checkin_view;
}

SteadyStopCard *
steady_window_get_stop_card (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  steady_window_ensure_session_pages (self);
  return self->stop_card;
}

SteadyHistoryPage *
steady_window_get_history_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->history_page;
}

/* ---- end of progress ---- */

static void
on_back_button_pressed (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SteadyWindow    *self)
{
  if (self->history->len > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
steady_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  steady_size_class_apply (widget, &STEADY_WINDOW (widget)->size_class, width, height);

  GTK_WIDGET_CLASS (steady_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static gboolean
steady_window_close_request (GtkWindow *window)
{
  SteadyWindow *self = STEADY_WINDOW (window);
  int width;
  int height;

  steady_window_leave_session (self, "closed");

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (steady_window_parent_class)->close_request (window);
}

static void
steady_window_dispose (GObject *object)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  /* Destroyed without a close request (the application quitting, say). */
  steady_window_leave_session (self, "closed");
  g_clear_object (&self->session_journal);
  g_clear_pointer (&self->notice_message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_WINDOW);
  g_clear_object (&self->program);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_window_parent_class)->dispose (object);
}

static void
steady_window_finalize (GObject *object)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_window_parent_class)->finalize (object);
}

static void
steady_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      steady_window_set_program (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_window_class_init (SteadyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_window_dispose;
  object_class->finalize = steady_window_finalize;
  object_class->get_property = steady_window_get_property;
  object_class->set_property = steady_window_set_property;
  widget_class->size_allocate = steady_window_size_allocate;
  window_class->close_request = steady_window_close_request;

  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         STEADY_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEADY_TYPE_DECK);
  g_type_ensure (STEADY_TYPE_DRILLS_PAGE);
  g_type_ensure (STEADY_TYPE_DRILL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, learn_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, deck);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, drills_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, drill_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_description);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, builtin_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, notice_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, notice_details_button);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_details);
  gtk_widget_class_bind_template_callback (widget_class, steady_window_hide_notice);
  gtk_widget_class_bind_template_callback (widget_class, on_deck_position_changed);

  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.show-deck", NULL, show_deck_action);
  gtk_widget_class_install_action (widget_class, "win.show-drills", NULL, show_drills_action);
  gtk_widget_class_install_action (widget_class, "win.show-safety", NULL, show_safety_action);
  gtk_widget_class_install_action (widget_class, "win.open-drill", "s", open_drill_action);
  gtk_widget_class_install_action (widget_class, "win.start-drill", "s", start_drill_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "win.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.use-builtin", NULL, use_builtin_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.export-journal", NULL, export_journal_action);
  gtk_widget_class_install_action (widget_class, "win.print-handout", NULL, print_handout_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
}

/* The saved size, or -1 (GTK's natural size) for a value no window could
 * have: the keys have no range, and a hand-edited keyfile or a broken
 * dconf profile can hold anything (a negative size is a critical). */
static int
stored_window_size (GSettings  *settings,
                    const char *key)
{
  int size = g_settings_get_int (settings, key);

  return size >= 1 && size <= 16384 ? size : -1;
}

static void
fix_names_of_page (GtkStack *stack)
{
  GtkWidget *page = gtk_stack_get_visible_child (stack);

  if (page != NULL)
    steady_mnemonic_names_fix (page);
}

static void
steady_window_init (SteadyWindow *self)
{
  GtkGesture *back_click;

  self->history = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Pages added later (check-in, stop card, history) too, as they show. */
  steady_mnemonic_names_fix (GTK_WIDGET (self));
  steady_mnemonic_names_keep_own (self->back_button);
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (fix_names_of_page), NULL);
  steady_window_init_progress (self);

  /* The "back" button of a mouse goes back a page. */
  back_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_click), 8);
  g_signal_connect (back_click, "pressed", G_CALLBACK (on_back_button_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_click));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  steady_drills_page_set_settings (self->drills_page, self->settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               stored_window_size (self->settings, "window-width"),
                               stored_window_size (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  steady_window_update_actions (self);
  steady_bench_hook_attach (GTK_WINDOW (self));
}

SteadyWindow *
steady_window_new (SteadyApplication *application)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (application), NULL);

  return g_object_new (STEADY_TYPE_WINDOW, "application", application, NULL);
}

void
steady_window_set_program (SteadyWindow  *self,
                           SteadyProgram *program)
{
  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (program == NULL || STEADY_IS_PROGRAM (program));

  if (!g_set_object (&self->program, program))
    return;

  steady_window_leave_session (self, "closed");
  steady_deck_set_program (self->deck, NULL);
  steady_drills_page_set_program (self->drills_page, program);
  steady_drill_page_set_drill (self->drill_page, NULL);
  if (self->coach_page != NULL)
    steady_coach_page_set_drill (self->coach_page, NULL, NULL);

  g_ptr_array_set_size (self->history, 0);
  steady_window_navigate (self, program != NULL ? "welcome" : "error", FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

SteadyProgram *
steady_window_get_program (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->program;
}

gboolean
steady_window_open_file (SteadyWindow *self,
                         GFile        *file)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  program = steady_program_new_from_file (file, &error);
  if (program == NULL && self->in_session)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = NULL;

      /* A drill under way goes on: a file that cannot be read must not end
       * the patient's session (the error page would), only say why. */
      g_message ("%s: %s", name, error->message);
      /* TRANSLATORS: %s is the path of a program file, then the parser's
       * message (file, line, column, what is wrong) */
      body = g_strdup_printf (_("Steady could not read the lesson in “%s”, and goes on with "
                                "the drill under way. This is what is wrong with it:\n\n%s"),
                              name, error->message);
      steady_progress_show_problem (GTK_WINDOW (self), _("The Lesson Could Not Be Opened"), body);
      return FALSE;
    }
  if (program == NULL)
    {
      steady_window_show_error (self, file, error);
      return FALSE;
    }

  steady_window_set_program (self, program);
  return TRUE;
}

gboolean
steady_window_open_builtin (SteadyWindow *self)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_WINDOW (self), FALSE);

  program = steady_program_new_builtin (&error);
  if (program == NULL)
    {
      steady_window_show_error (self, NULL, error);
      return FALSE;
    }

  steady_window_set_program (self, program);
  return TRUE;
}

void
steady_window_show_error (SteadyWindow *self,
                          GFile        *file,
                          const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (error != NULL);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* TRANSLATORS: %s is the path of a program file */
      description = g_strdup_printf (_("Steady could not read the lesson in “%s”. "
                                       "This is what is wrong with it:"), name);
    }
  else
    description = g_strdup (_("Steady could not read its built-in lesson. "
                              "This is what is wrong with it:"));

  /* Set only now: GTK preloads the icons of every image in the window,
   * and this large one is an SVG that would load librsvg at start-up. */
  gtk_image_set_from_icon_name (self->error_icon, "dialog-warning-symbolic");
  gtk_label_set_text (self->error_description, description);
  gtk_label_set_text (self->error_label, error->message);
  /* The built-in program cannot help when it is the one that failed. */
  gtk_widget_set_visible (self->builtin_button, file != NULL);

  steady_window_leave_session (self, "closed");
  g_clear_object (&self->program);
  steady_deck_set_program (self->deck, NULL);
  steady_drills_page_set_program (self->drills_page, NULL);
  steady_drill_page_set_drill (self->drill_page, NULL);
  if (self->coach_page != NULL)
    steady_coach_page_set_drill (self->coach_page, NULL, NULL);
  g_ptr_array_set_size (self->history, 0);
  steady_window_navigate (self, "error", FALSE);
  /* The focus may have passed through the selectable message on its way
   * to the button, which selects all of it; nothing should look selected. */
  gtk_label_select_region (self->error_label, 0, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

const char *
steady_window_get_page_name (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

SteadyDeck *
steady_window_get_deck (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->deck;
}

SteadyDrillsPage *
steady_window_get_drills_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->drills_page;
}

SteadyDrillPage *
steady_window_get_drill_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->drill_page;
}

SteadyCoachPage *
steady_window_get_coach_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  steady_window_ensure_session_pages (self);
  return self->coach_page;
}

const char *
steady_window_get_error_text (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->error_label);
}

/* steady-coach-page.c: coaches one drill, rep by rep, on one clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-mnemonic-names.h"
#include "steady-lazy-icon.h"
#include "steady-coach-dial.h"
#include "steady-coach-page.h"
#include "steady-cue-engine.h"
#include "steady-figure-view.h"
#include "steady-journal.h"
#include "steady-motion.h"
#include "steady-session-clock.h"

struct _SteadyCoachPage
{
  GtkWidget              parent_instance;

  SteadyDrill           *drill;
  SteadySessionSettings  settings;
  SteadyCueSoundMode     mode;
  double                 volume;
  char                  *sink_description;

  SteadyTimeline        *timeline;
  SteadySessionClock    *clock;
  SteadyCueEngine       *engine;
  SteadyCoachState       state;
  gboolean               follows_audio;
  guint                  tick_id;
  gboolean               in_tick;
  SteadyCoachNowFunc     now_func;
  gpointer               now_data;

  double                 t;
  double                 counted_t;    /* units ending up to here were told */
  guint                  done[3];      /* of each SteadyProgressKind, told */
  guint                  segment;      /* G_MAXUINT: nothing shown yet */
  SteadyPhase            phase;
  char                  *notice;
  char                  *announcement;
  gboolean               stacked;      /* figure above the readout */

  /* template */
  GtkStack              *stack;
  GtkBox                *content_box;
  GtkBox                *info_box;
  GtkBox                *readout_box;
  GtkWidget             *controls_box;
  GtkWidget             *back_squeezer;
  GtkWidget             *skip_squeezer;
  GtkWidget             *stop_squeezer;
  int                    label_room[3];  /* what each label adds to the row */
  GtkRevealer           *notice_revealer;
  GtkLabel              *notice_title;
  GtkLabel              *notice_label;
  GtkWidget             *figure_slot;
  SteadyFigureView      *figure;
  GtkLabel              *phase_label;
  GtkLabel              *counter_label;
  GtkLabel              *side_label;
  SteadyCoachDial       *dial;
  GtkLabel              *dial_breath_label;
  GtkLabel              *dial_value_label;
  GtkLabel              *dial_label;
  GtkLabel              *caption_label;
  GtkWidget             *start_button;
  GtkWidget             *pause_button;
  GtkWidget             *back_button;
  GtkWidget             *skip_button;
  GtkWidget             *stop_button;
  AdwButtonContent      *pause_content;
  AdwStatusPage         *done_page;
};

G_DEFINE_FINAL_TYPE (SteadyCoachPage, steady_coach_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_STOPPED,
  SIGNAL_FINISHED,
  SIGNAL_UNIT_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void steady_coach_page_finish (SteadyCoachPage *self);

static gboolean
animations_enabled (SteadyCoachPage *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* Clocks ------------------------------------------------------------------ */

static double
frame_now (SteadyCoachPage *self)
{
  GdkFrameClock *frame_clock;

  if (self->now_func != NULL)
    return self->now_func (self->now_data);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock != NULL)
    return gdk_frame_clock_get_frame_time (frame_clock) / (double) G_USEC_PER_SEC;

  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

/* "now" on the clock that drives the session: the audio pipeline's while
 * sound plays, the frame clock otherwise. */
static double
session_now (SteadyCoachPage *self)
{
  if (self->follows_audio)
    return steady_cue_engine_get_position (self->engine);

  return frame_now (self);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  SteadyCoachPage *self = STEADY_COACH_PAGE (widget);

  self->in_tick = TRUE;
  steady_coach_page_update (self);
  self->in_tick = FALSE;

  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_ticking (SteadyCoachPage *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
stop_ticking (SteadyCoachPage *self)
{
  if (self->tick_id == 0)
    return;

  /* Inside the callback, returning G_SOURCE_REMOVE removes it. */
  if (!self->in_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

/* What is shown ----------------------------------------------------------- */

/* @notice: why sound is (partly) off, in GStreamer's or the speech
 * engine's words, or NULL when all is well. The patient reads a plain
 * sentence; the technical words go to the log only.
 * @silent: nothing plays at all (rather than only the voice failing). */
static void
set_notice (SteadyCoachPage *self,
            const char      *notice,
            gboolean         silent)
{
  gtk_label_set_text (self->notice_title,
                      silent ? _("Coaching without sound: every cue is shown as a caption.")
                             : _("Spoken prompts are off: the tones and captions carry on."));
  gtk_label_set_text (self->notice_label,
                      silent ? _("Steady could not open the speakers.")
                             : _("Steady could not start its voice."));

  if (g_strcmp0 (self->notice, notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_strdup (notice);
  if (notice != NULL)
    g_message ("%s: %s", silent ? "Coaching without sound" : "Spoken prompts are off", notice);
  gtk_revealer_set_reveal_child (self->notice_revealer, notice != NULL);
}

/* Screen readers hear phase changes and a hold's end, not every second:
 * GTK 4.8 has no announce call, so the phase label (role "alert") gets the
 * sentence as its accessible label. */
static void
announce (SteadyCoachPage *self,
          const char      *text)
{
  if (g_strcmp0 (self->announcement, text) == 0)
    return;

  g_free (self->announcement);
  self->announcement = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->phase_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
announce_moment (SteadyCoachPage    *self,
                 const SteadyMoment *moment,
                 SteadyPhase         previous)
{
  g_autofree char *text = NULL;

  if (moment->phase == STEADY_PHASE_DONE)
    text = g_strdup (_("Done. Well done."));
  else if (previous == STEADY_PHASE_HOLD && moment->phase != STEADY_PHASE_HOLD)
    /* TRANSLATORS: said when a hold ends; %s is the next phase ("Lower") */
    text = g_strdup_printf (_("Hold done. %s."), moment->label);
  else if (moment->rep > 0)
    /* TRANSLATORS: a phase ("Hold") and a counter ("Rep 2 of 15") */
    text = g_strdup_printf (_("%s. %s."), moment->label, moment->counter);
  else
    text = g_strdup_printf (_("%s. %s."), moment->label, steady_timeline_get_side_label (self->timeline, moment->side));

  announce (self, text);
}

static void
show_moment (SteadyCoachPage *self,
             double           t)
{
  SteadyMoment moment;
  const SteadySegment *segments;
  guint n_segments;
  gboolean hold_active, pace_active;
  double hold_seconds = 0.0, pace_seconds = 0.0;

  steady_timeline_get_moment (self->timeline, t, &moment);
  segments = steady_timeline_get_segments (self->timeline, &n_segments);
  self->t = moment.t;

  /* The ring counts down holds, rests and the waits before a side starts;
   * through a movement it fills at the pace the body moves. */
  hold_active = steady_phase_is_countdown (moment.phase);
  pace_active = steady_phase_is_movement (moment.phase);
  if (moment.segment < n_segments)
    {
      hold_seconds = hold_active ? segments[moment.segment].duration : 0.0;
      pace_seconds = pace_active ? segments[moment.segment].duration : 0.0;
    }
  hold_active = hold_active && hold_seconds > 0;
  pace_active = pace_active && pace_seconds > 0;

  /* Paused, the title says so; the rest stays where the drill stopped. */
  set_label (self->phase_label,
             self->state == STEADY_COACH_STATE_PAUSED ? _("Paused") : moment.label);
  set_label (self->counter_label, moment.counter);
  set_label (self->side_label, moment.rep > 0 ? steady_timeline_get_side_label (self->timeline, moment.side) : "");
  set_label (self->caption_label, moment.caption != NULL ? moment.caption : "");

  if (hold_active)
    {
      guint left = (guint) ceil (moment.segment_left - 1e-6);
      g_autofree char *value = g_strdup_printf ("%u", left);

      set_label (self->dial_value_label, value);
      set_label (self->dial_label, g_dngettext (GETTEXT_PACKAGE, "second left",
                                                "seconds left", left));
      if (moment.breath == STEADY_BREATH_IN)
        set_label (self->dial_breath_label, _("Breathe in"));
      else if (moment.breath == STEADY_BREATH_OUT)
        set_label (self->dial_breath_label, _("Breathe out"));
      else
        set_label (self->dial_breath_label, "");
    }
  else
    {
      set_label (self->dial_breath_label, "");
      set_label (self->dial_value_label, "");
      /* TRANSLATORS: in the coach's dial while the body moves (lifts,
       * lowers, circles) at the pace the ring fills */
      set_label (self->dial_label, pace_active ? _("Slowly") : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->dial_breath_label),
                          gtk_label_get_text (self->dial_breath_label)[0] != '\0');
  /* An empty label still takes a line: "Slowly" sits in the middle. */
  gtk_widget_set_visible (GTK_WIDGET (self->dial_value_label),
                          gtk_label_get_text (self->dial_value_label)[0] != '\0');

  steady_coach_dial_set_state (self->dial, hold_active, moment.segment_progress, hold_seconds,
                               pace_active, moment.segment_progress, pace_seconds,
                               moment.breath, moment.breath_progress);
  if (animations_enabled (self))
    steady_figure_view_set_motion_state (self->figure, &moment.motion);
  else
    {
      /* Reduced motion: the figure does not glide. While the body moves
       * it shows the movement as a still with an arrow, the way it goes
       * now (out while lifting, back while lowering); otherwise the
       * drill's start or working position, whichever the moment is
       * nearer. */
      SteadyMotionState start, end, still;

      steady_motion_key_states (steady_drill_get_motion (self->drill), moment.motion.side, &start, &end);
      start.direction = end.direction = moment.motion.direction;
      start.working = end.working = moment.motion.working;
      switch (moment.phase)
        {
        case STEADY_PHASE_LIFT:
        case STEADY_PHASE_DRIFT:
        case STEADY_PHASE_CIRCLE:
          steady_figure_view_set_motion_arrow (self->figure, &start, &end);
          break;

        case STEADY_PHASE_LOWER:
        case STEADY_PHASE_RETURN:
          steady_figure_view_set_motion_arrow (self->figure, &end, &start);
          break;

        default:
          still = moment.motion.amount < 0.5 ? start : end;
          steady_figure_view_set_motion_state (self->figure, &still);
          break;
        }
    }

  if (moment.segment != self->segment)
    {
      SteadyPhase previous = self->segment == G_MAXUINT ? moment.phase : self->phase;

      if (self->segment != G_MAXUINT || self->state != STEADY_COACH_STATE_READY)
        announce_moment (self, &moment, previous);
      self->segment = moment.segment;
      self->phase = moment.phase;
    }
}

static void
update_controls (SteadyCoachPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->state == STEADY_COACH_STATE_READY;
  gboolean running = self->state == STEADY_COACH_STATE_RUNNING;
  gboolean paused = self->state == STEADY_COACH_STATE_PAUSED;
  gboolean in_session = running || paused;

  gtk_widget_action_set_enabled (widget, "coach.start",
                                 self->drill != NULL && (ready || self->state == STEADY_COACH_STATE_DONE));
  gtk_widget_action_set_enabled (widget, "coach.toggle-pause", in_session);
  gtk_widget_action_set_enabled (widget, "coach.back", in_session);
  gtk_widget_action_set_enabled (widget, "coach.skip", in_session);
  gtk_widget_action_set_enabled (widget, "coach.stop", in_session);

  gtk_widget_set_visible (self->start_button, !in_session);
  gtk_widget_set_visible (self->pause_button, in_session);
  adw_button_content_set_label (self->pause_content, paused ? _("_Resume") : _("_Pause"));
  adw_button_content_set_icon_name (self->pause_content,
                                    paused ? "media-playback-start-symbolic"
                                           : "media-playback-pause-symbolic");

  gtk_stack_set_visible_child_name (self->stack,
                                    self->state == STEADY_COACH_STATE_DONE ? "done" : "session");
}

/* Sound ------------------------------------------------------------------- */

static void
on_engine_error (SteadyCueEngine *engine,
                 const GError    *error,
                 SteadyCoachPage *self)
{
  /* Sound failed while playing: carry on, silently, on the frame clock,
   * without a jump in session time. */
  if (self->follows_audio && self->clock != NULL)
    {
      double old_now = steady_cue_engine_get_position (engine);

      self->follows_audio = FALSE;
      steady_session_clock_switch_source (self->clock, old_now, frame_now (self));
      steady_cue_engine_pause (engine);
    }

  set_notice (self, error->message, TRUE);
}

static void
on_engine_notice (SteadyCueEngine *engine,
                  GParamSpec      *pspec,
                  SteadyCoachPage *self)
{
  if (steady_cue_engine_get_notice (engine) != NULL)
    set_notice (self, steady_cue_engine_get_notice (engine),
                !steady_cue_engine_get_available (engine));
}

static void
ensure_engine (SteadyCoachPage *self)
{
  if (self->engine != NULL)
    return;

  self->engine = steady_cue_engine_new ();
  g_signal_connect (self->engine, "error", G_CALLBACK (on_engine_error), self);
  g_signal_connect (self->engine, "notify::notice", G_CALLBACK (on_engine_notice), self);
}

/* Loads the cues; decides which clock the session follows. */
static void
start_sound (SteadyCoachPage *self)
{
  g_autoptr(GError) error = NULL;
  const SteadyCue *cues;
  guint n_cues;

  self->follows_audio = FALSE;
  set_notice (self, NULL, TRUE);

  if (self->mode == STEADY_CUE_SOUND_SILENT)
    return;

  ensure_engine (self);
  steady_cue_engine_set_mode (self->engine, self->mode);
  steady_cue_engine_set_volume (self->engine, self->volume);
  steady_cue_engine_set_language (self->engine, steady_cue_engine_ui_language ());
  steady_cue_engine_set_sink_description (self->engine, self->sink_description);

  cues = steady_timeline_get_cues (self->timeline, &n_cues);
  if (!steady_cue_engine_load (self->engine, cues, n_cues,
                               steady_timeline_get_total (self->timeline), &error))
    {
      set_notice (self, error->message, TRUE);
      return;
    }

  if (!steady_cue_engine_get_available (self->engine))
    {
      /* No audio output: the captions carry the cues; nothing plays. */
      set_notice (self, steady_cue_engine_get_notice (self->engine), TRUE);
      steady_cue_engine_stop (self->engine);
      return;
    }

  set_notice (self, steady_cue_engine_get_notice (self->engine), FALSE);
  self->follows_audio = TRUE;
}

static void
stop_sound (SteadyCoachPage *self)
{
  if (self->engine != NULL)
    steady_cue_engine_stop (self->engine);
  self->follows_audio = FALSE;
}

/* Units done ------------------------------------------------------------ */

/* When segment @i is the last of a rep, circle or hold: TRUE, with what it
 * was and the seconds held in it. */
static gboolean
unit_ends_at (const SteadySegment *segments,
              guint                n_segments,
              guint                i,
              SteadyProgressKind  *kind,
              double              *held)
{
  guint first = i;

  if (segments[i].rep == 0
      || (i + 1 < n_segments && segments[i + 1].rep != 0 && !segments[i + 1].rep_start))
    return FALSE;

  while (first > 0 && !segments[first].rep_start && segments[first - 1].rep != 0)
    first--;

  *kind = STEADY_PROGRESS_REP;
  *held = 0.0;
  for (guint j = first; j <= i; j++)
    {
      if (segments[j].phase == STEADY_PHASE_CIRCLE)
        *kind = STEADY_PROGRESS_CIRCLE;
      else if (segments[j].phase == STEADY_PHASE_DRIFT && *kind == STEADY_PROGRESS_REP)
        *kind = STEADY_PROGRESS_HOLD;
      if (segments[j].phase == STEADY_PHASE_HOLD)
        *held += segments[j].duration;
    }

  return TRUE;
}

/* Emits "unit-done" for every rep, circle or hold whose last segment ended
 * in (counted_t, t]: time passing the end of a rep is the rep done. */
static void
count_units (SteadyCoachPage *self,
             double           t)
{
  const SteadySegment *segments;
  guint n_segments;

  if (self->timeline == NULL || t <= self->counted_t)
    return;

  segments = steady_timeline_get_segments (self->timeline, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      double end = segments[i].start + segments[i].duration;
      SteadyProgressKind kind;
      double held;

      if (end > self->counted_t && end <= t
          && unit_ends_at (segments, n_segments, i, &kind, &held))
        {
          self->done[kind]++;
          g_signal_emit (self, signals[SIGNAL_UNIT_DONE], 0,
                         (int) kind, (int) segments[i].side, held);
        }
    }

  self->counted_t = t;
}

/* Sessions ---------------------------------------------------------------- */

static void
clear_session (SteadyCoachPage *self)
{
  stop_ticking (self);
  stop_sound (self);
  g_clear_object (&self->clock);
}

/* Compiles the timeline for the drill and shows its first moment. */
static void
prepare (SteadyCoachPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_session (self);
  g_clear_object (&self->timeline);
  self->state = STEADY_COACH_STATE_READY;
  self->segment = G_MAXUINT;
  self->t = 0.0;
  self->counted_t = 0.0;
  memset (self->done, 0, sizeof self->done);

  if (self->drill != NULL)
    {
      /* The settings were clamped to the drill's ranges: they validate. */
      self->timeline = steady_timeline_new (self->drill, &self->settings, &error);
      if (self->timeline == NULL)
        g_critical ("The coach could not compile “%s”: %s",
                    steady_drill_get_id (self->drill), error->message);
    }

  steady_figure_view_set_drill (self->figure, self->drill);
  steady_figure_view_set_playing (self->figure, FALSE);

  if (self->timeline != NULL)
    show_moment (self, 0.0);

  update_controls (self);
}

static void
seek_to (SteadyCoachPage *self,
         double           t)
{
  if (self->follows_audio)
    {
      /* The pipeline's position is session time: after the seek it reads
       * t, so the clock maps now = t to t. */
      steady_cue_engine_seek (self->engine, t);
      steady_session_clock_seek (self->clock, t, t);
    }
  else
    steady_session_clock_seek (self->clock, frame_now (self), t);

  steady_coach_page_update (self);
}

static void
fill_done_page (SteadyCoachPage *self)
{
  const SteadySessionSettings *settings = steady_timeline_get_settings (self->timeline);
  const char *motion = steady_drill_get_motion (self->drill);
  guint minutes = (guint) (steady_timeline_get_total (self->timeline) / 60.0 + 0.5);
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  g_autofree char *description = NULL;

  if (g_strcmp0 (motion, "quadruped-knee-circles") == 0)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u circle each way",
                                         "%u circles each way", settings->reps),
                            settings->reps);
  else if (settings->hold > 0)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hold of %.0f seconds",
                                         "%u holds of %.0f seconds", settings->reps),
                            settings->reps, settings->hold);
  else
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rep", "%u reps", settings->reps),
                            settings->reps);

  if (settings->sides == STEADY_SIDE_BOTH)
    where = g_strdup (_("on each side"));
  else if (settings->sides == STEADY_SIDE_LEFT)
    where = g_strdup (_("on the left side"));
  else
    where = g_strdup (_("on the right side"));

  /* TRANSLATORS: "%1$s: %2$s %3$s, about %4$u minutes." e.g.
   * "Clamshells: 15 holds of 5 seconds on each side, about 3 minutes." */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s: %s %s, about %u minute.",
                                              "%s: %s %s, about %u minutes.",
                                              MAX (minutes, 1)),
                                 steady_drill_get_title (self->drill), what, where,
                                 MAX (minutes, 1));

  /* What was skipped is not done: say how much was. */
  {
    guint planned[3], kind = 0;

    steady_coach_page_count_units (self, planned);
    for (guint k = 1; k < G_N_ELEMENTS (planned); k++)
      if (planned[k] > planned[kind])
        kind = k;
    if (self->done[kind] < planned[kind])
      {
        g_autofree char *did = NULL;
        char *whole;

        /* TRANSLATORS: after the drill's plan, e.g. "You did 11 of the 12." */
        did = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You did %u of the %u.",
                                            "You did %u of the %u.", planned[kind]),
                               self->done[kind], planned[kind]);
        whole = g_strconcat (description, " ", did, NULL);
        g_free (description);
        description = whole;
      }
  }
  adw_status_page_set_description (self->done_page, description);
}

static void
steady_coach_page_finish (SteadyCoachPage *self)
{
  stop_ticking (self);
  stop_sound (self);
  show_moment (self, steady_timeline_get_total (self->timeline));
  self->state = STEADY_COACH_STATE_DONE;
  fill_done_page (self);
  update_controls (self);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

/* Actions ----------------------------------------------------------------- */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  steady_coach_page_start (STEADY_COACH_PAGE (widget));
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  steady_coach_page_toggle_pause (STEADY_COACH_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  steady_coach_page_back (STEADY_COACH_PAGE (widget));
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  steady_coach_page_skip (STEADY_COACH_PAGE (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  steady_coach_page_stop (STEADY_COACH_PAGE (widget));
}

/* GObject ----------------------------------------------------------------- */

static void
steady_coach_page_unmap (GtkWidget *widget)
{
  SteadyCoachPage *self = STEADY_COACH_PAGE (widget);

  /* Out of sight (another page, a minimised window): wait for the patient. */
  if (self->state == STEADY_COACH_STATE_RUNNING)
    steady_coach_page_toggle_pause (self);

  GTK_WIDGET_CLASS (steady_coach_page_parent_class)->unmap (widget);
}

/* A page about as tall as wide or taller (a portrait window or screen)
 * puts the figure above, the full width, and the dial beside the phase
 * and counter under it: the figure is what a patient copies, and side by
 * side it shrank to a third of such a window. */
#define STACK_MIN_ASPECT 0.9   /* height / width */

/* The page lays out its one child (the stack) itself, rather than through
 * a layout manager, to pick the arrangement as it learns its size. */
static void
steady_coach_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SteadyCoachPage *self = STEADY_COACH_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
set_stacked (SteadyCoachPage *self,
             gboolean         stacked)
{
  if (stacked == self->stacked)
    return;

  self->stacked = stacked;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content_box),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_homogeneous (self->content_box, !stacked);
  gtk_box_set_spacing (self->content_box, stacked ? 12 : 36);
  gtk_widget_set_vexpand (GTK_WIDGET (self->info_box), !stacked);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->readout_box),
                                  stacked ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->readout_box, stacked ? 24 : 12);
  gtk_widget_set_halign (GTK_WIDGET (self->readout_box), stacked ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  /* Under the figure the dial takes no more room than it needs. */
  steady_coach_dial_set_compact (self->dial, stacked);
  if (stacked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "stacked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "stacked");
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* Back, Skip and Stop show their labels when the row of controls fits in
 * @width with all of them, and otherwise all three show only their icons
 * (each button says its name to a screen reader either way). All at once:
 * a squeezer on its own gave way to its icon yet kept much of the room its
 * label asked for, a wide pill round a small icon. A hidden label cannot
 * be measured, so what each adds is remembered from when it was shown. */
static void
steady_coach_page_fit_controls (SteadyCoachPage *self,
                                int              width)
{
  GtkWidget *squeezers[] = { self->back_squeezer, self->skip_squeezer, self->stop_squeezer };
  int labelled = natural_width (self->controls_box);
  gboolean show;

  G_STATIC_ASSERT (G_N_ELEMENTS (squeezers) == G_N_ELEMENTS (self->label_room));

  /* The row as it would be with every label shown. */
  for (guint i = 0; i < G_N_ELEMENTS (squeezers); i++)
    {
      GtkWidget *label = gtk_widget_get_first_child (squeezers[i]);
      GtkWidget *icon = gtk_widget_get_last_child (squeezers[i]);

      if (gtk_widget_get_visible (label))
        self->label_room[i] = MAX (0, natural_width (label) - natural_width (icon));
      else
        labelled += self->label_room[i];
    }

  show = labelled <= width;
  for (guint i = 0; i < G_N_ELEMENTS (squeezers); i++)
    gtk_widget_set_visible (gtk_widget_get_first_child (squeezers[i]), show);
}

gboolean
steady_coach_page_shows_control_labels (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), FALSE);

  return gtk_widget_get_visible (gtk_widget_get_first_child (self->back_squeezer));
}

static void
steady_coach_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SteadyCoachPage *self = STEADY_COACH_PAGE (widget);

  set_stacked (self, width > 0 && height >= width * STACK_MIN_ASPECT);
  steady_coach_page_fit_controls (self, width);
  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

gboolean
steady_coach_page_is_stacked (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), FALSE);

  return self->stacked;
}

static void
steady_coach_page_dispose (GObject *object)
{
  SteadyCoachPage *self = STEADY_COACH_PAGE (object);

  clear_session (self);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  g_clear_object (&self->timeline);
  g_clear_object (&self->drill);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_COACH_PAGE);

  G_OBJECT_CLASS (steady_coach_page_parent_class)->dispose (object);
}

static void
steady_coach_page_finalize (GObject *object)
{
  SteadyCoachPage *self = STEADY_COACH_PAGE (object);

  g_free (self->sink_description);
  g_free (self->notice);
  g_free (self->announcement);

  G_OBJECT_CLASS (steady_coach_page_parent_class)->finalize (object);
}

static void
steady_coach_page_class_init (SteadyCoachPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_coach_page_dispose;
  object_class->finalize = steady_coach_page_finalize;
  widget_class->unmap = steady_coach_page_unmap;

  signals[SIGNAL_STOPPED] =
    g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_UNIT_DONE] =
    g_signal_new ("unit-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_INT, G_TYPE_INT, G_TYPE_DOUBLE);

  g_type_ensure (STEADY_TYPE_COACH_DIAL);
  g_type_ensure (STEADY_TYPE_FIGURE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-coach-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, notice_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, figure_slot);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, figure);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, counter_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, side_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, info_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, readout_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, back_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, skip_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, stop_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, dial);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, dial_breath_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, dial_value_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, dial_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, caption_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, pause_content);
  gtk_widget_class_bind_template_child (widget_class, SteadyCoachPage, done_page);

  gtk_widget_class_install_action (widget_class, "coach.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "coach.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "coach.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "coach.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "coach.stop", NULL, stop_action);

  widget_class->measure = steady_coach_page_measure;
  widget_class->size_allocate = steady_coach_page_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "steadycoachpage");
}

static void
steady_coach_page_init (SteadyCoachPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  steady_lazy_icon_attach (self->done_page, "emblem-ok-symbolic");
  /* These name themselves ("Back a rep"), also when they shrink to an
   * icon; their labels inside must not name them a second time. */
  steady_mnemonic_names_keep_own (self->back_button);
  steady_mnemonic_names_keep_own (self->skip_button);
  steady_mnemonic_names_keep_own (self->stop_button);

  self->mode = STEADY_CUE_SOUND_SILENT;
  self->volume = 0.8;
  self->segment = G_MAXUINT;

  /* Space pauses from anywhere on the page, even with a button focused;
   * Escape stops. Captured before the focused widget sees the key. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_named_action_new ("coach.toggle-pause")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("coach.stop")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_controls (self);
}

/* Public ------------------------------------------------------------------ */

GtkWidget *
steady_coach_page_new (void)
{
  return g_object_new (STEADY_TYPE_COACH_PAGE, NULL);
}

void
steady_coach_page_set_drill (SteadyCoachPage             *self,
                             SteadyDrill                 *drill,
                             const SteadySessionSettings *settings)
{
  g_return_if_fail (STEADY_IS_COACH_PAGE (self));
  g_return_if_fail (drill == NULL || STEADY_IS_DRILL (drill));

  g_set_object (&self->drill, drill);
  if (drill != NULL)
    {
      if (settings != NULL)
        self->settings = *settings;
      else
        steady_session_settings_init_from_drill (&self->settings, drill);
      steady_session_settings_clamp (&self->settings, drill);
    }

  prepare (self);
}

SteadyDrill *
steady_coach_page_get_drill (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return self->drill;
}

void
steady_coach_page_set_sound (SteadyCoachPage    *self,
                             SteadyCueSoundMode  mode,
                             double              volume)
{
  g_return_if_fail (STEADY_IS_COACH_PAGE (self));
  g_return_if_fail (mode <= STEADY_CUE_SOUND_VOICE);

  self->mode = mode;
  self->volume = CLAMP (volume, 0.0, 1.0);
  if (self->engine != NULL)
    steady_cue_engine_set_volume (self->engine, self->volume);
}

void
steady_coach_page_set_sink_description (SteadyCoachPage *self,
                                        const char      *description)
{
  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  g_free (self->sink_description);
  self->sink_description = g_strdup (description);
}

void
steady_coach_page_start (SteadyCoachPage *self)
{
  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  if (self->timeline == NULL
      || self->state == STEADY_COACH_STATE_RUNNING
      || self->state == STEADY_COACH_STATE_PAUSED)
    return;

  if (self->state == STEADY_COACH_STATE_DONE)
    prepare (self);

  self->clock = steady_session_clock_new (self->timeline);
  start_sound (self);
  if (self->follows_audio)
    steady_cue_engine_play (self->engine);
  steady_session_clock_resume (self->clock, session_now (self));

  self->state = STEADY_COACH_STATE_RUNNING;
  self->segment = G_MAXUINT;
  start_ticking (self);
  update_controls (self);
  steady_coach_page_update (self);
  gtk_widget_grab_focus (self->pause_button);
}

void
steady_coach_page_toggle_pause (SteadyCoachPage *self)
{
  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  if (self->state == STEADY_COACH_STATE_RUNNING)
    {
      steady_coach_page_update (self);
      if (self->state != STEADY_COACH_STATE_RUNNING)
        return;  /* it just finished */
      steady_session_clock_pause (self->clock, session_now (self));
      if (self->follows_audio)
        steady_cue_engine_pause (self->engine);
      stop_ticking (self);
      self->state = STEADY_COACH_STATE_PAUSED;
      announce (self, _("Paused"));
    }
  else if (self->state == STEADY_COACH_STATE_PAUSED)
    {
      if (self->follows_audio)
        steady_cue_engine_play (self->engine);
      steady_session_clock_resume (self->clock, session_now (self));
      self->state = STEADY_COACH_STATE_RUNNING;
      self->segment = G_MAXUINT;  /* say where we are again */
      start_ticking (self);
    }
  else
    return;

  update_controls (self);
  steady_coach_page_update (self);
}

void
steady_coach_page_skip (SteadyCoachPage *self)
{
  double t;

  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  if (self->clock == NULL || self->state == STEADY_COACH_STATE_DONE)
    return;

  t = steady_session_clock_get_time (self->clock, session_now (self));
  t = steady_timeline_next_rep_start (self->timeline, t);
  /* A skipped rep is not done; one gone back to is done again. */
  self->counted_t = t;
  seek_to (self, t);
}

void
steady_coach_page_back (SteadyCoachPage *self)
{
  double t;

  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  if (self->clock == NULL || self->state == STEADY_COACH_STATE_DONE)
    return;

  t = steady_session_clock_get_time (self->clock, session_now (self));
  t = steady_timeline_previous_rep_start (self->timeline, t);
  /* A skipped rep is not done; one gone back to is done again. */
  self->counted_t = t;
  seek_to (self, t);
}

void
steady_coach_page_stop (SteadyCoachPage *self)
{
  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  if (self->state != STEADY_COACH_STATE_RUNNING && self->state != STEADY_COACH_STATE_PAUSED)
    return;

  prepare (self);
  announce (self, _("Stopped"));
  g_signal_emit (self, signals[SIGNAL_STOPPED], 0);
}

SteadyCoachState
steady_coach_page_get_state (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), STEADY_COACH_STATE_READY);

  return self->state;
}

SteadyTimeline *
steady_coach_page_get_timeline (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return self->timeline;
}

SteadyCueEngine *
steady_coach_page_get_cue_engine (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return self->engine;
}

double
steady_coach_page_get_time (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), 0.0);

  return self->t;
}

gboolean
steady_coach_page_get_follows_audio (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), FALSE);

  return self->follows_audio;
}

gboolean
steady_coach_page_is_ticking (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), FALSE);

  return self->tick_id != 0;
}

const char *
steady_coach_page_get_counter_text (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return gtk_label_get_text (self->counter_label);
}

const char *
steady_coach_page_get_phase_text (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return gtk_label_get_text (self->phase_label);
}

const char *
steady_coach_page_get_caption_text (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return gtk_label_get_text (self->caption_label);
}

const char *
steady_coach_page_get_dial_text (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  /* While breathing, the breath is what the dial says first. */
  if (gtk_label_get_text (self->dial_breath_label)[0] != '\0')
    return gtk_label_get_text (self->dial_breath_label);

  return gtk_label_get_text (self->dial_label);
}

const char *
steady_coach_page_get_notice_text (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return self->notice;
}

const char *
steady_coach_page_get_announcement (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return self->announcement;
}

double
steady_coach_page_get_ring_left (SteadyCoachPage *self)
{
  SteadyDialLayout layout;

  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), 0.0);

  steady_coach_dial_get_layout (self->dial, &layout);
  return layout.ring_left;
}

const char *
steady_coach_page_get_done_text (SteadyCoachPage *self)
{
  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), NULL);

  return adw_status_page_get_description (self->done_page);
}

/* How much of the pace arc a movement has filled, 0..1; 0 outside one. */
double
steady_coach_page_get_pace_done (SteadyCoachPage *self)
{
  SteadyDialLayout layout;

  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), 0.0);

  steady_coach_dial_get_layout (self->dial, &layout);
  return layout.pace_visible ? layout.pace_done : 0.0;
}

double
steady_coach_page_get_breath_fullness (SteadyCoachPage *self)
{
  SteadyDialLayout layout;

  g_return_val_if_fail (STEADY_IS_COACH_PAGE (self), 0.0);

  steady_coach_dial_get_layout (self->dial, &layout);
  return layout.disc_visible ? layout.fullness : 0.0;
}

void
steady_coach_page_set_now_func (SteadyCoachPage    *self,
                                SteadyCoachNowFunc  func,
                                gpointer            user_data)
{
  double old_now;

  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  old_now = frame_now (self);
  self->now_func = func;
  self->now_data = user_data;

  /* A running session keeps its session time across the change. */
  if (self->clock != NULL && !self->follows_audio)
    steady_session_clock_switch_source (self->clock, old_now, frame_now (self));

  steady_coach_page_update (self);
}

void
steady_coach_page_update (SteadyCoachPage *self)
{
  double now;
  double t;

  g_return_if_fail (STEADY_IS_COACH_PAGE (self));

  if (self->clock == NULL
      || (self->state != STEADY_COACH_STATE_RUNNING && self->state != STEADY_COACH_STATE_PAUSED))
    return;

  now = session_now (self);
  t = steady_session_clock_get_time (self->clock, now);
  count_units (self, t);
  show_moment (self, t);

  if (self->state == STEADY_COACH_STATE_RUNNING
      && steady_session_clock_is_finished (self->clock, now))
    steady_coach_page_finish (self);
}

void
steady_coach_page_count_units (SteadyCoachPage *self,
                               guint            counts[3])
{
  const SteadySegment *segments;
  guint n_segments;

  g_return_if_fail (STEADY_IS_COACH_PAGE (self));
  g_return_if_fail (counts != NULL);

  counts[STEADY_PROGRESS_REP] = counts[STEADY_PROGRESS_CIRCLE] = counts[STEADY_PROGRESS_HOLD] = 0;
  if (self->timeline == NULL)
    return;

  segments = steady_timeline_get_segments (self->timeline, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      SteadyProgressKind kind;
      double held;

      if (unit_ends_at (segments, n_segments, i, &kind, &held))
        counts[kind]++;
    }
}

/* steady-kiosk.c: the waiting-room kiosk's state machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "steady-kiosk.h"

struct _SteadyKiosk
{
  GObject          parent_instance;

  guint            idle_seconds;
  guint            warning_seconds;

  SteadyKioskState state;
  SteadyKioskView  view;
  guint            card;
  guint            drill;

  gint64           now;          /* the latest time seen */
  gint64           last_input;   /* ACTIVE: the idle time counts from here */
  gint64           warning_start;
  guint64          n_resets;

  guint            n_taps;
  gint64           first_tap;

  gboolean         pin_pad_open;
  gint64           pin_pad_last;  /* the pad's last key (or its opening) */
  guint            pin_failures;  /* wrong PINs in a row */
  gint64           last_failure;
  gint64           locked_until;  /* no PIN before this */
};

G_DEFINE_FINAL_TYPE (SteadyKiosk, steady_kiosk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_VIEW,
  PROP_CARD,
  PROP_DRILL,
  PROP_PIN_PAD_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define USEC ((gint64) G_USEC_PER_SEC)

static void
set_state (SteadyKiosk      *self,
           SteadyKioskState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_view (SteadyKiosk     *self,
          SteadyKioskView  view,
          guint            card,
          guint            drill)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->card != card)
    {
      self->card = card;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
    }
  if (self->drill != drill)
    {
      self->drill = drill;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILL]);
    }
  if (self->view != view)
    {
      self->view = view;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
advance (SteadyKiosk *self,
         gint64       now_us)
{
  if (now_us > self->now)
    self->now = now_us;
}

static void
set_pin_pad_open (SteadyKiosk *self,
                  gboolean     open)
{
  if (self->pin_pad_open == open)
    return;
  self->pin_pad_open = open;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIN_PAD_OPEN]);
}

/* Everything about the visitor goes; "reset" lets the UI drop what it
 * holds (settings changed, a partial session) before the attract loop. */
void
steady_kiosk_reset (SteadyKiosk *self)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  self->n_resets++;
  self->n_taps = 0;
  /* The wrong PINs are not the visitor's: they stay counted. */
  set_pin_pad_open (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_RESET], 0);
  set_view (self, STEADY_KIOSK_VIEW_ATTRACT, 0, 0);
  set_state (self, STEADY_KIOSK_STATE_ATTRACT);
}

void
steady_kiosk_tick (SteadyKiosk *self,
                   gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  advance (self, now_us);

  /* A pad left alone closes; the idle time counts from then. */
  if (self->pin_pad_open
      && self->now - self->pin_pad_last >= STEADY_KIOSK_PIN_PAD_SECONDS * USEC)
    {
      self->last_input = MAX (self->last_input,
                              self->pin_pad_last + STEADY_KIOSK_PIN_PAD_SECONDS * USEC);
      set_pin_pad_open (self, FALSE);
    }

  if (self->state == STEADY_KIOSK_STATE_ACTIVE
      && !self->pin_pad_open
      && self->now - self->last_input >= self->idle_seconds * USEC)
    {
      /* The warning starts when the idle time ran out, not when the tick
       * came, so a late tick does not lengthen the countdown. */
      self->warning_start = self->last_input + self->idle_seconds * USEC;
      set_state (self, STEADY_KIOSK_STATE_WARNING);
    }

  if (self->state == STEADY_KIOSK_STATE_WARNING
      && self->now - self->warning_start >= self->warning_seconds * USEC)
    steady_kiosk_reset (self);
}

void
steady_kiosk_input (SteadyKiosk *self,
                    gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  steady_kiosk_tick (self, now_us);
  self->last_input = self->now;

  switch (self->state)
    {
    case STEADY_KIOSK_STATE_ATTRACT:
      set_view (self, STEADY_KIOSK_VIEW_DECK, 0, 0);
      set_state (self, STEADY_KIOSK_STATE_ACTIVE);
      break;
    case STEADY_KIOSK_STATE_WARNING:
      set_state (self, STEADY_KIOSK_STATE_ACTIVE);
      break;
    case STEADY_KIOSK_STATE_ACTIVE:
    default:
      break;
    }
}

gint64
steady_kiosk_get_next_deadline (SteadyKiosk *self)
{
  gint64 end, left;

  g_return_val_if_fail (STEADY_IS_KIOSK (self), -1);

  /* The idle time does not run out while the pad is open: its own time
   * does, and a lockout's seconds, which the pad counts down. */
  if (self->pin_pad_open)
    {
      end = self->pin_pad_last + STEADY_KIOSK_PIN_PAD_SECONDS * USEC;
      left = self->locked_until - self->now;
      if (self->pin_failures > 0 && left > 0)
        end = MIN (end, self->locked_until - ((left - 1) / USEC) * USEC);
      return end;
    }

  switch (self->state)
    {
    case STEADY_KIOSK_STATE_ACTIVE:
      return self->last_input + self->idle_seconds * USEC;
    case STEADY_KIOSK_STATE_WARNING:
      /* The next whole second of the countdown, so the number changes. */
      end = self->warning_start + self->warning_seconds * USEC;
      left = end - self->now;
      if (left <= 0)
        return end;
      return end - ((left - 1) / USEC) * USEC;
    case STEADY_KIOSK_STATE_ATTRACT:
    default:
      return -1;
    }
}

guint
steady_kiosk_get_warning_left (SteadyKiosk *self,
                               gint64       now_us)
{
  gint64 left;

  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);

  if (self->state != STEADY_KIOSK_STATE_WARNING)
    return 0;

  left = self->warning_start + self->warning_seconds * USEC - MAX (now_us, self->now);
  if (left <= 0)
    return 0;
  return (guint) ((left + USEC - 1) / USEC);
}

static void
move (SteadyKiosk     *self,
      SteadyKioskView  view,
      guint            card,
      guint            drill,
      gint64           now_us)
{
  steady_kiosk_input (self, now_us);
  /* A touch that came after the reset only started a new visit. */
  if (self->state == STEADY_KIOSK_STATE_ACTIVE)
    set_view (self, view, card, drill);
}

void
steady_kiosk_show_deck (SteadyKiosk *self,
                        guint        card,
                        gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));
  move (self, STEADY_KIOSK_VIEW_DECK, card, self->drill, now_us);
}

void
steady_kiosk_show_drill (SteadyKiosk *self,
                         guint        drill,
                         gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));
  move (self, STEADY_KIOSK_VIEW_DRILL, self->card, drill, now_us);
}

void
steady_kiosk_show_home (SteadyKiosk *self,
                        gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));
  move (self, STEADY_KIOSK_VIEW_HOME, self->card, self->drill, now_us);
}

gboolean
steady_kiosk_staff_tap (SteadyKiosk *self,
                        double       x,
                        double       y,
                        gint64       now_us)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), FALSE);

  if (x < 0 || y < 0 || x >= STEADY_KIOSK_EXIT_CORNER_PX || y >= STEADY_KIOSK_EXIT_CORNER_PX)
    {
      self->n_taps = 0;
      return FALSE;
    }

  if (self->n_taps == 0
      || now_us - self->first_tap > STEADY_KIOSK_EXIT_WINDOW_SECONDS * USEC
      || now_us < self->first_tap)
    {
      self->n_taps = 0;
      self->first_tap = now_us;
    }

  if (++self->n_taps < STEADY_KIOSK_EXIT_TAPS)
    return FALSE;

  self->n_taps = 0;
  return TRUE;
}

void
steady_kiosk_open_pin_pad (SteadyKiosk *self,
                           gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  steady_kiosk_tick (self, now_us);
  self->pin_pad_last = self->now;
  self->last_input = self->now;
  if (self->state == STEADY_KIOSK_STATE_WARNING)
    set_state (self, STEADY_KIOSK_STATE_ACTIVE);
  set_pin_pad_open (self, TRUE);
}

void
steady_kiosk_close_pin_pad (SteadyKiosk *self,
                            gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  steady_kiosk_tick (self, now_us);
  if (!self->pin_pad_open)
    return;
  self->last_input = self->now;
  set_pin_pad_open (self, FALSE);
}

void
steady_kiosk_pin_pad_key (SteadyKiosk *self,
                          gint64       now_us)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  steady_kiosk_tick (self, now_us);
  self->last_input = self->now;
  if (self->pin_pad_open)
    self->pin_pad_last = self->now;
}

gboolean
steady_kiosk_get_pin_pad_open (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), FALSE);
  return self->pin_pad_open;
}

void
steady_kiosk_pin_succeeded (SteadyKiosk *self)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  self->pin_failures = 0;
  self->locked_until = 0;
}

guint
steady_kiosk_get_pin_failures (SteadyKiosk *self,
                               gint64       now_us)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);

  if (self->pin_failures > 0
      && MAX (now_us, self->now) - self->last_failure >= STEADY_KIOSK_PIN_FORGET_SECONDS * USEC)
    return 0;
  return self->pin_failures;
}

guint
steady_kiosk_get_pin_locked_seconds (SteadyKiosk *self,
                                     gint64       now_us)
{
  gint64 left;

  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);

  left = self->locked_until - MAX (now_us, self->now);
  if (self->pin_failures == 0 || left <= 0)
    return 0;
  return (guint) ((left + USEC - 1) / USEC);
}

gboolean
steady_kiosk_pin_failed (SteadyKiosk *self,
                         gint64       now_us)
{
  guint doublings;
  gint64 lock;

  g_return_val_if_fail (STEADY_IS_KIOSK (self), FALSE);

  steady_kiosk_pin_pad_key (self, now_us);
  /* A PIN tried while locked out is not tried at all. */
  if (steady_kiosk_get_pin_locked_seconds (self, self->now) > 0)
    return TRUE;

  self->pin_failures = steady_kiosk_get_pin_failures (self, self->now) + 1;
  self->last_failure = self->now;
  if (self->pin_failures < STEADY_KIOSK_PIN_FREE_TRIES)
    return FALSE;

  /* 30 s, 60 s, 120 s … up to the cap. */
  doublings = MIN (self->pin_failures - STEADY_KIOSK_PIN_FREE_TRIES, 16);
  lock = MIN ((gint64) STEADY_KIOSK_PIN_LOCK_SECONDS << doublings,
              (gint64) STEADY_KIOSK_PIN_LOCK_SECONDS_MAX);
  self->locked_until = self->now + lock * USEC;
  return TRUE;
}

void
steady_kiosk_set_timeouts (SteadyKiosk *self,
                           guint        idle_seconds,
                           guint        warning_seconds)
{
  g_return_if_fail (STEADY_IS_KIOSK (self));

  self->idle_seconds = CLAMP (idle_seconds, STEADY_KIOSK_IDLE_SECONDS_MIN,
                              STEADY_KIOSK_IDLE_SECONDS_MAX);
  self->warning_seconds = CLAMP (warning_seconds, STEADY_KIOSK_WARNING_SECONDS_MIN,
                                 STEADY_KIOSK_WARNING_SECONDS_MAX);
}

SteadyKiosk *
steady_kiosk_new (guint idle_seconds,
                  guint warning_seconds)
{
  SteadyKiosk *self = g_object_new (STEADY_TYPE_KIOSK, NULL);

  steady_kiosk_set_timeouts (self, idle_seconds, warning_seconds);
  return self;
}

guint
steady_kiosk_get_idle_seconds (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);
  return self->idle_seconds;
}

guint
steady_kiosk_get_warning_seconds (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);
  return self->warning_seconds;
}

SteadyKioskState
steady_kiosk_get_state (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), STEADY_KIOSK_STATE_ATTRACT);
  return self->state;
}

SteadyKioskView
steady_kiosk_get_view (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), STEADY_KIOSK_VIEW_ATTRACT);
  return self->view;
}

guint
steady_kiosk_get_card (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);
  return self->card;
}

guint
steady_kiosk_get_drill (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);
  return self->drill;
}

guint64
steady_kiosk_get_n_resets (SteadyKiosk *self)
{
  g_return_val_if_fail (STEADY_IS_KIOSK (self), 0);
  return self->n_resets;
}

const char *
steady_kiosk_state_get_name (SteadyKioskState state)
{
  switch (state)
    {
    case STEADY_KIOSK_STATE_ATTRACT: return "attract";
    case STEADY_KIOSK_STATE_ACTIVE:  return "active";
    case STEADY_KIOSK_STATE_WARNING: return "warning";
    default:                         return "unknown";
    }
}

const char *
steady_kiosk_view_get_name (SteadyKioskView view)
{
  switch (view)
    {
    case STEADY_KIOSK_VIEW_ATTRACT: return "attract";
    case STEADY_KIOSK_VIEW_DECK:    return "deck";
    case STEADY_KIOSK_VIEW_DRILL:   return "drill";
    case STEADY_KIOSK_VIEW_HOME:    return "home";
    default:                        return "unknown";
    }
}

static void
steady_kiosk_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SteadyKiosk *self = STEADY_KIOSK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;
    case PROP_CARD:
      g_value_set_uint (value, self->card);
      break;
    case PROP_DRILL:
      g_value_set_uint (value, self->drill);
      break;
    case PROP_PIN_PAD_OPEN:
      g_value_set_boolean (value, self->pin_pad_open);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_kiosk_class_init (SteadyKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = steady_kiosk_get_property;

  /* Plain ints rather than registered enums: the core keeps no GType
   * boilerplate for enums nobody binds to. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, STEADY_KIOSK_STATE_WARNING, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL, 0, STEADY_KIOSK_VIEW_HOME, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARD] =
    g_param_spec_uint ("card", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRILL] =
    g_param_spec_uint ("drill", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIN_PAD_OPEN] =
    g_param_spec_boolean ("pin-pad-open", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted before the kiosk goes back to the attract loop: forget the
   * visitor (deck position, settings they changed, a partial session). */
  signals[SIGNAL_RESET] =
    g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
steady_kiosk_init (SteadyKiosk *self)
{
  self->idle_seconds = STEADY_KIOSK_IDLE_SECONDS_DEFAULT;
  self->warning_seconds = STEADY_KIOSK_WARNING_SECONDS_DEFAULT;
  self->state = STEADY_KIOSK_STATE_ATTRACT;
  self->view = STEADY_KIOSK_VIEW_ATTRACT;
  self->now = G_MININT64;
}

/* steady-kiosk.h: the waiting-room kiosk's state machine
 *
 * A SteadyKiosk knows where a visitor is (attract loop, card deck, a drill,
 * the "do this at home" card) and when they have walked away. It never
 * reads a clock and owns no timers: the caller passes "now" (monotonic
 * microseconds) with every input and tick, and asks for the next deadline
 * to schedule one timeout. So tests and the soak run it on a made-up clock.
 *
 *   attract ──input──► active ──idle-seconds without input──► warning
 *      ▲                 ▲                                        │
 *      │                 └──────input ("I'm still here")──────────┤
 *      └──────── reset (signal) ◄──── warning-seconds ran out ────┘
 *
 * It also recognises the hidden staff exit: five taps in the top-left
 * corner within a few seconds; and it keeps the staff PIN pad's state:
 * open or not (an open pad holds the idle time off, for a while), and the
 * wrong PINs, which lock the pad for longer and longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  STEADY_KIOSK_STATE_ATTRACT,  /* nobody there: the attract loop */
  STEADY_KIOSK_STATE_ACTIVE,   /* a visitor is using it */
  STEADY_KIOSK_STATE_WARNING,  /* idle: counting down to the reset */
} SteadyKioskState;

/* Where the visitor is on their way through. */
typedef enum {
  STEADY_KIOSK_VIEW_ATTRACT,
  STEADY_KIOSK_VIEW_DECK,      /* the cards */
  STEADY_KIOSK_VIEW_DRILL,     /* a drill in watch-along mode */
  STEADY_KIOSK_VIEW_HOME,      /* the "do this at home" card */
} SteadyKioskView;

#define STEADY_KIOSK_IDLE_SECONDS_DEFAULT    90
#define STEADY_KIOSK_WARNING_SECONDS_DEFAULT 20
/* The ranges the settings schema allows too. */
#define STEADY_KIOSK_IDLE_SECONDS_MIN         5
#define STEADY_KIOSK_IDLE_SECONDS_MAX      3600
#define STEADY_KIOSK_WARNING_SECONDS_MIN      3
#define STEADY_KIOSK_WARNING_SECONDS_MAX    300

/* The staff exit: this many taps in the corner … */
#define STEADY_KIOSK_EXIT_TAPS                5
/* … within this many seconds … */
#define STEADY_KIOSK_EXIT_WINDOW_SECONDS      4
/* … inside a square of this many pixels at the top-left corner. */
#define STEADY_KIOSK_EXIT_CORNER_PX         120

/* The staff PIN pad. Wrong PINs are counted across openings of the pad
 * and across resets; the count goes back to zero only on the right PIN,
 * at restart, or after this long without a wrong PIN … */
#define STEADY_KIOSK_PIN_FORGET_SECONDS    3600
/* … From this many wrong PINs on, each wrong PIN locks the pad … */
#define STEADY_KIOSK_PIN_FREE_TRIES           3
/* … for this long, doubled for each wrong PIN after that, up to the cap. */
#define STEADY_KIOSK_PIN_LOCK_SECONDS        30
#define STEADY_KIOSK_PIN_LOCK_SECONDS_MAX   960
/* An open pad pauses the idle warning; left this long without a key, it
 * closes, and the idle time starts again from then. */
#define STEADY_KIOSK_PIN_PAD_SECONDS         60

#define STEADY_TYPE_KIOSK (steady_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (SteadyKiosk, steady_kiosk, STEADY, KIOSK, GObject)

/* Seconds are clamped to the ranges above. */
SteadyKiosk     *steady_kiosk_new                  (guint        idle_seconds,
                                                    guint        warning_seconds);
void             steady_kiosk_set_timeouts         (SteadyKiosk *self,
                                                    guint        idle_seconds,
                                                    guint        warning_seconds);
guint            steady_kiosk_get_idle_seconds     (SteadyKiosk *self);
guint            steady_kiosk_get_warning_seconds  (SteadyKiosk *self);

SteadyKioskState steady_kiosk_get_state            (SteadyKiosk *self);
SteadyKioskView  steady_kiosk_get_view             (SteadyKiosk *self);
/* The card shown on the deck, the drill being watched (0-based). */
guint            steady_kiosk_get_card             (SteadyKiosk *self);
guint            steady_kiosk_get_drill            (SteadyKiosk *self);

/* A touch anywhere at @now_us. On the attract loop it starts a visit (the
 * deck), in the warning it means "I'm still here", otherwise it restarts
 * the idle time. Runs the clock to @now_us first, so a touch after the
 * warning ran out comes too late: the kiosk has already reset. */
void             steady_kiosk_input                (SteadyKiosk *self,
                                                    gint64       now_us);
/* Runs the clock to @now_us: enters the warning, or resets. Time never goes
 * back: an earlier @now_us than the last one counts as the last one. */
void             steady_kiosk_tick                 (SteadyKiosk *self,
                                                    gint64       now_us);
/* When to call steady_kiosk_tick() next (monotonic µs): the warning's
 * start, or the next whole second of the countdown, or the reset; -1 on
 * the attract loop, where nothing times out. */
gint64           steady_kiosk_get_next_deadline    (SteadyKiosk *self);
/* Whole seconds left in the warning at @now_us (rounded up); 0 outside it. */
guint            steady_kiosk_get_warning_left     (SteadyKiosk *self,
                                                    gint64       now_us);

/* The visitor moves on; each counts as input at @now_us. Going to
 * STEADY_KIOSK_VIEW_ATTRACT is a reset. */
void             steady_kiosk_show_deck            (SteadyKiosk *self,
                                                    guint        card,
                                                    gint64       now_us);
void             steady_kiosk_show_drill           (SteadyKiosk *self,
                                                    guint        drill,
                                                    gint64       now_us);
void             steady_kiosk_show_home            (SteadyKiosk *self,
                                                    gint64       now_us);
/* Back to the attract loop now, forgetting the visitor ("reset" is emitted). */
void             steady_kiosk_reset                (SteadyKiosk *self);
/* How many resets since the kiosk was made (for tests and the soak). */
guint64          steady_kiosk_get_n_resets         (SteadyKiosk *self);

/* The staff exit gesture. A tap at (@x, @y) (window pixels from the
 * top-left) at @now_us; returns TRUE on the tap that completes the gesture
 * (and starts counting afresh). A tap elsewhere breaks the sequence. */
gboolean         steady_kiosk_staff_tap            (SteadyKiosk *self,
                                                    double       x,
                                                    double       y,
                                                    gint64       now_us);

/* The staff PIN pad is open (the UI shows it after the exit gesture).
 * While it is open the idle time does not run out: staff typing slowly
 * get no warning and no reset under their fingers. After
 * STEADY_KIOSK_PIN_PAD_SECONDS without steady_kiosk_pin_pad_key() a tick
 * closes it ("pin-pad-open" turns FALSE) and the idle time counts from
 * then, so a pad left open still ends in a reset. Opening it counts as
 * input (a warning shown goes away). */
void             steady_kiosk_open_pin_pad         (SteadyKiosk *self,
                                                    gint64       now_us);
void             steady_kiosk_close_pin_pad        (SteadyKiosk *self,
                                                    gint64       now_us);
/* A key pressed on the open pad: keeps it open, counts as input. */
void             steady_kiosk_pin_pad_key          (SteadyKiosk *self,
                                                    gint64       now_us);
gboolean         steady_kiosk_get_pin_pad_open     (SteadyKiosk *self);
/* The PIN entered was right (the failures are forgotten) or wrong. A wrong
 * one returns TRUE when it locked the pad. */
void             steady_kiosk_pin_succeeded        (SteadyKiosk *self);
gboolean         steady_kiosk_pin_failed           (SteadyKiosk *self,
                                                    gint64       now_us);
guint            steady_kiosk_get_pin_failures     (SteadyKiosk *self,
                                                    gint64       now_us);
/* Whole seconds (rounded up) before a PIN may be tried again; 0: now. */
guint            steady_kiosk_get_pin_locked_seconds (SteadyKiosk *self,
                                                      gint64       now_us);

const char      *steady_kiosk_state_get_name       (SteadyKioskState state);
const char      *steady_kiosk_view_get_name        (SteadyKioskView  view);

G_END_DECLS

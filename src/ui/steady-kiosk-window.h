/* steady-kiosk-window.h: Steady as an unattended waiting-room kiosk
 *
 * Full screen, touch first, no way out for visitors: the attract loop, the
 * card deck, the drills in watch-along mode and a "do this at home" card,
 * with an idle warning and a reset that forgets the visitor (SteadyKiosk).
 * Staff leave with five taps in the top-left corner and the PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "steady-kiosk.h"
#include "steady-deck.h"
#include "steady-program.h"

G_BEGIN_DECLS

#define STEADY_TYPE_KIOSK_WINDOW (steady_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyKioskWindow, steady_kiosk_window, STEADY, KIOSK_WINDOW, AdwApplicationWindow)

/* Reads the kiosk-* settings (and STEADY_KIOSK_IDLE_SECONDS /
 * STEADY_KIOSK_WARNING_SECONDS from the environment, which win, for tests
 * and demonstrations). @program NULL: the one program-file names, or the
 * built-in one. */
SteadyKioskWindow *steady_kiosk_window_new            (GtkApplication    *application,
                                                       SteadyProgram     *program);
SteadyKiosk       *steady_kiosk_window_get_kiosk      (SteadyKioskWindow *self);
SteadyProgram     *steady_kiosk_window_get_program    (SteadyKioskWindow *self);
/* "attract", "deck", "drill" or "home". */
const char        *steady_kiosk_window_get_page_name  (SteadyKioskWindow *self);
gboolean           steady_kiosk_window_get_warning_visible (SteadyKioskWindow *self);
gboolean           steady_kiosk_window_get_pin_pad_visible (SteadyKioskWindow *self);

/* For tests and the soak: stop reading the real clock. From then on
 * nothing moves or times out unless steady_kiosk_window_advance() says the
 * time is @now_us, and touches happen at that time. */
void               steady_kiosk_window_use_manual_clock (SteadyKioskWindow *self,
                                                         gint64             now_us);
void               steady_kiosk_window_advance        (SteadyKioskWindow *self,
                                                       gint64             now_us);
/* A touch at window coordinates (@x, @y), as the window's own gesture
 * handles a real one (staff corner included). */
void               steady_kiosk_window_touch          (SteadyKioskWindow *self,
                                                       double             x,
                                                       double             y);
/* The staff keypad: a digit ('0'–'9'), 'b' (backspace) or 'k' (OK).
 * After too many wrong PINs the keys do nothing for a while, and the pad
 * says so (see steady_kiosk_pin_failed()). */
void               steady_kiosk_window_press_pin_key  (SteadyKioskWindow *self,
                                                       char               key);
/* Shows everything the visitor reads in @language (a code from the
 * kiosk-languages setting, e.g. "es"; NULL: the language Steady started
 * in): the program, cards, drill pages, captions and spoken prompts.
 * A touch on a language button of the attract loop does this; every reset
 * goes back to NULL. */
void               steady_kiosk_window_set_language   (SteadyKioskWindow *self,
                                                       const char        *language);
const char        *steady_kiosk_window_get_language   (SteadyKioskWindow *self);
/* Whether the kiosk sounds its drills' cues (the kiosk-sound setting as
 * the current visit found it). */
gboolean           steady_kiosk_window_get_sound      (SteadyKioskWindow *self);
/* The card deck the visitor swipes (rebuilt when the language changes). */
SteadyDeck        *steady_kiosk_window_get_deck       (SteadyKioskWindow *self);
/* The drill the attract loop's figure shows now. */
SteadyDrill       *steady_kiosk_window_get_attract_drill (SteadyKioskWindow *self);
/* The timeline being watched (NULL off the drill page), the time into it. */
double             steady_kiosk_window_get_drill_time (SteadyKioskWindow *self);
/* Objects the kiosk made that are still alive (the timelines of drills
 * watched, its own figures, the decks built for each language), for the
 * soak. */
guint              steady_kiosk_window_get_n_live_objects (void);

G_END_DECLS

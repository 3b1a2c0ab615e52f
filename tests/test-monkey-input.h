/* test-monkey-input.h: what the desktop and kiosk monkeys share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The seed: STEADY_MONKEY_SEED from the environment, or a fresh one.
 * Printed either way, so that a failing walk can be walked again. */
guint32   monkey_seed              (void);
/* STEADY_MONKEY_STEPS from the environment, or @fallback. */
guint     monkey_steps             (guint      fallback);

/* Emits one random signal of a gesture or event controller that one of
 * Steady's own widgets (under @root) handles — a click's "pressed", a
 * drag's "drag-begin"/"drag-update"/"drag-end", a swipe's "swipe", a
 * scroll, a key — the way a touch screen's gestures would, since X11 under
 * Xvfb has no touch device. Returns the signal's name, or NULL if there
 * was no controller to emit on. */
const char *monkey_emit_gesture    (GRand     *rand,
                                    GtkWidget *root);

/* Whether real input can be sent (xdotool on an X11 display). */
gboolean  monkey_can_send_input    (GtkWidget *widget);
/* Appends @n random input actions for xdotool to @args (keys from a list
 * that includes the ways out a desktop knows — Alt+F4, Ctrl+Q, Ctrl+W,
 * Escape, F10, Menu — clicks, drags and scrolls at random points of a
 * @width × @height window). */
void      monkey_add_input         (GRand     *rand,
                                    GPtrArray *args,
                                    guint      n,
                                    int        width,
                                    int        height);
/* Starts `xdotool ARGS…` on @window (made the focus first); @done is set
 * when it has exited. The main loop must spin meanwhile. */
void      monkey_send_input_async  (GtkWidget *window,
                                    GPtrArray *args,
                                    gboolean  *done);

G_END_DECLS

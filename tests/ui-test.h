/* ui-test.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-application.h"

/* A guard against a hang, never a measurement: a condition that does not
 * come true within this time fails the test. */
#define UI_TEST_WAIT_LIMIT_SECONDS 30

/* Spins the main loop until @cond holds, or fails the test after the
 * limit. */
#define WAIT_UNTIL(cond)                                                       \
  G_STMT_START {                                                               \
    guint wait_id_ = ui_test_wait_begin ();                                    \
    while (!(cond) && !ui_test_wait_expired ())                                \
      g_main_context_iteration (NULL, TRUE);                                   \
    ui_test_wait_end (wait_id_);                                               \
    g_assert_true (cond);                                                      \
  } G_STMT_END

guint    ui_test_wait_begin   (void);
gboolean ui_test_wait_expired (void);
void     ui_test_wait_end     (guint id);

/* Draws @widget three times over, so that what it shows has settled. */
void        ui_test_settle      (GtkWidget  *widget);
/* @widget (a window) as it is drawn now, after settling. */
GdkTexture *ui_test_render      (GtkWidget  *widget);
/* Saves @texture as build/tests/screenshots/@file_name and says where. */
void        ui_test_save_png    (GdkTexture *texture,
                                 const char *file_name);

/* The first widget in @widget's tree (itself first, then depth first)
 * that @match accepts; with @drawn_only, widgets not drawn (and all under
 * them) are passed over. */
typedef gboolean (*UiTestMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
GtkWidget  *ui_test_find           (GtkWidget     *widget,
                                    UiTestMatch    match,
                                    gconstpointer  data,
                                    gboolean       drawn_only);
/* The first widget with @css_class; of @type; a label whose text is
 * @text; an actionable (a button) whose action is @action_name. */
GtkWidget  *ui_test_find_css_class (GtkWidget  *widget,
                                    const char *css_class);
GtkWidget  *ui_test_find_type      (GtkWidget  *widget,
                                    GType       type,
                                    gboolean    drawn_only);
GtkWidget  *ui_test_find_label     (GtkWidget  *widget,
                                    const char *text,
                                    gboolean    drawn_only);
GtkWidget  *ui_test_find_action    (GtkWidget  *widget,
                                    const char *action_name);

/* Adds to @found every widget of @type in @widget's tree (itself
 * included), in tree order; with @drawn_only, only those drawn (a hidden
 * widget's children are skipped too). */
void        ui_test_collect_type   (GtkWidget  *widget,
                                    GType       type,
                                    gboolean    drawn_only,
                                    GPtrArray  *found);

/* Steady's application, registered (call after gtk_test_init()); with
 * @light, in the light style whatever the desktop's. */
SteadyApplication *ui_test_application_new (gboolean light);

/* The build's translations (po/ beside the tests), in Steady's domain as
 * src/main.c binds it, so that a test can switch to another language. */
void        ui_test_use_build_translations (void);

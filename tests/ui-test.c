/* ui-test.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ui-test.h"

static gboolean expired;

static gboolean
on_expired (gpointer data)
{
  expired = TRUE;
  return G_SOURCE_REMOVE;
}

guint
ui_test_wait_begin (void)
{
  expired = FALSE;
  return g_timeout_add_seconds (UI_TEST_WAIT_LIMIT_SECONDS, on_expired, NULL);
}

gboolean
ui_test_wait_expired (void)
{
  return expired;
}

void
ui_test_wait_end (guint id)
{
  if (!expired)
    g_source_remove (id);
}

void
ui_test_settle (GtkWidget *widget)
{
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (widget);
      gtk_test_widget_wait_for_draw (widget);
    }
}

GdkTexture *
ui_test_render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;

  ui_test_settle (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
ui_test_save_png (GdkTexture *texture,
                  const char *file_name)
{
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

GtkWidget *
ui_test_find (GtkWidget     *widget,
              UiTestMatch    match,
              gconstpointer  data,
              gboolean       drawn_only)
{
  if (drawn_only && !gtk_widget_is_drawable (widget))
    return NULL;
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find (child, match, data, drawn_only);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

GtkWidget *
ui_test_find_css_class (GtkWidget  *widget,
                        const char *css_class)
{
  return ui_test_find (widget, has_css_class, css_class, FALSE);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
ui_test_find_type (GtkWidget *widget,
                   GType      type,
                   gboolean   drawn_only)
{
  return ui_test_find (widget, is_of_type, GSIZE_TO_POINTER (type), drawn_only);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
ui_test_find_label (GtkWidget  *widget,
                    const char *text,
                    gboolean    drawn_only)
{
  return ui_test_find (widget, is_label_saying, text, drawn_only);
}

static gboolean
is_actionable_for (GtkWidget     *widget,
                   gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
ui_test_find_action (GtkWidget  *widget,
                     const char *action_name)
{
  return ui_test_find (widget, is_actionable_for, action_name, FALSE);
}

void
ui_test_collect_type (GtkWidget *widget,
                      GType      type,
                      gboolean   drawn_only,
                      GPtrArray *found)
{
  if (drawn_only && !gtk_widget_is_drawable (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_type (child, type, drawn_only, found);
}

SteadyApplication *
ui_test_application_new (gboolean light)
{
  g_autoptr(GError) error = NULL;
  SteadyApplication *app = steady_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  if (light)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  return app;
}

void
ui_test_use_build_translations (void)
{
  if (g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, po);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }
  /* As src/main.c does: _() translates in Steady's domain. */
  textdomain (GETTEXT_PACKAGE);
}

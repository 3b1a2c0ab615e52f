/* steady-drill-page.c: one drill's instructions and numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-drill-numbers.h"
#include "steady-drill-page.h"
#include "steady-figure-view.h"

struct _SteadyDrillPage
{
  GtkWidget    parent_instance;

  SteadyDrill *drill;
  SteadySessionSettings settings;  /* the patient's numbers for @drill */
  gboolean     has_settings;
  GtkWidget   *figure;

  GtkScrolledWindow *scroller;
  GtkLabel    *title_label;
  GtkLabel    *summary_label;
  GtkLabel    *numbers_label;
  GtkWidget   *figure_slot;
  GtkWidget   *start_button;
  GtkWidget   *steps_title;
  GtkBox      *steps_box;
  GtkWidget   *tips_title;
  GtkBox      *tips_box;
};

G_DEFINE_FINAL_TYPE (SteadyDrillPage, steady_drill_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRILL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* One list item: a marker ("1", "2", … or a bullet) and the text beside it. */
static GtkWidget *
create_item (const char *marker,
             const char *text)
{
  GtkWidget *item;
  GtkWidget *marker_label;
  GtkWidget *text_label;

  item = g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_HORIZONTAL,
                       "spacing", 18,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                       NULL);

  marker_label = gtk_label_new (marker);
  gtk_label_set_yalign (GTK_LABEL (marker_label), 0);
  gtk_widget_set_valign (marker_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (marker_label, "steady-item-marker");
  gtk_box_append (GTK_BOX (item), marker_label);

  text_label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_widget_set_hexpand (text_label, TRUE);
  gtk_widget_add_css_class (text_label, "steady-item-text");
  gtk_box_append (GTK_BOX (item), text_label);
  /* A screen reader says the step itself; its position is the list's. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, text_label, NULL,
                                  -1);

  return item;
}

static void
steady_drill_page_fill (SteadyDrillPage *self,
                        gboolean         to_top)
{
  const char * const *steps;
  const char * const *tips;
  g_autofree char *numbers = NULL;

  remove_children (self->steps_box);
  remove_children (self->tips_box);

  if (self->drill == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->summary_label, "");
      gtk_label_set_text (self->numbers_label, "");
      return;
    }

  if (!self->has_settings)
    steady_session_settings_init_from_drill (&self->settings, self->drill);
  numbers = steady_drill_numbers_format (self->drill, &self->settings);
  gtk_label_set_text (self->title_label, steady_drill_get_title (self->drill));
  gtk_label_set_text (self->summary_label, steady_drill_get_summary (self->drill));
  gtk_label_set_text (self->numbers_label, numbers);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "s",
                                    steady_drill_get_id (self->drill));

  steps = steady_drill_get_steps (self->drill);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_autofree char *step = steady_session_settings_expand_text (&self->settings, steps[i]);

      gtk_box_append (self->steps_box, create_item (number, step));
    }
  gtk_widget_set_visible (self->steps_title, steps[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), steps[0] != NULL);

  tips = steady_drill_get_tips (self->drill);
  for (guint i = 0; tips[i] != NULL; i++)
    {
      g_autofree char *tip = steady_session_settings_expand_text (&self->settings, tips[i]);

      gtk_box_append (self->tips_box, create_item ("•", tip));
    }
  gtk_widget_set_visible (self->tips_title, tips[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tips_box), tips[0] != NULL);

  /* A new drill starts at its top, not where the last one was scrolled to;
   * new numbers for the same drill leave the reader where they were. */
  if (to_top)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The page is text only, so it takes the keyboard focus itself and
 * scrolls with the keys a reader expects. */
static gboolean
scroll_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SteadyDrillPage *self = STEADY_DRILL_PAGE (widget);
  GtkScrollType scroll;
  gboolean handled = FALSE;

  g_variant_get (args, "i", &scroll);
  g_signal_emit_by_name (self->scroller, "scroll-child", scroll, FALSE, &handled);
  return handled;
}

static void
steady_drill_page_dispose (GObject *object)
{
  SteadyDrillPage *self = STEADY_DRILL_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_DRILL_PAGE);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->figure = NULL;
  g_clear_object (&self->drill);

  G_OBJECT_CLASS (steady_drill_page_parent_class)->dispose (object);
}

static void
steady_drill_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SteadyDrillPage *self = STEADY_DRILL_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRILL:
      g_value_set_object (value, self->drill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_drill_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SteadyDrillPage *self = STEADY_DRILL_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRILL:
      steady_drill_page_set_drill (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_drill_page_class_init (SteadyDrillPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_drill_page_dispose;
  object_class->get_property = steady_drill_page_get_property;
  object_class->set_property = steady_drill_page_set_property;

  properties[PROP_DRILL] =
    g_param_spec_object ("drill", NULL, NULL,
                         STEADY_TYPE_DRILL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-drill-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, numbers_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, figure_slot);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, steps_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, tips_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillPage, tips_box);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, scroll_binding, "i", GTK_SCROLL_PAGE_FORWARD);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, scroll_binding, "i", GTK_SCROLL_PAGE_FORWARD);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, scroll_binding, "i", GTK_SCROLL_PAGE_BACKWARD);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, scroll_binding, "i", GTK_SCROLL_STEP_FORWARD);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, scroll_binding, "i", GTK_SCROLL_STEP_BACKWARD);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, scroll_binding, "i", GTK_SCROLL_START);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, scroll_binding, "i", GTK_SCROLL_END);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "steadydrillpage");
}

static void
steady_drill_page_init (SteadyDrillPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
steady_drill_page_new (void)
{
  return g_object_new (STEADY_TYPE_DRILL_PAGE, NULL);
}

void
steady_drill_page_set_drill (SteadyDrillPage *self,
                             SteadyDrill     *drill)
{
  g_return_if_fail (STEADY_IS_DRILL_PAGE (self));
  g_return_if_fail (drill == NULL || STEADY_IS_DRILL (drill));

  if (!g_set_object (&self->drill, drill))
    return;
  self->has_settings = FALSE;

  /* The drill's figure loops its motion beside the steps. */
  if (drill != NULL && self->figure == NULL)
    steady_drill_page_set_figure (self, steady_figure_view_new ());
  if (STEADY_IS_FIGURE_VIEW (self->figure))
    steady_figure_view_set_drill (STEADY_FIGURE_VIEW (self->figure), drill);

  steady_drill_page_fill (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILL]);
}

void
steady_drill_page_set_settings (SteadyDrillPage             *self,
                                const SteadySessionSettings *settings)
{
  g_return_if_fail (STEADY_IS_DRILL_PAGE (self));

  self->has_settings = settings != NULL && self->drill != NULL;
  if (self->has_settings)
    self->settings = *settings;
  steady_drill_page_fill (self, FALSE);
}

SteadyDrill *
steady_drill_page_get_drill (SteadyDrillPage *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL_PAGE (self), NULL);

  return self->drill;
}

void
steady_drill_page_set_figure (SteadyDrillPage *self,
                              GtkWidget       *figure)
{
  g_return_if_fail (STEADY_IS_DRILL_PAGE (self));
  g_return_if_fail (figure == NULL || GTK_IS_WIDGET (figure));

  if (!steady_figure_slot_set (self->figure_slot, &self->figure, figure))
    return;

}

GtkWidget *
steady_drill_page_get_figure (SteadyDrillPage *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL_PAGE (self), NULL);

  return self->figure;
}

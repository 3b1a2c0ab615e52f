/* steady-drills-page.c: the list of drills with their numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-coach-settings.h"
#include "steady-drill-numbers.h"
#include "steady-drills-page.h"

struct _SteadyDrillsPage
{
  GtkWidget      parent_instance;

  SteadyProgram *program;
  GSettings     *settings;   /* the patient's numbers, or NULL */

  GtkListBox    *list;
  GtkWidget     *safety_list;
};

G_DEFINE_FINAL_TYPE (SteadyDrillsPage, steady_drills_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The patient's numbers when there are settings, else the defaults. */
static char *
format_numbers (SteadyDrillsPage *self,
                SteadyDrill      *drill)
{
  SteadySessionSettings values;

  if (self->settings == NULL)
    return steady_drill_numbers_format (drill, NULL);

  steady_coach_settings_load (self->settings, drill, &values);
  return steady_drill_numbers_format (drill, &values);
}

static GtkWidget *
create_row (SteadyDrillsPage *self,
            SteadyDrill      *drill)
{
  g_autofree char *numbers = format_numbers (self, drill);
  GtkWidget *row;
  GtkWidget *arrow;

  /* A clinic's titles are plain text: "Hips & knees" is not markup. */
  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "activatable", TRUE,
                      "action-name", "win.open-drill",
                      "action-target", g_variant_new_string (steady_drill_get_id (drill)),
                      NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steady_drill_get_title (drill));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), numbers);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
steady_drills_page_dispose (GObject *object)
{
  SteadyDrillsPage *self = STEADY_DRILLS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_DRILLS_PAGE);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->program);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_drills_page_parent_class)->dispose (object);
}

static void
steady_drills_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SteadyDrillsPage *self = STEADY_DRILLS_PAGE (object);

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
steady_drills_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadyDrillsPage *self = STEADY_DRILLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      steady_drills_page_set_program (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_drills_page_class_init (SteadyDrillsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_drills_page_dispose;
  object_class->get_property = steady_drills_page_get_property;
  object_class->set_property = steady_drills_page_set_property;

  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         STEADY_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-drills-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillsPage, list);
  gtk_widget_class_bind_template_child (widget_class, SteadyDrillsPage, safety_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "steadydrillspage");
}

static void
steady_drills_page_init (SteadyDrillsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steady_drills_page_new (void)
{
  return g_object_new (STEADY_TYPE_DRILLS_PAGE, NULL);
}

void
steady_drills_page_set_program (SteadyDrillsPage *self,
                                SteadyProgram    *program)
{
  GtkWidget *child;

  g_return_if_fail (STEADY_IS_DRILLS_PAGE (self));
  g_return_if_fail (program == NULL || STEADY_IS_PROGRAM (program));

  if (!g_set_object (&self->program, program))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (program != NULL)
    {
      GListModel *drills = steady_program_get_drills (program);
      guint n = g_list_model_get_n_items (drills);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);

          gtk_list_box_append (self->list, create_row (self, drill));
        }
    }

  /* Whoever goes straight to the drills still passes the safety card's
   * way, when the program has one. */
  gtk_widget_set_visible (self->safety_list,
                          program != NULL && steady_program_find_safety_card (program, NULL) != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

static void
update_numbers (SteadyDrillsPage *self)
{
  GListModel *drills;

  if (self->program == NULL)
    return;

  drills = steady_program_get_drills (self->program);
  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);
      g_autofree char *numbers = format_numbers (self, drill);

      if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), numbers);
    }
}

void
steady_drills_page_set_settings (SteadyDrillsPage *self,
                                 GSettings        *settings)
{
  g_return_if_fail (STEADY_IS_DRILLS_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (!g_set_object (&self->settings, settings))
    return;
  /* Any key: a drill's numbers, or the program file (whose drills come
   * with a new program anyway). Cheap: a line per drill. */
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed", G_CALLBACK (update_numbers), self);
  update_numbers (self);
}

SteadyProgram *
steady_drills_page_get_program (SteadyDrillsPage *self)
{
  g_return_val_if_fail (STEADY_IS_DRILLS_PAGE (self), NULL);

  return self->program;
}

GtkListBox *
steady_drills_page_get_list (SteadyDrillsPage *self)
{
  g_return_val_if_fail (STEADY_IS_DRILLS_PAGE (self), NULL);

  return self->list;
}

void
steady_drills_page_focus (SteadyDrillsPage *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (STEADY_IS_DRILLS_PAGE (self));

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

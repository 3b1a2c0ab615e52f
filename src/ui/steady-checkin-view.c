/* steady-checkin-view.c: a quick, large, skippable check-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-mnemonic-names.h"
#include "steady-checkin-view.h"

struct _SteadyCheckinView
{
  GtkWidget            parent_instance;

  SteadyCheckinMoment  moment;

  GtkLabel            *title;
  GtkRange            *urge_scale;
  GtkRange            *pain_scale;
  GtkToggleButton     *popped_yes;
  GtkToggleButton     *popped_no;
  GtkToggleButton     *painful_yes;
  GtkToggleButton     *painful_no;
};

G_DEFINE_FINAL_TYPE (SteadyCheckinView, steady_checkin_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MOMENT,
  N_PROPS
};

enum {
  SUBMITTED,
  SKIPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* 1 yes, 0 no, or skipped when neither is chosen. */
static int
get_answer (GtkToggleButton *yes,
            GtkToggleButton *no)
{
  if (gtk_toggle_button_get_active (yes))
    return 1;
  if (gtk_toggle_button_get_active (no))
    return 0;
  return STEADY_CHECKIN_SKIPPED;
}

static void
set_answer (GtkToggleButton *yes,
            GtkToggleButton *no,
            int              answer)
{
  gtk_toggle_button_set_active (yes, answer == 1);
  gtk_toggle_button_set_active (no, answer == 0);
}

/* Yes and No exclude each other, yet both may be off (not answered). */
static void
on_toggled (GtkToggleButton   *button,
            SteadyCheckinView *self)
{
  GtkToggleButton *other = NULL;

  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->popped_yes)
    other = self->popped_no;
  else if (button == self->popped_no)
    other = self->popped_yes;
  else if (button == self->painful_yes)
    other = self->painful_no;
  else if (button == self->painful_no)
    other = self->painful_yes;

  if (other != NULL)
    gtk_toggle_button_set_active (other, FALSE);
}

static void
update_title (SteadyCheckinView *self)
{
  switch (self->moment)
    {
    case STEADY_CHECKIN_BEFORE:
      gtk_label_set_text (self->title, _("Before you start"));
      break;
    case STEADY_CHECKIN_AFTER:
      gtk_label_set_text (self->title, _("How did that go?"));
      break;
    case STEADY_CHECKIN_OTHER:
    default:
      gtk_label_set_text (self->title, _("How is your hip?"));
      break;
    }
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SteadyCheckinView *self = STEADY_CHECKIN_VIEW (widget);
  SteadyCheckin checkin;

  steady_checkin_view_get_checkin (self, &checkin);
  g_signal_emit (self, signals[SUBMITTED], 0, &checkin);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SKIPPED], 0);
}

static void
steady_checkin_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_CHECKIN_VIEW);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steady_checkin_view_parent_class)->dispose (object);
}

static void
steady_checkin_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SteadyCheckinView *self = STEADY_CHECKIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MOMENT:
      g_value_set_int (value, self->moment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_checkin_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SteadyCheckinView *self = STEADY_CHECKIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MOMENT:
      steady_checkin_view_set_moment (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_checkin_view_class_init (SteadyCheckinViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_checkin_view_dispose;
  object_class->get_property = steady_checkin_view_get_property;
  object_class->set_property = steady_checkin_view_set_property;

  /* A SteadyCheckinMoment (a plain enum in core, without a GType). */
  properties[PROP_MOMENT] =
    g_param_spec_int ("moment", NULL, NULL,
                      STEADY_CHECKIN_BEFORE, STEADY_CHECKIN_OTHER, STEADY_CHECKIN_BEFORE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SKIPPED] = g_signal_new ("skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-checkin-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, title);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, urge_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, popped_yes);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, popped_no);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, painful_yes);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, painful_no);

  gtk_widget_class_install_action (widget_class, "checkin.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "checkin.skip", NULL, skip_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "steadycheckinview");
}

static void
steady_checkin_view_init (SteadyCheckinView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The answers are named with their question ("Did your hip pop? Yes"). */
  steady_mnemonic_names_keep_own (GTK_WIDGET (self->popped_yes));
  steady_mnemonic_names_keep_own (GTK_WIDGET (self->popped_no));
  steady_mnemonic_names_keep_own (GTK_WIDGET (self->painful_yes));
  steady_mnemonic_names_keep_own (GTK_WIDGET (self->painful_no));

  g_signal_connect (self->popped_yes, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect (self->popped_no, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect (self->painful_yes, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect (self->painful_no, "toggled", G_CALLBACK (on_toggled), self);

  self->moment = STEADY_CHECKIN_BEFORE;
  update_title (self);
}

GtkWidget *
steady_checkin_view_new (SteadyCheckinMoment moment)
{
  return g_object_new (STEADY_TYPE_CHECKIN_VIEW, "moment", moment, NULL);
}

void
steady_checkin_view_set_moment (SteadyCheckinView   *self,
                                SteadyCheckinMoment  moment)
{
  g_return_if_fail (STEADY_IS_CHECKIN_VIEW (self));
  g_return_if_fail (moment <= STEADY_CHECKIN_OTHER);

  steady_checkin_view_reset (self);
  if (self->moment == moment)
    return;

  self->moment = moment;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENT]);
}

SteadyCheckinMoment
steady_checkin_view_get_moment (SteadyCheckinView *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKIN_VIEW (self), STEADY_CHECKIN_OTHER);

  return self->moment;
}

void
steady_checkin_view_reset (SteadyCheckinView *self)
{
  SteadyCheckin checkin;

  g_return_if_fail (STEADY_IS_CHECKIN_VIEW (self));

  steady_checkin_init (&checkin, self->moment);
  steady_checkin_view_set_checkin (self, &checkin);
}

void
steady_checkin_view_get_checkin (SteadyCheckinView *self,
                                 SteadyCheckin     *checkin)
{
  g_return_if_fail (STEADY_IS_CHECKIN_VIEW (self));
  g_return_if_fail (checkin != NULL);

  steady_checkin_init (checkin, self->moment);
  checkin->pop_urge = (int) gtk_range_get_value (self->urge_scale);
  checkin->pain = (int) gtk_range_get_value (self->pain_scale);
  checkin->popped = get_answer (self->popped_yes, self->popped_no);
  checkin->painful = get_answer (self->painful_yes, self->painful_no);
}

void
steady_checkin_view_set_checkin (SteadyCheckinView   *self,
                                 const SteadyCheckin *checkin)
{
  g_return_if_fail (STEADY_IS_CHECKIN_VIEW (self));
  g_return_if_fail (checkin != NULL);

  gtk_range_set_value (self->urge_scale, MAX (checkin->pop_urge, 0));
  gtk_range_set_value (self->pain_scale, MAX (checkin->pain, 0));
  set_answer (self->popped_yes, self->popped_no, checkin->popped);
  set_answer (self->painful_yes, self->painful_no, checkin->painful);
}

void
steady_checkin_view_focus (SteadyCheckinView *self)
{
  g_return_if_fail (STEADY_IS_CHECKIN_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->urge_scale));
}

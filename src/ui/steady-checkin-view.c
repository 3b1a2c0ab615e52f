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
  GtkLabel            *popped_label;
  GtkRange            *urge_scale;
  GtkRange            *pain_scale;
  GtkStack            *urge_state;
  GtkStack            *pain_state;
  GtkLabel            *urge_value;
  GtkLabel            *pain_value;
  GtkButton           *urge_clear;
  GtkButton           *pain_clear;
  /* A scale counts only once the patient has touched it: until then its
   * place (0) is not an answer. */
  gboolean             urge_answered;
  gboolean             pain_answered;
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

static gboolean *
answered_flag (SteadyCheckinView *self,
               GtkRange          *scale)
{
  return scale == self->urge_scale ? &self->urge_answered : &self->pain_answered;
}

/* Shows a scale's state: its number and a Clear button once answered,
 * "Not answered" (also for screen readers, as the value's text) before. */
static void
update_scale (SteadyCheckinView *self,
              GtkRange          *scale)
{
  gboolean answered = *answered_flag (self, scale);
  GtkStack *state = scale == self->urge_scale ? self->urge_state : self->pain_state;
  GtkLabel *value = scale == self->urge_scale ? self->urge_value : self->pain_value;

  if (answered)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", (int) gtk_range_get_value (scale));
      gtk_label_set_text (value, text);
      gtk_widget_remove_css_class (GTK_WIDGET (scale), "steady-unanswered");
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                      -1);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (scale), "steady-unanswered");
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, _("Not answered"),
                                      -1);
    }
  gtk_stack_set_visible_child_name (state, answered ? "answered" : "unanswered");
}

static void
set_scale (SteadyCheckinView *self,
           GtkRange          *scale,
           int                value)
{
  *answered_flag (self, scale) = value != STEADY_CHECKIN_SKIPPED;
  gtk_range_set_value (scale, MAX (value, 0));
  update_scale (self, scale);
}

/* "change-value" comes only from the patient (a click, a drag, a key),
 * never from gtk_range_set_value(): it answers the question, even when
 * the value stays (0 chosen on a scale at 0). The default handler then
 * moves the scale. */
static gboolean
on_change_value (GtkRange          *scale,
                 GtkScrollType      scroll,
                 double             value,
                 SteadyCheckinView *self)
{
  *answered_flag (self, scale) = TRUE;
  update_scale (self, scale);
  return FALSE;
}

static void
on_value_changed (GtkRange          *scale,
                  SteadyCheckinView *self)
{
  update_scale (self, scale);
}

static void
on_clear_clicked (GtkButton         *button,
                  SteadyCheckinView *self)
{
  GtkRange *scale = button == self->urge_clear ? self->urge_scale : self->pain_scale;

  set_scale (self, scale, STEADY_CHECKIN_SKIPPED);
  /* The button hides with the answer: the focus goes back to the scale. */
  gtk_widget_grab_focus (GTK_WIDGET (scale));
}

static gboolean
clear_shortcut (GtkWidget *scale,
                GVariant  *args,
                gpointer   user_data)
{
  SteadyCheckinView *self = user_data;

  set_scale (self, GTK_RANGE (scale), STEADY_CHECKIN_SKIPPED);
  return TRUE;
}

/* The mouse wheel scrolls the page, not the scale: scrolling past a
 * question must not answer it. Delete or Backspace on a scale clears it. */
static void
setup_scale (SteadyCheckinView *self,
             GtkRange          *scale)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (scale));
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }

  shortcuts = gtk_shortcut_controller_new ();
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_BackSpace, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (clear_shortcut,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (scale), shortcuts);

  g_signal_connect (scale, "change-value", G_CALLBACK (on_change_value), self);
  g_signal_connect (scale, "value-changed", G_CALLBACK (on_value_changed), self);
  update_scale (self, scale);
}

static void
update_title (SteadyCheckinView *self)
{
  switch (self->moment)
    {
    case STEADY_CHECKIN_BEFORE:
      gtk_label_set_text (self->title, _("Before you start"));
      /* The question says over what time: a pop last week is not today's. */
      gtk_label_set_text (self->popped_label, _("Since your last session, did your hip pop?"));
      break;
    case STEADY_CHECKIN_AFTER:
      gtk_label_set_text (self->title, _("How did that go?"));
      gtk_label_set_text (self->popped_label, _("Did your hip pop during the drill?"));
      break;
    case STEADY_CHECKIN_OTHER:
    default:
      gtk_label_set_text (self->title, _("How is your hip?"));
      gtk_label_set_text (self->popped_label, _("Did your hip pop today?"));
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
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, popped_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, urge_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, urge_state);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, pain_state);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, urge_value);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, pain_value);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, urge_clear);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinView, pain_clear);
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
  g_signal_connect (self->urge_clear, "clicked", G_CALLBACK (on_clear_clicked), self);
  g_signal_connect (self->pain_clear, "clicked", G_CALLBACK (on_clear_clicked), self);
  setup_scale (self, self->urge_scale);
  setup_scale (self, self->pain_scale);

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
  if (self->urge_answered)
    checkin->pop_urge = (int) gtk_range_get_value (self->urge_scale);
  if (self->pain_answered)
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

  set_scale (self, self->urge_scale, checkin->pop_urge);
  set_scale (self, self->pain_scale, checkin->pain);
  set_answer (self->popped_yes, self->popped_no, checkin->popped);
  set_answer (self->painful_yes, self->painful_no, checkin->painful);
}

void
steady_checkin_view_focus (SteadyCheckinView *self)
{
  g_return_if_fail (STEADY_IS_CHECKIN_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->urge_scale));
}

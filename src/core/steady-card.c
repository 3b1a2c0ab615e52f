/* steady-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "steady-program-private.h"

G_DEFINE_FINAL_TYPE (SteadyCard, steady_card, G_TYPE_OBJECT)

static void
steady_card_finalize (GObject *object)
{
  SteadyCard *self = (SteadyCard *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->illustration);
  g_free (self->drill_id);
  g_strfreev (self->paragraphs);

  G_OBJECT_CLASS (steady_card_parent_class)->finalize (object);
}

static void
steady_card_class_init (SteadyCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_card_finalize;
}

static void
steady_card_init (SteadyCard *self)
{
}

const char *
steady_card_get_id (SteadyCard *self)
{
  g_return_val_if_fail (STEADY_IS_CARD (self), NULL);
  return self->id;
}

SteadyCardKind
steady_card_get_kind (SteadyCard *self)
{
  g_return_val_if_fail (STEADY_IS_CARD (self), STEADY_CARD_KIND_NARRATIVE);
  return self->kind;
}

const char *
steady_card_get_title (SteadyCard *self)
{
  g_return_val_if_fail (STEADY_IS_CARD (self), NULL);
  return self->title;
}

const char *
steady_card_get_illustration (SteadyCard *self)
{
  g_return_val_if_fail (STEADY_IS_CARD (self), NULL);
  return self->illustration;
}

const char *
steady_card_get_drill_id (SteadyCard *self)
{
  g_return_val_if_fail (STEADY_IS_CARD (self), NULL);
  return self->drill_id;
}

const char * const *
steady_card_get_paragraphs (SteadyCard *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (STEADY_IS_CARD (self), empty);
  return self->paragraphs ? (const char * const *)self->paragraphs : empty;
}

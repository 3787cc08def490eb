/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "qa-pdf-private.h"

#define A4_SHORT 595.276
#define A4_LONG  841.890
#define MARGIN   56.0
#define FOOTER   24.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TEXT,
  BLOCK_BULLET,
  BLOCK_SIGNATURE,
  BLOCK_ROW,
  BLOCK_CHART,
  BLOCK_BREAK,
} BlockKind;

typedef struct
{
  BlockKind       kind;
  char           *text;
  char           *text2;
  GStrv           cells;
  double         *widths;
  guint           n;
  gboolean        header;
  double          height;
  QaPdfDrawFunc   draw;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Block;

struct _QaPdfDocument
{
  char       *title;
  double      width, height;
  const char *body_font;
  const char *bold_font;
  const char *title_font;
  GPtrArray  *blocks;
};

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->text2);
  g_strfreev (block->cells);
  g_free (block->widths);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block);
}

QaPdfDocument *
_qa_pdf_document_new (const char       *title,
                      QaPdfOrientation  orientation)
{
  QaPdfDocument *doc = g_new0 (QaPdfDocument, 1);

  doc->title = g_strdup (title);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  if (orientation == QA_PDF_LANDSCAPE)
    {
      doc->width = A4_LONG;
      doc->height = A4_SHORT;
      doc->body_font = "Noto Sans CJK SC, Sans 8";
      doc->bold_font = "Noto Sans CJK SC, Sans Bold 8";
      doc->title_font = "Noto Sans CJK SC, Sans Bold 15";
    }
  else
    {
      doc->width = A4_SHORT;
      doc->height = A4_LONG;
      doc->body_font = "Noto Serif CJK SC, Noto Sans CJK SC, Serif 11.5";
      doc->bold_font = "Noto Sans CJK SC, Sans Bold 12";
      doc->title_font = "Noto Serif CJK SC, Noto Sans CJK SC, Serif Bold 19";
    }
  return doc;
}

void
_qa_pdf_document_free (QaPdfDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

static Block *
add_block (QaPdfDocument *doc,
           BlockKind      kind,
           const char    *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
_qa_pdf_add_title (QaPdfDocument *doc,
                   const char    *title,
                   const char    *subtitle)
{
  add_block (doc, BLOCK_TITLE, title)->text2 = g_strdup (subtitle);
}

void
_qa_pdf_add_heading (QaPdfDocument *doc,
                     const char    *text)
{
  add_block (doc, BLOCK_HEADING, text);
}

void
_qa_pdf_add_paragraph (QaPdfDocument *doc,
                       const char    *text)
{
  add_block (doc, BLOCK_PARAGRAPH, text);
}

void
_qa_pdf_add_text (QaPdfDocument *doc,
                  const char    *text)
{
  add_block (doc, BLOCK_TEXT, text);
}

void
_qa_pdf_add_bullet (QaPdfDocument *doc,
                    const char    *text)
{
  add_block (doc, BLOCK_BULLET, text);
}

void
_qa_pdf_add_signature (QaPdfDocument *doc,
                       const char    *signature,
                       const char    *date)
{
  add_block (doc, BLOCK_SIGNATURE, signature)->text2 = g_strdup (date);
}

void
_qa_pdf_add_row (QaPdfDocument      *doc,
                 const char * const *cells,
                 const double       *widths,
                 guint               n,
                 gboolean            header)
{
  Block *block = add_block (doc, BLOCK_ROW, NULL);

  block->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    block->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  block->widths = g_memdup2 (widths, n * sizeof (double));
  block->n = n;
  block->header = header;
}

void
_qa_pdf_add_chart (QaPdfDocument  *doc,
                   double          height,
                   QaPdfDrawFunc   draw,
                   gpointer        user_data,
                   GDestroyNotify  destroy)
{
  Block *block = add_block (doc, BLOCK_CHART, NULL);

  block->height = height;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
_qa_pdf_add_page_break (QaPdfDocument *doc)
{
  add_block (doc, BLOCK_BREAK, NULL);
}

/* Laying out -------------------------------------------------------------------------------- */

typedef struct
{
  QaPdfDocument *doc;
  cairo_t       *cr;
  PangoLayout   *layout;
  double         y;
  guint          page;
  guint          n_pages;     /* known on the drawing pass */
  int            only_page;   /* draw only this page, or -1 for every page */
  gboolean       emit_pages;  /* show_page between pages (writing a PDF) */
  gboolean       measuring;   /* the counting pass: draw nothing */
} Pass;

static gboolean
drawing (const Pass *pass)
{
  return !pass->measuring && (pass->only_page < 0 || (guint)pass->only_page == pass->page);
}

static double
text_width (const Pass *pass)
{
  return pass->doc->width - 2 * MARGIN;
}

/* Sets up the layout for @text; returns its height. */
static double
prepare (Pass          *pass,
         const char    *font,
         const char    *text,
         double         width,
         PangoAlignment alignment,
         double         indent)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height = 0;

  pango_layout_set_font_description (pass->layout, description);
  pango_layout_set_width (pass->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (pass->layout, alignment);
  pango_layout_set_indent (pass->layout, (int)(indent * PANGO_SCALE));
  pango_layout_set_text (pass->layout, text, -1);
  pango_layout_get_size (pass->layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static void
show (Pass   *pass,
      double  x,
      double  y)
{
  if (!drawing (pass))
    return;
  cairo_move_to (pass->cr, x, y);
  pango_cairo_show_layout (pass->cr, pass->layout);
}

static void
draw_footer (Pass *pass)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *text = NULL;

  if (!drawing (pass))
    return;
  /* Translators: the foot of a printed page, e.g. “第 2 页，共 3 页”. */
  text = g_strdup_printf (_("Page %u of %u"), pass->page + 1, MAX (pass->n_pages, pass->page + 1));
  /* A layout of its own: the block being laid out keeps its text in pass->layout. */
  layout = pango_cairo_create_layout (pass->cr);
  font = pango_font_description_from_string (pass->doc->body_font);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(text_width (pass) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (pass->cr, 0.3, 0.3, 0.3);
  cairo_move_to (pass->cr, MARGIN, pass->doc->height - MARGIN + (FOOTER - 14) / 2);
  pango_cairo_show_layout (pass->cr, layout);
  cairo_set_source_rgb (pass->cr, 0, 0, 0);
}

static void
new_page (Pass *pass)
{
  draw_footer (pass);
  if (pass->emit_pages && !pass->measuring)
    cairo_show_page (pass->cr);
  pass->page++;
  pass->y = MARGIN;
}

/* Breaks the page when @height does not fit below y. */
static void
fit (Pass   *pass,
     double  height)
{
  double bottom = pass->doc->height - MARGIN;

  if (pass->y + height > bottom && pass->y > MARGIN)
    new_page (pass);
}

static void
lay_block (Pass  *pass,
           Block *block)
{
  QaPdfDocument *doc = pass->doc;
  double width = text_width (pass), h, x = MARGIN;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      h = prepare (pass, doc->title_font, block->text, width, PANGO_ALIGN_CENTER, 0);
      fit (pass, h + 60);
      show (pass, x, pass->y);
      pass->y += h + 4;
      if (block->text2 != NULL)
        {
          h = prepare (pass, doc->body_font, block->text2, width, PANGO_ALIGN_CENTER, 0);
          show (pass, x, pass->y);
          pass->y += h;
        }
      if (drawing (pass))
        {
          cairo_set_source_rgb (pass->cr, 0.75, 0.1, 0.1);
          cairo_set_line_width (pass->cr, 1.5);
          cairo_move_to (pass->cr, x, pass->y + 8);
          cairo_line_to (pass->cr, x + width, pass->y + 8);
          cairo_stroke (pass->cr);
          cairo_set_source_rgb (pass->cr, 0, 0, 0);
        }
      pass->y += 22;
      break;

    case BLOCK_HEADING:
      h = prepare (pass, doc->bold_font, block->text, width, PANGO_ALIGN_LEFT, 0);
      /* A heading is not left alone at the foot of a page. */
      fit (pass, h + 40);
      pass->y += 6;
      show (pass, x, pass->y);
      pass->y += h + 3;
      break;

    case BLOCK_PARAGRAPH:
    case BLOCK_TEXT:
    case BLOCK_BULLET:
      {
        double indent = block->kind == BLOCK_PARAGRAPH ? 24 : 0;
        double offset = block->kind == BLOCK_BULLET ? 14 : 0;
        g_autofree char *text = block->kind == BLOCK_BULLET ? g_strdup_printf ("• %s", block->text)
                                                             : g_strdup (block->text);

        h = prepare (pass, doc->body_font, text, width - offset, PANGO_ALIGN_LEFT, indent);
        if (h > doc->height - 2 * MARGIN)
          {
            /* Longer than a page: let it run over, line by line. */
            PangoLayoutIter *iter = pango_layout_get_iter (pass->layout);

            do
              {
                PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
                PangoRectangle logical;
                int baseline = pango_layout_iter_get_baseline (iter);

                pango_layout_iter_get_line_extents (iter, NULL, &logical);
                fit (pass, (double)logical.height / PANGO_SCALE);
                if (drawing (pass))
                  {
                    cairo_move_to (pass->cr, x + offset + (double)logical.x / PANGO_SCALE,
                                   pass->y + (double)(baseline - logical.y) / PANGO_SCALE);
                    pango_cairo_show_layout_line (pass->cr, line);
                  }
                pass->y += (double)logical.height / PANGO_SCALE;
              }
            while (pango_layout_iter_next_line (iter));
            pango_layout_iter_free (iter);
          }
        else
          {
            fit (pass, h);
            show (pass, x + offset, pass->y);
            pass->y += h;
          }
        pass->y += block->kind == BLOCK_BULLET ? 2 : 6;
      }
      break;

    case BLOCK_SIGNATURE:
      {
        double h1 = prepare (pass, doc->body_font, block->text, width, PANGO_ALIGN_RIGHT, 0);
        double h2 = block->text2 != NULL ? h1 : 0;

        fit (pass, h1 + h2 + 36);
        pass->y += 36;
        show (pass, x, pass->y);
        pass->y += h1 + 4;
        if (block->text2 != NULL)
          {
            prepare (pass, doc->body_font, block->text2, width, PANGO_ALIGN_RIGHT, 0);
            show (pass, x, pass->y);
            pass->y += h2;
          }
      }
      break;

    case BLOCK_ROW:
      {
        const char *font = block->header ? doc->bold_font : doc->body_font;
        double row = 0, cx = x;

        for (guint i = 0; i < block->n; i++)
          row = MAX (row, prepare (pass, font, block->cells[i], block->widths[i] * width - 6,
                                   PANGO_ALIGN_LEFT, 0));
        fit (pass, row + 4);
        for (guint i = 0; i < block->n; i++)
          {
            prepare (pass, font, block->cells[i], block->widths[i] * width - 6, PANGO_ALIGN_LEFT, 0);
            show (pass, cx, pass->y);
            cx += block->widths[i] * width;
          }
        pass->y += row + 3;
        if (drawing (pass))
          {
            cairo_set_line_width (pass->cr, block->header ? 0.8 : 0.3);
            cairo_move_to (pass->cr, x, pass->y - 1.5);
            cairo_line_to (pass->cr, x + width, pass->y - 1.5);
            cairo_stroke (pass->cr);
          }
        pass->y += 1;
      }
      break;

    case BLOCK_CHART:
      fit (pass, block->height);
      if (drawing (pass) && block->draw != NULL)
        {
          cairo_save (pass->cr);
          block->draw (pass->cr, x, pass->y, width, block->height, block->user_data);
          cairo_restore (pass->cr);
        }
      pass->y += block->height + 6;
      break;

    case BLOCK_BREAK:
    default:
      if (pass->y > MARGIN)
        new_page (pass);
      break;
    }
}

static void
run_pass (Pass *pass)
{
  pass->layout = pango_cairo_create_layout (pass->cr);
  pango_layout_set_wrap (pass->layout, PANGO_WRAP_WORD_CHAR);
  pass->y = MARGIN;
  pass->page = 0;
  cairo_set_source_rgb (pass->cr, 0, 0, 0);
  for (guint i = 0; i < pass->doc->blocks->len; i++)
    lay_block (pass, g_ptr_array_index (pass->doc->blocks, i));
  draw_footer (pass);
  if (pass->emit_pages && !pass->measuring)
    cairo_show_page (pass->cr);
  g_clear_object (&pass->layout);
}

guint
_qa_pdf_count_pages (QaPdfDocument *doc)
{
  /* A PDF surface without output measures exactly as the written file will. */
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, doc->width, doc->height);
  Pass pass = { doc, NULL, NULL, 0, 0, 0, -1, FALSE, TRUE };

  pass.cr = cairo_create (surface);
  run_pass (&pass);
  cairo_destroy (pass.cr);
  cairo_surface_destroy (surface);
  return pass.page + 1;
}

void
_qa_pdf_draw_page (QaPdfDocument *doc,
                   cairo_t       *cr,
                   guint          page,
                   double         width,
                   double         height)
{
  Pass pass = { doc, cr, NULL, 0, 0, 0, (int)page, FALSE, FALSE };

  pass.n_pages = _qa_pdf_count_pages (doc);
  cairo_save (cr);
  cairo_scale (cr, width / doc->width, height / doc->height);
  run_pass (&pass);
  cairo_restore (cr);
}

gboolean
_qa_pdf_write (QaPdfDocument  *doc,
               const char     *path,
               GQuark          domain,
               int             code,
               GError        **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Pass pass = { doc, NULL, NULL, 0, 0, 0, -1, TRUE, FALSE };

  pass.n_pages = _qa_pdf_count_pages (doc);
  surface = cairo_pdf_surface_create (path, doc->width, doc->height);
  if (doc->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "qareview " PACKAGE_VERSION);
  pass.cr = cairo_create (surface);
  run_pass (&pass);
  cairo_destroy (pass.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, domain, code, _("“%s” could not be written: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

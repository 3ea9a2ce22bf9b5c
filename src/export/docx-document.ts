/**
 * Wraps rendered blocks in a Word document and packs it to a Buffer. One place
 * sets the page (A4, narrow margins for the wide action plan table), the
 * document properties and the footer naming the incident, so minutes and
 * reports look like one family.
 */
import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

export interface DocxMeta {
  title: string;
  description: string;
  /** Printed in the footer of every page beside the page number. */
  footer: string;
}

// A4 in twentieths of a point; 1.8 cm margins leave room for six table columns.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1020;

export async function packDocx(meta: DocxMeta, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Muster',
    title: meta.title,
    description: meta.description,
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun(`${meta.footer} — page `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun(' of '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

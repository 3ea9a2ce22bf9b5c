/**
 * The quarterly board report as a Word document: RAG counts per priority,
 * the red and amber exceptions with their latest update, the indicator table
 * and the indicator trend chart (a PNG drawn on the server), then any links
 * to incidents. Same page and footer as the other Muster documents.
 */
import { type FileChild, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { CHART_HEIGHT, CHART_WIDTH, renderIndicatorChart } from './board-report-chart.js';
import type { BoardReportDocument } from './board-report-model.js';
import { packDocx } from './docx-document.js';
import { bullets, heading, labelled, para, ragCell, table, title } from './docx-parts.js';
import { RAG_LABEL } from './rag.js';

export async function renderBoardReportDocx(report: BoardReportDocument): Promise<Buffer> {
  const children: FileChild[] = [
    title(`Board report — ${report.title}`),
    labelled('Update round', report.roundLine),
    labelled('As at', report.asAt),
    heading('Actions by priority', 1),
    table(
      ['Priority', 'Red', 'Amber', 'Green'],
      report.priorities.map((p) => [`${p.number}. ${p.title}`, `${p.red}`, `${p.amber}`, `${p.green}`]),
      [64, 12, 12, 12],
    ),
    heading('Exceptions: red and amber actions', 1),
    exceptionsTable(report),
    heading('Indicators', 1),
    ...indicatorParts(report),
    heading('Linked incidents', 1),
    ...bullets(report.links, 'No incident actions have been promoted into this plan.'),
  ];
  return packDocx(
    {
      title: `Board report — ${report.title}`,
      description: `Quarterly board report of the ${report.title} plan`,
      footer: report.title,
    },
    children,
  );
}

function exceptionsTable(report: BoardReportDocument): FileChild {
  if (report.exceptions.length === 0) return para('No red or amber actions.', { italics: true });
  const widths = [8, 34, 18, 10, 30];
  const header = ['No.', 'Action', 'Lead', 'RAG', 'Latest update'];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => textCell(h, widths[i], true)),
      }),
      ...report.exceptions.map(
        (e) =>
          new TableRow({
            children: [
              textCell(e.number, widths[0]),
              textCell(e.description, widths[1]),
              textCell(e.lead, widths[2]),
              ragCell(e.rag, widths[3]),
              textCell(e.updatedBy ? `${e.latestUpdate}\n(${e.updatedBy})` : e.latestUpdate, widths[4]),
            ],
          }),
      ),
    ],
  });
}

function indicatorParts(report: BoardReportDocument): FileChild[] {
  if (report.indicators.length === 0) return [para('The plan has no indicators.', { italics: true })];
  const rows = report.indicators.map((i) => [
    i.key,
    i.name,
    `${i.baseline} (${i.baselinePeriod})`,
    i.latest === undefined ? 'No figure yet' : `${i.latest} (${i.latestQuarter})`,
    i.changeText,
    i.rag ? RAG_LABEL[i.rag] : '—',
  ]);
  return [
    table(['Key', 'Indicator', 'Baseline', 'Latest', '% change', 'RAG'], rows, [6, 38, 18, 16, 10, 12]),
    para('Trend: % change from baseline each quarter (below the dashed line is a fall).', { italics: true }),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: renderIndicatorChart(report.indicators, `${report.title}: indicators`),
          transformation: { width: CHART_WIDTH * 0.65, height: CHART_HEIGHT * 0.65 },
          altText: {
            name: 'Indicator trend chart',
            title: 'Indicator trend',
            description: report.indicators.map((i) => `${i.key} ${i.name}: ${i.changeText}`).join('; '),
          },
        }),
      ],
    }),
  ];
}

function textCell(text: string, width: number | undefined, bold = false): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => para(bold ? line : line)),
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
    ...(bold ? { shading: { fill: 'D9D9D9' } } : {}),
  });
}

package org.smartphone.payroll.report;

import java.util.List;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;

/**
 * The inline SVG bar chart of arrears by bucket: one horizontal bar per bucket, its length
 * proportional to the amount overdue, with the number of contracts and the amount beside it.
 * Lengths are computed in whole pixels with integer arithmetic, so the same figures always give
 * the same drawing.
 */
final class ArrearsChart {

    static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 150;
    private static final int BAR_SPACE = 330;
    private static final int ROW_HEIGHT = 44;
    private static final int BAR_HEIGHT = 26;
    private static final int MARGIN = 8;

    private ArrearsChart() {}

    static String svg(List<BucketLine> buckets, ReportLabels labels) {
        int height = 2 * MARGIN + ROW_HEIGHT * buckets.size();
        long max = buckets.stream().mapToLong(BucketLine::overdueXof).max().orElse(0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(labels.chartDescription()))
                .append("\">\n");
        svg.append("<title>").append(Html.escape(labels.chartDescription())).append("</title>\n");
        for (int i = 0; i < buckets.size(); i++) {
            BucketLine bucket = buckets.get(i);
            int top = MARGIN + i * ROW_HEIGHT;
            int middle = top + ROW_HEIGHT / 2 + 5;
            int length = length(bucket.overdueXof(), max);
            String value = labels.contracts(bucket.count()) + " \u00B7 " + Html.francs(bucket.overdueXof());
            String code = Html.escape(bucket.bucket());
            svg.append("<g class=\"bucket\" data-bucket=\"").append(code).append("\">");
            svg.append("<text class=\"label\" x=\"0\" y=\"")
                    .append(middle)
                    .append("\">")
                    .append(Html.escape(labels.bucket(bucket.bucket())))
                    .append("</text>");
            svg.append("<rect class=\"bar bar-")
                    .append(i + 1)
                    .append("\" data-bucket=\"")
                    .append(code)
                    .append("\" x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(top + (ROW_HEIGHT - BAR_HEIGHT) / 2)
                    .append("\" width=\"")
                    .append(length)
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" rx=\"3\"><title>")
                    .append(Html.escape(value))
                    .append("</title></rect>");
            svg.append("<text class=\"value\" x=\"")
                    .append(LABEL_WIDTH + length + 10)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\">")
                    .append(Html.escape(value))
                    .append("</text>");
            svg.append("</g>\n");
        }
        svg.append("<line class=\"axis\" x1=\"")
                .append(LABEL_WIDTH)
                .append("\" y1=\"")
                .append(MARGIN / 2)
                .append("\" x2=\"")
                .append(LABEL_WIDTH)
                .append("\" y2=\"")
                .append(height - MARGIN / 2)
                .append("\"/>\n");
        svg.append("</svg>");
        return svg.toString();
    }

    /** The bar's length in pixels: 0 for nothing overdue, at least 2 for anything, the longest for the largest. */
    static int length(long amount, long max) {
        if (amount <= 0 || max <= 0) {
            return 0;
        }
        long length = max <= Long.MAX_VALUE / BAR_SPACE ? amount * BAR_SPACE / max : amount / (max / BAR_SPACE);
        return (int) Math.max(2, Math.min(BAR_SPACE, length));
    }
}

package org.mempred.lab.reproduce;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mempred.lab.report.Cell;
import org.mempred.lab.sim.Timeline;

/**
 * The reproduction's PNG charts, drawn with XChart in headless mode (no display needed; {@code
 * java.awt.headless} is set before AWT loads). Each method draws one chart from measured data
 * and writes it to a file; nothing is computed here but the unit conversions of the axes. A
 * series without points is left out (XChart rejects empty series).
 */
final class Charts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    /** Pressure points between two rows of event markers under the pressure lines. */
    private static final double MARKER_ROW_GAP = 3.0;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * Pressure at every tick in [{@code fromNanos}, {@code toNanos}] for runs of one seed, with OOM
     * and compaction markers.
     */
    static void pressureOverTime(Path file, String title, Map<String, Timeline> runs, long fromNanos, long toNanos) {
        XYChart chart = xyChart(title, "virtual time (s)", "pressure (%)");
        for (Map.Entry<String, Timeline> run : runs.entrySet()) {
            Timeline timeline = run.getValue();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < timeline.size(); i++) {
                if (timeline.timeNanos(i) >= fromNanos && timeline.timeNanos(i) <= toNanos) {
                    x.add(timeline.timeNanos(i) / 1e9);
                    y.add(timeline.pressure(i) * 100.0);
                }
            }
            if (!x.isEmpty()) {
                XYSeries line = chart.addSeries(run.getKey() + " pressure", x, y);
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
            }
        }
        // Events go on rows of their own below the lines, one row per run and kind, so that no marker
        // hides another or a line.
        double lowest = 100.0;
        for (Timeline timeline : runs.values()) {
            for (int i = 0; i < timeline.size(); i++) {
                if (timeline.timeNanos(i) >= fromNanos && timeline.timeNanos(i) <= toNanos) {
                    lowest = Math.min(lowest, timeline.pressure(i) * 100.0);
                }
            }
        }
        double row = Math.floor(lowest) - MARKER_ROW_GAP;
        for (Map.Entry<String, Timeline> run : runs.entrySet()) {
            Timeline timeline = run.getValue();
            for (int kind = 0; kind < 3; kind++) {
                String what = kind == 0 ? " OOM events" : kind == 1 ? " proactive compactions" : " direct compactions";
                markers(
                        chart,
                        run.getKey() + what + " (row " + Cell.format(row, 0, false) + ")",
                        timeline,
                        kind,
                        row,
                        fromNanos,
                        toNanos);
                row -= MARKER_ROW_GAP;
            }
        }
        save(chart, file);
    }

    /**
     * Markers on the row at {@code rowY} at the ticks in the window where a running total (0 OOM, 1
     * proactive, 2 direct) grew.
     */
    private static void markers(
            XYChart chart, String name, Timeline timeline, int kind, double rowY, long fromNanos, long toNanos) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < timeline.size(); i++) {
            long total = switch (kind) {
                case 0 -> timeline.oomEvents(i);
                case 1 -> timeline.proactiveCompactions(i);
                default -> timeline.directCompactions(i);
            };
            long t = timeline.timeNanos(i);
            if (total > previous && t >= fromNanos && t <= toNanos) {
                x.add(timeline.timeNanos(i) / 1e9);
                y.add(rowY);
            }
            previous = total;
        }
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(name, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(
                    kind == 0 ? SeriesMarkers.CROSS : kind == 1 ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.DIAMOND);
        }
    }

    /** The forecast made at t vs the target's peak actually observed in (t, t + H], as % of capacity. */
    static void predictedVsActual(Path file, String title, LabelLog labels) {
        XYChart chart = xyChart(title, "prediction time (s)", "over the horizon (% of capacity)");
        double[] x = new double[labels.size()];
        double[] predicted = new double[labels.size()];
        double[] actual = new double[labels.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = labels.timeNanos(i) / 1e9;
            predicted[i] = labels.predicted(i) * 100.0;
            actual[i] = labels.actual(i) * 100.0;
        }
        if (x.length > 0) {
            chart.addSeries("actual", x, actual).setMarker(SeriesMarkers.NONE);
            chart.addSeries("forecast", x, predicted).setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    /** One bar group per category, one bar per series; NaN values are drawn as 0. */
    static void bars(
            Path file,
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, double[]> series) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (double value : entry.getValue()) {
                values.add(Double.isNaN(value) ? 0.0 : value);
            }
            chart.addSeries(entry.getKey(), categories, values);
        }
        save(chart, file);
    }

    /** One line with markers per series; each value is {x[], y[]}, drawn in the given order. */
    static void scatter(Path file, String title, String xTitle, String yTitle, Map<String, double[][]> series) {
        XYChart chart = xyChart(title, xTitle, yTitle);
        chart.getStyler().setMarkerSize(9);
        for (Map.Entry<String, double[][]> entry : series.entrySet()) {
            chart.addSeries(entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
        }
        save(chart, file);
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisDecimalPattern("#0");
        return chart;
    }

    private static void save(Chart<?, ?> chart, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }
}

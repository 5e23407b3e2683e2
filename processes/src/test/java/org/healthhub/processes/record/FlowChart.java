package org.healthhub.processes.record;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** {@link FlowBench}'s chart: flows per second against handler threads, one line per kind of handlers. */
final class FlowChart {

  private static final int WIDTH = 720;
  private static final int HEIGHT = 440;
  private static final int MARGIN = 60;
  private static final List<String> SERIES = List.of("real", "nothing");
  private static final List<Color> COLORS = List.of(new Color(0x1f77b4), new Color(0xd62728));

  private FlowChart() {}

  static void write(List<FlowBench.Run> runs, Path png) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double top = Math.max(1, runs.stream().mapToDouble(FlowBench.Run::perSecond).max().orElse(1)) * 1.1;
    List<Integer> threads = runs.stream().map(FlowBench.Run::threads).distinct().sorted().toList();
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
    g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
    g.drawString("store-record flows/s by handler threads (real handlers vs handlers that do nothing)", MARGIN, MARGIN - 25);
    for (int tick = 0; tick <= 4; tick++) {
      double value = top * tick / 4;
      g.drawString(String.format(top < 10 ? "%.1f" : "%.0f", value), 10, y(value, top) + 4);
    }
    for (int i = 0; i < threads.size(); i++) {
      g.drawString(threads.get(i) + " thr", x(i, threads.size()) - 12, HEIGHT - MARGIN + 20);
    }
    g.setStroke(new BasicStroke(2.5f));
    for (int s = 0; s < SERIES.size(); s++) {
      String series = SERIES.get(s);
      List<FlowBench.Run> points = runs.stream().filter(r -> r.handlers().equals(series)).toList();
      g.setColor(COLORS.get(s));
      for (int i = 0; i < points.size(); i++) {
        int px = x(threads.indexOf(points.get(i).threads()), threads.size());
        int py = y(points.get(i).perSecond(), top);
        g.fillOval(px - 4, py - 4, 8, 8);
        g.drawString(String.format("%.1f", points.get(i).perSecond()), px + 6, py - 6);
        if (i > 0) {
          g.drawLine(x(threads.indexOf(points.get(i - 1).threads()), threads.size()), y(points.get(i - 1).perSecond(), top),
              px, py);
        }
      }
      g.drawString(series.equals("real") ? "real handlers (end to end)" : "handlers that do nothing (engine ceiling)",
          MARGIN + 10, MARGIN + 20 * s);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static int x(int index, int count) {
    return MARGIN + 30 + index * (WIDTH - 2 * MARGIN - 60) / Math.max(1, count - 1);
  }

  private static int y(double value, double top) {
    return (int) (HEIGHT - MARGIN - value / top * (HEIGHT - 2 * MARGIN));
  }
}

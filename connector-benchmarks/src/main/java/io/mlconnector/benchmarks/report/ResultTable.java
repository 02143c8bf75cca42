package io.mlconnector.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the figures of a run and renders them as a plain-text table (console) and a Markdown table (file). */
public final class ResultTable {
    private final List<Figure> figures = new ArrayList<>();

    /** Adds figures (thread-safe). */
    public synchronized void add(List<Figure> more) {
        figures.addAll(more);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Prints an aligned text table. */
    public void print(PrintStream out) {
        List<Figure> all = figures();
        String[] head = {"suite", "figure", "value", "unit", "target", "note"};
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
        }
        for (Figure f : all) {
            String[] row = row(f);
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        w[5] = Math.min(w[5], 90);
        out.println(line(head, w));
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sep.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        }
        out.println(sep);
        for (Figure f : all) {
            out.println(line(row(f), w));
        }
    }

    /** Writes the table as Markdown, after the given preamble lines. */
    public void writeMarkdown(Path file, List<String> preamble) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String p : preamble) {
            sb.append(p).append('\n');
        }
        sb.append('\n').append("| suite | figure | value | unit | target | note |\n");
        sb.append("|---|---|---:|---|---|---|\n");
        for (Figure f : figures()) {
            String[] r = row(f);
            sb.append('|');
            for (String c : r) {
                sb.append(' ').append(c.replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString());
    }

    private static String[] row(Figure f) {
        return new String[] {f.suite(), f.name(), f.value(), f.unit(), f.target(), f.note()};
    }

    private static String line(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i == cells.length - 1) {
                sb.append(" | ").append(c);
            } else {
                sb.append(i == 0 ? "" : " | ");
                boolean right = i == 2;
                String pad = " ".repeat(Math.max(0, w[i] - c.length()));
                sb.append(right ? pad + c : c + pad);
            }
        }
        return sb.toString();
    }
}

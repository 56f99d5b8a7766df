package poolbench.report.documents;

import java.util.List;

/** A markdown document built line by line; tables escape their cells so a value can never break a row. */
public final class Markdown {

    private final StringBuilder text = new StringBuilder();

    Markdown heading(int level, String title) {
        blankLine();
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    Markdown paragraph(String paragraph) {
        blankLine();
        text.append(paragraph).append("\n\n");
        return this;
    }

    Markdown bullet(String item) {
        text.append("- ").append(item).append('\n');
        return this;
    }

    /** A fenced block, kept as written (a tool's own output, say). */
    Markdown codeBlock(String content) {
        blankLine();
        text.append("```\n").append(content.strip()).append("\n```\n\n");
        return this;
    }

    /** Markdown written elsewhere (a hand-written page), inserted as it is. */
    Markdown raw(String markdown) {
        blankLine();
        text.append(markdown.strip()).append("\n\n");
        return this;
    }

    Markdown image(String alt, String file) {
        return paragraph("![" + alt + "](" + file + ")");
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        blankLine();
        row(header);
        text.append('|');
        header.forEach(h -> text.append("---|"));
        text.append('\n');
        rows.forEach(this::row);
        text.append('\n');
        return this;
    }

    static String link(String label, String target) {
        return "[" + label + "](" + target + ")";
    }

    static String code(String s) {
        return "`" + s + "`";
    }

    private void row(List<String> cells) {
        text.append('|');
        for (String c : cells) {
            text.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        text.append('\n');
    }

    /** Keeps exactly one blank line between blocks, however they were added. */
    private void blankLine() {
        int n = text.length();
        if (n == 0) {
            return;
        }
        if (text.charAt(n - 1) != '\n') {
            text.append("\n\n");
        } else if (n < 2 || text.charAt(n - 2) != '\n') {
            text.append('\n');
        }
    }

    @Override
    public String toString() {
        String s = text.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }
}

package poolbench.server.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The stats schema is documented once, in server-core's README: one row a {@link StatsSnapshot} field, in the
 * record's order, each with its unit and kind. Surefire runs in the module's directory, where the README is.
 */
class StatsSchemaTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z]+)` \\| ([^|]+) \\| ([^|]+) \\| .+\\|$");

    @Test
    void everyFieldHasOneRowInTheReadmeInTheRecordsOrder() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int section = lines.indexOf("## Stats schema");
        assertTrue(section >= 0, "server-core/README.md has no '## Stats schema' section");
        List<String> documented = new ArrayList<>();
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertTrue(!row.group(2).isBlank() && !row.group(3).isBlank(), "a row without unit or kind: " + line);
                documented.add(row.group(1));
            }
        }
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : StatsSnapshot.class.getRecordComponents()) {
            fields.add(c.getName());
        }
        assertEquals(fields, documented);
    }
}

package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code serve} keeps the stats endpoint on 127.0.0.1 whatever {@code --host} says, opens it elsewhere only with
 * {@code --admin-host}, and says so in its help. Parsed, not run: nothing binds a public address here.
 */
class ServeAdminHostTest {

    private static ServeCommand parse(String... args) {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (ServeCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void theAdminPortBindsLoopbackWhateverHostIs() {
        var config = parse("serve", "--arm", "classic", "--host", "0.0.0.0").serverConfig();
        assertEquals("0.0.0.0", config.host());
        assertEquals("127.0.0.1", config.adminHost());
    }

    @Test
    void adminHostOpensItOnPurpose() {
        var config = parse("serve", "--arm", "classic", "--host", "0.0.0.0", "--admin-host", "0.0.0.0").serverConfig();
        assertEquals("0.0.0.0", config.adminHost());
    }

    @Test
    void serveHelpSaysWhereTheAdminPortBinds() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("serve", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--admin-host=<adminHost> Address the stats endpoint binds (default: 127.0.0.1, "
                + "whatever --host is"), help);
    }
}

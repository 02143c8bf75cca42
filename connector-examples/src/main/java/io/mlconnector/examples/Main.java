package io.mlconnector.examples;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.examples.demo.Demo;
import io.mlconnector.examples.host.ExampleHost;
import io.mlconnector.examples.ping.Ping;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One entry point for the examples: {@code demo} (sandboxes, no credentials), {@code serve} (the example host,
 * configured by environment variables) and {@code ping} (checks real credentials, changes nothing).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "demo" -> Demo.main(rest);
                case "serve" -> ExampleHost.main(rest);
                case "ping" -> Ping.main(rest);
                default -> {
                    System.err.println("usage: Main demo | serve | ping");
                    System.err.println("  demo   run the end-to-end demo against in-process sandboxes");
                    System.err.println("  serve  run the example host (configuration from environment variables)");
                    System.err.println("  ping   check both connections with your credentials; changes nothing");
                    System.exit(2);
                }
            }
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (ConnectorException | UncheckedIOException e) {
            System.err.println(command + " could not start: " + e.getMessage());
            System.exit(1);
        }
    }
}

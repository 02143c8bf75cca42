package io.mlconnector.examples.config;

import io.mlconnector.core.error.ConfigurationException;
import java.util.List;

/**
 * The environment does not describe a usable host: every problem found is listed (one line each, naming the variable;
 * secret values are never repeated), so a person fixes them all in one go.
 */
public final class InvalidConfigurationException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem. */
    public List<String> problems() {
        return problems;
    }
}

package io.mlconnector.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * An ERP back end embedding the connector through the starter: nothing to wire. The {@code mlconnector.*} settings
 * are in {@code application.properties}; the connector keeps its tables in the app's H2 database, takes webhooks at
 * {@code /webhooks/freshbooks} and {@code /webhooks/procore}, runs on the app's task scheduler (scheduling is on) and
 * reports at {@code /actuator/health} and {@code /actuator/metrics}. Contractors' connections are added at run time
 * ({@code MlConnector.addConnection}, from the app's FreshBooks OAuth redirect) or in the properties.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {
    /**
     * Runs the application.
     *
     * @param args Spring Boot command line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}

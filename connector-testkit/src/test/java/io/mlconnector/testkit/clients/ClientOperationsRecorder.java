package io.mlconnector.testkit.clients;

import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.procore.spec.Operation;
import io.mlconnector.testkit.procore.spec.ProcoreOperations;
import io.mlconnector.testkit.server.RecordedRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a client test when a request the Procore sandbox received is not one of Procore's published operations, or
 * is one without a {@code response} entry in the facts table, i.e. one missing from
 * {@code procore-client-operations.txt}. Register it after the sandbox extension, so it runs before the sandbox
 * closes:
 *
 * <pre>{@code
 * @RegisterExtension final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(...);
 * @RegisterExtension final ClientOperationsRecorder ops = ClientOperationsRecorder.of(ext);
 * }</pre>
 */
final class ClientOperationsRecorder implements AfterEachCallback {

    private final ProcoreSandboxExtension sandbox;

    private ClientOperationsRecorder(ProcoreSandboxExtension sandbox) {
        this.sandbox = sandbox;
    }

    /** A recorder checking the requests of the sandbox that {@code sandbox} runs. */
    static ClientOperationsRecorder of(ProcoreSandboxExtension sandbox) {
        return new ClientOperationsRecorder(sandbox);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        List<String> violations = violations(ProcoreOperations.standard(), sandbox.sandbox().requestLog().entries());
        if (!violations.isEmpty()) {
            throw new AssertionError("the client called operations outside the facts table:\n  "
                + String.join("\n  ", violations));
        }
    }

    /**
     * The distinct violations among {@code requests}: {@code METHOD path: not a Procore operation} or
     * {@code METHOD path: <op id> is not in procore-client-operations.txt}.
     */
    static List<String> violations(ProcoreOperations ops, List<RecordedRequest> requests) {
        Set<String> out = new LinkedHashSet<>();
        for (RecordedRequest r : requests) {
            Optional<Operation> op = ops.match(r.method(), r.path()).map(m -> m.operation());
            if (op.isEmpty()) {
                out.add(r.method() + " " + r.path() + ": not a Procore operation");
            } else if (op.get().successResponse().isEmpty()) {
                out.add(r.method() + " " + r.path() + ": " + op.get().id()
                    + " is not in procore-client-operations.txt");
            }
        }
        return List.copyOf(out);
    }
}

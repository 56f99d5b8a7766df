package poolbench.compare.agent;

/**
 * Why the agent did not do what a request asked: the HTTP status it answers (4xx for the request, 500 for a failure
 * on the server host) and one line for the {@link AgentProtocol.Refusal}.
 */
final class RequestFailed extends Exception {

    final int status;

    RequestFailed(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }
}

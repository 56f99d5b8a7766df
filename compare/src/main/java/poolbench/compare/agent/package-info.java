/**
 * Two hosts: {@code AgentServer} (the {@code poolbench agent} on the server host, which starts and stops the
 * project's own servers and reads their side's {@code /proc}) and {@code AgentServerHost} (compare's side of it, a
 * {@code ServerHost}), with the token, the typed wire format, and the serve options that may cross.
 */
package poolbench.compare.agent;

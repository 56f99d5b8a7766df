/**
 * The server's front: {@link poolbench.server.accept.HttpServer} binds, accepts on its own platform thread and hands
 * each connection to the arm's dispatcher; {@link poolbench.server.accept.Servers} starts an arm or a reference by
 * name. What keeps the accept loop alive out of file descriptors lives here too.
 */
package poolbench.server.accept;

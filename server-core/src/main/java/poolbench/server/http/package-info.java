/**
 * The HTTP/1.1 codec, with no threads and no I/O of its own: a request head parsed in place into a reused
 * {@link poolbench.server.http.Request}, chunked bodies skipped, responses written into one reusable buffer.
 */
package poolbench.server.http;

/**
 * The workloads every arm serves ({@code /plaintext}, {@code /json}, {@code /sleep}, {@code /cpu},
 * {@code /downstream}, {@code /db}), computed on the serving thread, and the one definition of what each answers.
 */
package poolbench.server.endpoints;

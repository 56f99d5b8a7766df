/**
 * The machine under the runs: {@code /proc} ticks and their accounting per side, the gate that marks a window
 * disturbed, CPU pinning, the servers' CPU quota, and descriptor limits.
 */
package poolbench.compare.machine;

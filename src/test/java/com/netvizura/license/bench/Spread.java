package com.netvizura.license.bench;

import java.util.List;
import java.util.stream.IntStream;

/** The figures of several runs as the benches print them: median and range (lowest-highest). */
record Spread(List<Double> values) {

    Spread {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        values = List.copyOf(values);
    }

    double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** "median unit (min-max)" with {@code digits} decimals, e.g. {@code 1.2 ms (1.1-1.9)}. */
    String format(String unit, int digits) {
        String f = "%." + digits + "f";
        return String.format(f + unit + " (" + f + "-" + f + ")", median(), min(), max());
    }

    /** The run-by-run quotients {@code this / base} (the runs alternate, so run i of both belong together). */
    Spread over(Spread base) {
        return new Spread(IntStream.range(0, Math.min(values.size(), base.values.size()))
                .mapToObj(i -> values.get(i) / base.values.get(i)).toList());
    }

    /** The median latencies of wrk runs. */
    static Spread p50(List<Wrk.Run> runs) {
        return new Spread(runs.stream().map(Wrk.Run::p50Millis).toList());
    }

    /** The 99th percentile latencies of wrk runs. */
    static Spread p99(List<Wrk.Run> runs) {
        return new Spread(runs.stream().map(Wrk.Run::p99Millis).toList());
    }

    /** The requests a second of wrk runs. */
    static Spread rps(List<Wrk.Run> runs) {
        return new Spread(runs.stream().map(Wrk.Run::requestsPerSecond).toList());
    }

    /** The bytes a response of wrk runs. */
    static Spread bytes(List<Wrk.Run> runs) {
        return new Spread(runs.stream().map(Wrk.Run::bytesPerResponse).toList());
    }
}

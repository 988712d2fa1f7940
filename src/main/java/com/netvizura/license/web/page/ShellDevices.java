package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.AdminGate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The standalone shell's stand-in for what NetVizura watches: a list of devices on the placeholder dashboard that an
 * admin can grow and shrink, reported as {@code devices} through {@link LicenseService#reportUsage} at every change,
 * exactly where the real NetVizura reports the devices it counts. It shows the Usage section, the notice and the
 * metrics moving in a demo. Not used in an overlay (the host has its own dashboard and its own count).
 */
@Named("nvShellDevices")
@ApplicationScoped
public class ShellDevices {

    /** A small network to start with. */
    static final int START = 12;
    static final int MAX = 100_000;

    @Inject
    LicenseService service;

    private int count;

    @PostConstruct
    void init() {
        count = START;
        service.reportUsage("devices", count);
    }

    /** Adds {@code n} devices (admins only). */
    public synchronized void add(int n) {
        change(Math.min(MAX, count + n));
    }

    /** Removes {@code n} devices (admins only). */
    public synchronized void remove(int n) {
        change(Math.max(0, count - n));
    }

    private void change(int to) {
        if (!AdminGate.mayChange(FacesContext.getCurrentInstance(), service)) {
            return;
        }
        count = to;
        service.reportUsage("devices", count);
    }

    public synchronized int getCount() {
        return count;
    }

    /** The names of the last few devices, newest last, so the list stays short. */
    public synchronized List<String> getNewest() {
        return IntStream.rangeClosed(Math.max(1, count - 4), count).mapToObj(i -> String.format("device-%03d", i))
                .toList();
    }
}
